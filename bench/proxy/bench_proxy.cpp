// Benchmarks of the credential proxy against baselines measured in the same
// run, on loopback only, with the Python HTTPS stand-in as the upstream:
//   latency     request through the proxy vs a direct HTTPS request (fresh
//               connection each, both signed, both verified by the stand-in)
//   throughput  a 25 MB response streamed through the proxy vs direct
//   signing     hako's SigV4 vs botocore's SigV4Auth on the same request
// Targets: p50 added latency <= 1 ms, throughput >= 95 % of direct, signing
// >= 40x faster. Exit status 0 whatever the figures; they are printed
// (and written as JSON with --json FILE) for docs/benchmarks.md.
#include "credentialproxy.h"
#include "sigv4.h"
#include "standin.h"
#include "upstreamrequest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <pthread.h>

using namespace hako::proxy;

namespace {

const QByteArray kHost = "bedrock-runtime.us-east-1.amazonaws.com";
const QByteArray kInvoke = "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke";
const StandIn::Credentials kCreds{QStringLiteral("AKIDEXAMPLE"),
                                  QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                  QStringLiteral("session-token")};
const QByteArray kBody = R"({"anthropic_version":"bedrock-2023-05-31","max_tokens":64,)"
                         R"("messages":[{"role":"user","content":"Hello"}]})";
constexpr qint64 k25MB = 25 * 1024 * 1024;

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[qMin(v.size() - 1, qsizetype(p * double(v.size())))];
}

double median(const QList<double> &v)
{
    return percentile(v, 0.5);
}

QByteArray plainRequest(const QByteArray &path, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: " + kHost + "\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// The direct baseline signs exactly as the proxy does, so the stand-in does
// the same verification work on both paths.
QByteArray signedRequest(const QByteArray &path, const QByteArray &body)
{
    HttpRequestParser parser;
    parser.feed(plainRequest(path, body));
    Allowlist list;
    list.add({Allowlist::kDefaultPattern, {}});
    const AllowMatch match = list.match(kHost);
    const AwsCredentials aws{kCreds.accessKey.toLatin1(),
                             SecretBuffer::create(kCreds.secretKey.toLatin1()),
                             SecretBuffer::create(kCreds.token.toLatin1()),
                             {}};
    const UpstreamAuth auth{&match, &aws, QDateTime::currentDateTimeUtc()};
    return buildUpstreamHead(parser.head(), sanitizeRequest(parser.head(), {}), body, auth) + body;
}

// Sends `request` and reads until the server closes; returns the bytes read.
// Both paths read into one reused buffer, as curl or a Python client does:
// a fresh allocation per read would put page faults into the figures.
template<typename Socket>
qint64 roundTrip(Socket &socket, const QByteArray &request)
{
    socket.write(request);
    static QByteArray buffer(256 * 1024, Qt::Uninitialized);
    qint64 received = 0;
    while (socket.waitForReadyRead(30000) || socket.bytesAvailable()) {
        for (qint64 n; (n = socket.read(buffer.data(), buffer.size())) > 0;)
            received += n;
    }
    return received;
}

double direct(quint16 port, const QSslConfiguration &tls, const QByteArray &request, qint64 *bytes)
{
    QElapsedTimer clock;
    clock.start();
    QSslSocket socket;
    socket.setSslConfiguration(tls);
    socket.setReadBufferSize(256 * 1024);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QString::fromLatin1(kHost));
    if (!socket.waitForEncrypted(10000))
        return -1;
    *bytes = roundTrip(socket, request);
    return double(clock.nsecsElapsed()) / 1e9;
}

double viaProxy(const QString &path, const QByteArray &request, qint64 *bytes)
{
    QElapsedTimer clock;
    clock.start();
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(10000))
        return -1;
    *bytes = roundTrip(socket, request);
    return double(clock.nsecsElapsed()) / 1e9;
}

double cpuMs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Fixture
{
    QTemporaryDir dir;
    StandIn standIn;
    quint16 port = 0;
    QThread thread;
    CredentialProxy *proxy = nullptr;
    QString socket;
    QSslConfiguration tls;
    clockid_t proxyClock = CLOCK_THREAD_CPUTIME_ID; // the proxy thread's CPU time

    bool start();
    ~Fixture();
};

bool Fixture::start()
{
    QString error;
    if (!StandIn::makeCertificates(dir.path(), &error))
        return false;
    port = standIn.start(dir.filePath(QStringLiteral("server.pem")), dir.filePath(QStringLiteral("server.key")),
                         dir.filePath(QStringLiteral("log.jsonl")), kCreds);
    const QJsonObject settings{
            {QStringLiteral("proxy.connectTo"), QJsonArray{QStringLiteral("::127.0.0.1:") + QString::number(port)}},
            // The stand-in's /bytes route is no Bedrock operation.
            {QStringLiteral("proxy.allow"),
             QJsonArray{QJsonObject{{QStringLiteral("pattern"), QLatin1String(Allowlist::kDefaultPattern)},
                                    {QStringLiteral("operations"), QJsonArray{QStringLiteral("*")}}}}},
            {QStringLiteral("proxy.caFile"), dir.filePath(QStringLiteral("ca.pem"))},
            {QStringLiteral("credentials.source"), QStringLiteral("settings")},
            {QStringLiteral("credentials.accessKeyId"), kCreds.accessKey},
            {QStringLiteral("credentials.secretAccessKey"), kCreds.secretKey},
            {QStringLiteral("credentials.sessionToken"), kCreds.token}};
    ProxyConfig config;
    CredentialConfig credentials;
    if (!port || !configFromSettings(settings, &config, &credentials).isEmpty())
        return false;
    tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(dir.filePath(QStringLiteral("ca.pem")));
    proxy = new CredentialProxy(config, credentials);
    proxy->moveToThread(&thread); // the proxy's own event loop, as in a host
    thread.start();
    socket = dir.filePath(QStringLiteral("proxy.sock"));
    bool ok = false;
    QMetaObject::invokeMethod(
            proxy,
            [&] {
        ok = !proxy->listen(socket);
        pthread_getcpuclockid(pthread_self(), &proxyClock);
            },
            Qt::BlockingQueuedConnection);
    return ok;
}

Fixture::~Fixture()
{
    if (proxy)
        QMetaObject::invokeMethod(
                proxy, [this] { delete proxy; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}

QJsonObject latency(Fixture &f, int rounds)
{
    const QByteArray proxied = plainRequest(kInvoke, kBody);
    QList<double> viaMs, directMs;
    qint64 bytes = 0;
    for (int i = 0; i < rounds; ++i) { // interleaved, so drift hits both alike
        directMs.append(direct(f.port, f.tls, signedRequest(kInvoke, kBody), &bytes) * 1000);
        viaMs.append(viaProxy(f.socket, proxied, &bytes) * 1000);
    }
    const double added = median(viaMs) - median(directMs);
    std::printf("latency  (n=%d)  direct p50 %.3f ms p90 %.3f | proxy p50 %.3f ms p90 %.3f | "
                "added p50 %.3f ms (target <= 1 ms)\n",
                rounds, median(directMs), percentile(directMs, 0.9), median(viaMs), percentile(viaMs, 0.9), added);
    return {{QStringLiteral("direct_p50_ms"), median(directMs)},
            {QStringLiteral("direct_p90_ms"), percentile(directMs, 0.9)},
            {QStringLiteral("proxy_p50_ms"), median(viaMs)},
            {QStringLiteral("proxy_p90_ms"), percentile(viaMs, 0.9)},
            {QStringLiteral("added_p50_ms"), added},
            {QStringLiteral("rounds"), rounds}};
}

// Besides wall-clock throughput, the CPU time each relaying thread spends per
// response: on a machine with few cores the stand-in, the proxy and the
// client compete for them, and the CPU figures show where the time goes
// independently of how the scheduler placed the threads in a given run.
QJsonObject throughput(Fixture &f, int rounds)
{
    const QByteArray path = "/bytes/" + QByteArray::number(k25MB);
    QList<double> viaMBs, directMBs, directCpu, proxyCpu, clientCpu;
    // Round 0 warms both paths up (first handshake, certificate store) and
    // is not counted; a short answer counts as 0 MB/s, not as a fast one.
    auto rate = [](double seconds, qint64 bytes) {
        return bytes < k25MB || seconds <= 0 ? 0.0 : double(bytes) / seconds / 1e6;
    };
    for (int i = 0; i <= rounds; ++i) {
        qint64 directBytes = 0, viaBytes = 0;
        const double c0 = cpuMs(CLOCK_THREAD_CPUTIME_ID);
        const double d = direct(f.port, f.tls, signedRequest(path, {}), &directBytes);
        const double c1 = cpuMs(CLOCK_THREAD_CPUTIME_ID), p0 = cpuMs(f.proxyClock);
        const double p = viaProxy(f.socket, plainRequest(path, {}), &viaBytes);
        const double c2 = cpuMs(CLOCK_THREAD_CPUTIME_ID), p1 = cpuMs(f.proxyClock);
        if (i == 0)
            continue;
        directMBs.append(rate(d, directBytes));
        viaMBs.append(rate(p, viaBytes));
        directCpu.append(c1 - c0);
        clientCpu.append(c2 - c1);
        proxyCpu.append(p1 - p0);
    }
    const double ratio = median(viaMBs) / median(directMBs);
    std::printf("25 MB    (n=%d)  direct %.1f MB/s | proxy %.1f MB/s | %.0f %% of direct "
                "(target >= 95 %%)\n",
                rounds, median(directMBs), median(viaMBs), ratio * 100);
    std::printf("  CPU per response: direct client %.1f ms | proxy thread %.1f ms, "
                "client behind it %.1f ms\n",
                median(directCpu), median(proxyCpu), median(clientCpu));
    return {{QStringLiteral("direct_MBps"), median(directMBs)},
            {QStringLiteral("proxy_MBps"), median(viaMBs)},
            {QStringLiteral("ratio"), ratio},
            {QStringLiteral("direct_client_cpu_ms"), median(directCpu)},
            {QStringLiteral("proxy_thread_cpu_ms"), median(proxyCpu)},
            {QStringLiteral("proxied_client_cpu_ms"), median(clientCpu)},
            {QStringLiteral("rounds"), rounds}};
}

QJsonObject signing(int iterations)
{
    const QByteArray hash = sigv4::sha256Hex(kBody);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const HeaderList headers{{"host", kHost},
                             {"content-type", "application/json"},
                             {"x-amz-date", sigv4::amzDate(now)},
                             {"x-amz-content-sha256", hash},
                             {"x-amz-security-token", kCreds.token.toLatin1()}};
    const QByteArray secret = kCreds.secretKey.toLatin1();
    const QByteArray accessKey = kCreds.accessKey.toLatin1(); // held as bytes by the proxy too
    // Fastest of 20 batches, as for botocore: time stolen by other processes
    // on a shared machine inflates a batch, never shrinks it.
    constexpr int kBatches = 20;
    volatile qsizetype sink = 0; // keeps the loop from being optimised away
    double oursUs = 1e300;
    for (int b = 0; b < kBatches; ++b) {
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < iterations / kBatches; ++i) {
            const QByteArray bodyHash = sigv4::sha256Hex(kBody); // botocore hashes the body each time too
            sink += sigv4::sign({"POST", kInvoke, {}, headers, bodyHash}, {"us-east-1", "bedrock", now, false},
                                {accessKey, secret})
                            .signature.size();
        }
        oursUs = std::min(oursUs, double(clock.nsecsElapsed()) / 1e3 / (iterations / kBatches));
    }
    if (sink == 0) // a signature is never empty: reading the sink is what keeps the loop
        qWarning("no signature was made");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(HAKO_BOTOCORE_BENCH), QStringLiteral("3000")});
    python.write(kBody);
    python.closeWriteChannel();
    python.waitForFinished(120000);
    const double botoUs = python.readAllStandardOutput().trimmed().toDouble();
    std::printf("SigV4    hako %.2f us/signature | botocore %.2f us | %.0fx faster (target >= 40x)\n", oursUs, botoUs,
                botoUs / oursUs);
    return {{QStringLiteral("hako_us"), oursUs},
            {QStringLiteral("botocore_us"), botoUs},
            {QStringLiteral("speedup"), botoUs / oursUs}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("hako.proxy.debug=false\nhako.proxy.info=false"));
    const QStringList args = app.arguments();
    // Figures named on the command line, or all of them.
    auto wanted = [&args](const char *name) {
        const bool any = std::none_of(args.begin() + 1, args.end(), [](const QString &a) {
            return a == QStringLiteral("latency") || a == QStringLiteral("throughput")
                   || a == QStringLiteral("signing");
        });
        return any || args.contains(QLatin1String(name));
    };
    Fixture fixture;
    if (!fixture.start()) {
        std::fprintf(stderr, "bench_proxy: could not start the stand-in or the proxy\n");
        return 1;
    }
    QJsonObject results;
    if (wanted("latency"))
        results[QStringLiteral("latency")] = latency(fixture, 300);
    if (wanted("throughput"))
        results[QStringLiteral("throughput_25MB")] = throughput(fixture, 15);
    if (wanted("signing"))
        results[QStringLiteral("signing")] = signing(20000);
    const qsizetype json = args.indexOf(QStringLiteral("--json"));
    if (json > 0 && json + 1 < args.size()) {
        QFile out(args[json + 1]);
        if (out.open(QIODevice::WriteOnly))
            out.write(QJsonDocument(results).toJson());
    }
    return 0;
}
