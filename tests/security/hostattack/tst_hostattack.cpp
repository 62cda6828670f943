// The sandbox attacks the host side (threat T-9), against real containers on
// runc and on runsc. A process left running in a conversation's container
// (attack.py, started with setsid from a bash call so that it outlives it)
// attacks while the host adopts the container again and again, each
// `hako-host exec` being a new host process:
//   symlinkSwapRace  (a) host-made entries in the socket directory swapped for
//                    symlinks to root-only host canaries
//   agentRedirect    (b) agent.sock pointed at another conversation's agent
//   fakeAgent        (c) a fake agent bound at agent.sock
//   fakeAgentFlood   (d) a fake agent flooding 1 MiB Stdout frames, alone or
//                    after relaying the real agent's handshake
//   proxyFlood       (e) 64 proxy connections each announcing a 20 MB body,
//                    while another sandbox asks the proxy for something
// The host paths the attacker needs (canaries, the runtime directory) are
// handed to it: an attacker is assumed to know them.
// HAKO_TEST_HOST runs the suite against another build's hako-host (and so
// its plugin and agent, found beside it).
#include "hakohostdriver.h"
#include "mcpclient.h"
#include "memorywatch.h"
#include "standin.h"

#include "policy/conversationid.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

namespace {

// The issue reproduced the race with five to ten adoptions; each adoption is a race the attacker may win.
constexpr int kAdoptions = 10;
// The flood's call runs with this timeout; "promptly" is well before it (the
// unbounded host ended only at the timeout plus the 15 s watchdog).
constexpr int kCallTimeoutSeconds = 120;
constexpr qint64 kPromptMs = 30000;
// Host memory growth a hostile agent may cause during one call: the host keeps
// at most the output limit (1 MiB) per stream and a frame or two in flight;
// 64 MiB leaves room for allocator slack (the unbounded host passed the
// 1 GiB ceiling within 2 to 3 s, and the issue saw 2 GB in 4 s).
constexpr qint64 kFloodGrowthBound = qint64(64) << 20;
// Growth of the one host process serving both sandboxes' proxies while 64
// connections from one of them each announce 20 MB: request bodies are held
// whole (SigV4 hashes them), at most 64 MiB per sandbox and 128 MiB for all;
// one sandbox's share plus as much again for buffers and allocator slack,
// against the 1.28 GB the bodies add up to (the unbounded proxy was killed at
// the 1 GiB ceiling after 2 s).
constexpr qint64 kProxyGrowthBound = qint64(128) << 20;
// Past this the test kills the host process: an unbounded host fails the
// test instead of exhausting the machine.
constexpr qint64 kKillCeiling = qint64(1) << 30;
constexpr int kProxyConnections = 64;
// proxy.maxConnections by default: what one sandbox may hold open at once. The
// rest must be refused, not left waiting with a buffer each (the unbounded
// proxy held all 64 for the whole attack).
constexpr int kMaxHeldConnections = 16;
constexpr int kProxyBodyBytes = 20000000;
// A few KB per second per connection: each byte would restart an idle timer.
constexpr int kTrickleBytesPerSecond = 4096;
constexpr int kCallMs = 300000; // container creation under runsc included

const QString kAttackDir = QStringLiteral("/workspace/.hostattack");
const QByteArray kCanaryText = "root-only canary: must keep its mode and its contents\n";
const StandIn::Credentials kCreds{QStringLiteral("AKIDHAKOHOSTATTACK"),
                                  QStringLiteral("hakoHostAttackSecret/DoNotLeak+0123456789ab"),
                                  QStringLiteral("hakoHostAttackToken-DoNotLeak-0123456789")};
const QString kBedrockRequest = QStringLiteral(
        "curl -sS -o /dev/null -w 'HTTP_CODE=%{http_code} TIME=%{time_total}\\n' --max-time 60"
        " --unix-socket /var/run/hako/proxy.sock -H 'Content-Type: application/json'"
        " --data '{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":8}'"
        " 'http://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1:0/invoke'");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content, mode_t mode)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size() && f.flush()
           && ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

QString workspaceOf(const HakoHostDriver &host, const QString &conversation)
{
    return host.workspacesDir() + QLatin1Char('/') + hako::conversationKey(conversation);
}

// Where the attacker's files are, seen from the host.
QString attackFile(const HakoHostDriver &host, const QString &conversation, const QString &name)
{
    return workspaceOf(host, conversation) + QStringLiteral("/.hostattack/") + name;
}

QList<QJsonObject> readLog(const QString &path)
{
    QList<QJsonObject> records;
    for (const QByteArray &line : readFile(path).split('\n'))
        if (!line.isEmpty())
            records << QJsonDocument::fromJson(line).object();
    return records;
}

QList<QJsonObject> eventsOf(const QList<QJsonObject> &log, const QString &event)
{
    QList<QJsonObject> found;
    for (const QJsonObject &r : log)
        if (r.value(QLatin1String("event")).toString() == event)
            found << r;
    return found;
}

// The attacker's log, for the test output: what it tried and what it could do.
QString describe(const QList<QJsonObject> &log)
{
    QString text;
    for (const QJsonObject &r : log) {
        QJsonObject shown = r;
        shown.remove(QStringLiteral("t"));
        text += QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Compact)).left(400) + QLatin1Char('\n');
    }
    return text.right(6000);
}

QString installCommand()
{
    const QByteArray script = readFile(QStringLiteral(HAKO_HOSTATTACK_DIR "/attack.py"));
    return QStringLiteral("mkdir -p %1 && echo '%2' | base64 -d > %1/attack.py && echo installed")
            .arg(kAttackDir, QString::fromLatin1(script.toBase64()));
}

// Started so that it outlives the call (its own session); the call returns
// once the attacker logged that it is in place.
QString backgroundCommand(const QString &arguments, const QString &log)
{
    return QStringLiteral("cd %1 && setsid nohup python3 attack.py %2 --log %1/%3 > %1/%3.out 2>&1 < /dev/null &\n"
                          "for i in $(seq 600); do grep -q '\"event\": \"ready\"' %1/%3 2>/dev/null && exit 0; "
                          "sleep 0.1; done; cat %1/%3.out %1/%3; exit 1")
            .arg(kAttackDir, arguments, log);
}

QString errorCodeOf(const HostRun &run)
{
    return run.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

QString shown(const HostRun &run)
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3")
            .arg(run.exitCode)
            .arg(QString::fromUtf8(run.out.left(1500)), QString::fromUtf8(run.err.right(1500)));
}

// Mode, owner and contents of the canaries, as one comparable text.
QString canaryState(const QString &file, const QString &dir)
{
    auto statOf = [](const QString &path) {
        struct stat st
        {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            return QStringLiteral("missing");
        return QStringLiteral("mode %1 uid %2").arg(st.st_mode, 0, 8).arg(st.st_uid);
    };
    QString state = QStringLiteral("file: %1, %2\ndir: %3\n")
                            .arg(statOf(file), QString::fromUtf8(readFile(file).toHex()), statOf(dir));
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    QStringList entries;
    while (it.hasNext()) {
        const QString path = it.next();
        entries << QStringLiteral("  %1: %2, %3")
                           .arg(it.fileName(), statOf(path), QString::fromUtf8(readFile(path).toHex()));
    }
    entries.sort();
    return state + entries.join(QLatin1Char('\n'));
}

// Every file in a workspace with its contents.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(path.mid(dir.size()), it.fileInfo().isFile() ? readFile(path) : QByteArray("<not a file>"));
    }
    return files;
}

struct Measured
{
    HostRun run;
    qint64 peakBytes = 0;
    bool killed = false;
};

// One `hako-host exec` whose peak resident memory is watched while it runs.
Measured measuredExec(const HakoHostDriver &host, const QString &conversation, const QString &command,
                      const QStringList &flags, int timeoutMs)
{
    Measured m;
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<QProcess> p(
            host.spawn(QStringList{QStringLiteral("exec"), QStringLiteral("--conversation"), conversation} + flags
                       + QStringList{QStringLiteral("--"), command}));
    if (!p->waitForStarted(10000)) {
        m.run.err = p->errorString().toUtf8();
        return m;
    }
    MemoryWatch watch(p->processId(), kKillCeiling);
    if (!p->waitForFinished(timeoutMs)) {
        p->kill();
        p->waitForFinished(5000);
        m.run.err = "test: timed out\n";
    }
    watch.stop();
    m.run.ms = clock.elapsed();
    m.run.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    m.run.out = p->readAllStandardOutput();
    m.run.err += p->readAllStandardError();
    m.peakBytes = watch.peakBytes();
    m.killed = watch.killedAtCeiling();
    return m;
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1 << 20), 'f', 1) + QStringLiteral(" MiB");
}

} // namespace

class tst_HostAttack : public QObject
{
    Q_OBJECT

    QStringList m_runtimes; // the engine's
    QTemporaryDir m_dir;
    StandIn m_standIn;
    quint16 m_standInPort = 0;

    std::unique_ptr<HakoHostDriver> hostFor(const QString &runtime) const
    {
        auto host = std::make_unique<HakoHostDriver>();
        host->set(QStringLiteral("runtime=") + runtime); // after any $HAKO_TEST_RUNTIME: the row decides
        return host;
    }

    static void addRuntimeRows(const QStringList &variants)
    {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("variant");
        for (const QString &runtime : {QStringLiteral("runc"), QStringLiteral("runsc")})
            for (const QString &variant : variants)
                QTest::newRow(qPrintable(runtime + QLatin1Char('/') + variant)) << runtime << variant;
    }

    // A running container with the attacker program in its workspace.
    static bool prepare(const HakoHostDriver &host, const QString &conversation, QString *why)
    {
        const HostRun r = host.exec(conversation, installCommand());
        *why = shown(r);
        return r.exitCode == 0 && r.out.contains("installed");
    }

    static bool startAttacker(const HakoHostDriver &host, const QString &conversation, const QString &arguments,
                              const QString &log, QString *why)
    {
        const HostRun r = host.exec(conversation, backgroundCommand(arguments, log));
        *why = shown(r);
        return r.exitCode == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(::geteuid() == 0, "the host side runs as root here, as the attacks assume");
        const HostRun info = HakoHostDriver::docker(
                {QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .Runtimes}}")});
        QVERIFY2(info.exitCode == 0, info.err.constData());
        m_runtimes = QJsonDocument::fromJson(info.out).object().keys();
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(StandIn::makeCertificates(m_dir.path(), &error), qPrintable(error));
        m_standInPort = m_standIn.start(m_dir.filePath(QStringLiteral("server.pem")),
                                        m_dir.filePath(QStringLiteral("server.key")),
                                        m_dir.filePath(QStringLiteral("standin.jsonl")), kCreds);
        QVERIFY(m_standInPort);
        qInfo("hako-host under test: %s", qPrintable(HakoHostDriver::hostBinary()));
    }

    void init()
    {
        if (QTest::currentDataTag()) {
            const QString runtime = QString::fromLatin1(QTest::currentDataTag()).section(QLatin1Char('/'), 0, 0);
            QVERIFY2(m_runtimes.contains(runtime),
                     qPrintable(runtime
                                + QStringLiteral(" is not a runtime of the engine: scripts/setup.sh installs it")));
        }
    }

    // (a) Whatever the host creates in a socket directory the sandbox can
    // write is swapped for a symlink to a root-only host canary the moment it
    // appears; the host adopts the container kAdoptions times meanwhile.
    void symlinkSwapRace_data() { addRuntimeRows({QStringLiteral("adoptions")}); }
    void symlinkSwapRace()
    {
        QFETCH(QString, runtime);
        const auto host = hostFor(runtime);
        const QString c = QStringLiteral("race");
        QTemporaryDir canaries;
        QVERIFY(canaries.isValid());
        const QString file = canaries.filePath(QStringLiteral("canary-file"));
        const QString dir = canaries.filePath(QStringLiteral("canary-dir"));
        QVERIFY(writeFile(file, kCanaryText, 0600));
        QVERIFY(QDir().mkdir(dir) && ::chmod(QFile::encodeName(dir).constData(), 0700) == 0);
        QVERIFY(writeFile(dir + QStringLiteral("/one"), "one\n", 0600));
        QVERIFY(writeFile(dir + QStringLiteral("/two"), "two\n", 0600));
        const QString before = canaryState(file, dir);

        QString why;
        QVERIFY2(prepare(*host, c, &why), qPrintable(why));
        QVERIFY2(startAttacker(*host, c,
                               QStringLiteral("race --canary-file %1 --canary-dir %2 --stop %3/race.stop")
                                       .arg(file, dir, kAttackDir),
                               QStringLiteral("race.jsonl"), &why),
                 qPrintable(why));
        int changedAt = 0;
        QStringList failedAdoptions;
        for (int i = 1; i <= kAdoptions && !changedAt; ++i) {
            const HostRun r = host->exec(c, QStringLiteral("echo adoption %1").arg(i));
            if (r.exitCode != 0)
                failedAdoptions << QStringLiteral("%1: %2").arg(i).arg(shown(r));
            if (canaryState(file, dir) != before)
                changedAt = i;
        }
        // From inside: under gVisor a file the host adds to the workspace may stay unseen.
        const HostRun stop = host->exec(c, QStringLiteral("touch %1/race.stop").arg(kAttackDir));
        QVERIFY2(stop.exitCode == 0, qPrintable(shown(stop)));
        if (!changedAt && canaryState(file, dir) != before)
            changedAt = kAdoptions + 1; // that call adopted the container too
        QList<QJsonObject> log;
        for (int i = 0; i < 100 && eventsOf(log, QStringLiteral("end")).isEmpty(); ++i) {
            QThread::msleep(100);
            log = readLog(attackFile(*host, c, QStringLiteral("race.jsonl")));
        }
        qInfo().noquote()
                << QStringLiteral("attacker's log:\n") + describe(log)
                           + QString::fromUtf8(
                                   readFile(attackFile(*host, c, QStringLiteral("race.jsonl.out"))).right(2000));
        if (!failedAdoptions.isEmpty())
            qInfo().noquote() << "adoptions that failed:" << failedAdoptions.join(QLatin1Char('\n'));
        const QString after = canaryState(file, dir);
        QVERIFY2(
                after == before,
                qPrintable(QStringLiteral("the canaries changed at adoption %1 of %2 (the last one stops the attacker):"
                                          "\nbefore:\n%3\nafter:\n%4")
                                   .arg(changedAt)
                                   .arg(kAdoptions + 1)
                                   .arg(before, after)));
        QVERIFY2(!eventsOf(log, QStringLiteral("end")).isEmpty(),
                 "the attacker did not last through the adoptions: nothing was tested");
    }

    // (b) agent.sock of conversation A pointed at conversation B's agent (a
    // relative path, an absolute host path, or the absolute host path of B's
    // own agent.sock link): A's next call must not run in B.
    void agentRedirect_data()
    {
        addRuntimeRows({QStringLiteral("relative"), QStringLiteral("absolute"), QStringLiteral("absolute-link")});
    }
    void agentRedirect()
    {
        QFETCH(QString, runtime);
        QFETCH(QString, variant);
        const auto host = hostFor(runtime);
        const QString a = QStringLiteral("redirecting");
        const QString b = QStringLiteral("bystander");
        const HostRun started = host->exec(b, QStringLiteral("echo secret-of-b > b-marker && echo ok"));
        QVERIFY2(started.exitCode == 0, qPrintable(shown(started)));
        QString why;
        QVERIFY2(prepare(*host, a, &why), qPrintable(why));
        const QMap<QString, QByteArray> before = snapshot(workspaceOf(*host, b));

        const HostRun plant = host->exec(
                a,
                QStringLiteral(
                        "python3 %1/attack.py redirect --key-b %2 --runtime-dir %3 --mode %4 --log %1/redirect.jsonl")
                        .arg(kAttackDir, hako::conversationKey(b), host->runtimeDir(), variant));
        QVERIFY2(plant.exitCode == 0, qPrintable(shown(plant)));
        qInfo().noquote() << QStringLiteral("attacker's log:\n")
                                     + describe(readLog(attackFile(*host, a, QStringLiteral("redirect.jsonl"))));

        const HostRun call = host->exec(
                a, QStringLiteral("touch /workspace/written-by-a; cat /workspace/b-marker 2>/dev/null; echo call-ran"),
                {QStringLiteral("--json")});
        qInfo().noquote() << "A's next call:" << shown(call);
        QVERIFY2(!QFile::exists(workspaceOf(*host, b) + QStringLiteral("/written-by-a")),
                 "A's call ran in B's container");
        QVERIFY2(!call.out.contains("secret-of-b"), "A's call read B's workspace");
        QVERIFY2(snapshot(workspaceOf(*host, b)) == before, "B's workspace changed");
        QVERIFY2(call.exitCode != 0 && !errorCodeOf(call).isEmpty(),
                 qPrintable(QStringLiteral("A's call did not fail: ") + shown(call)));
        qInfo().noquote() << "A's call failed with" << errorCodeOf(call);
    }

    // (c) A fake agent in place of agent.sock (the real one renamed aside)
    // answers Hello as version 1, or as version 2 with a made-up proof.
    void fakeAgent_data() { addRuntimeRows({QStringLiteral("hello-v1"), QStringLiteral("hello-v2")}); }
    void fakeAgent()
    {
        QFETCH(QString, runtime);
        QFETCH(QString, variant);
        const auto host = hostFor(runtime);
        const QString c = QStringLiteral("faked");
        QString why;
        QVERIFY2(prepare(*host, c, &why), qPrintable(why));
        QVERIFY2(startAttacker(*host, c, QStringLiteral("fake --mode ") + variant, QStringLiteral("fake.jsonl"), &why),
                 qPrintable(why));
        const HostRun call = host->exec(c, QStringLiteral("echo ran > /workspace/ran-through-the-agent"),
                                        {QStringLiteral("--json")});
        const QList<QJsonObject> log = readLog(attackFile(*host, c, QStringLiteral("fake.jsonl")));
        qInfo().noquote() << QStringLiteral("the call:") << shown(call)
                          << QStringLiteral("\nthe fake agent's log:\n") + describe(log);
        const QList<QJsonObject> calls = eventsOf(log, QStringLiteral("call"));
        QVERIFY2(calls.isEmpty(), qPrintable(QStringLiteral("the fake agent received a Call frame: ")
                                             + calls.value(0).value(QLatin1String("payload")).toString()));
        QVERIFY2(!call.out.contains("answered by the fake agent"), qPrintable(shown(call)));
        QVERIFY2(call.exitCode != 0, qPrintable(shown(call)));
        QCOMPARE(errorCodeOf(call), QStringLiteral("agent_impersonation"));
        QVERIFY2(!call.json()
                          .value(QLatin1String("error"))
                          .toObject()
                          .value(QLatin1String("message"))
                          .toString()
                          .isEmpty(),
                 qPrintable(shown(call)));
    }

    // (d) A fake agent floods 1 MiB Stdout frames for the call it sees (or a
    // guessed id), as fast as it can; "relay" first passes the host's Hello to
    // the real agent and its answer back, so that a proof would check out.
    void fakeAgentFlood_data() { addRuntimeRows({QStringLiteral("flood"), QStringLiteral("relay-flood")}); }
    void fakeAgentFlood()
    {
        QFETCH(QString, runtime);
        QFETCH(QString, variant);
        const auto host = hostFor(runtime);
        const QString c = QStringLiteral("flooded");
        QString why;
        QVERIFY2(prepare(*host, c, &why), qPrintable(why));
        // The same host process doing the same call with the real agent.
        const Measured baseline =
                measuredExec(*host, c, QStringLiteral("echo through-the-agent"), {QStringLiteral("--json")}, kCallMs);
        QVERIFY2(baseline.run.exitCode == 0 && baseline.peakBytes > 0, qPrintable(shown(baseline.run)));
        QVERIFY2(startAttacker(*host, c, QStringLiteral("fake --mode ") + variant, QStringLiteral("fake.jsonl"), &why),
                 qPrintable(why));

        const Measured attacked = measuredExec(
                *host, c, QStringLiteral("echo through-the-agent"),
                {QStringLiteral("--json"), QStringLiteral("--timeout"), QString::number(kCallTimeoutSeconds)},
                (kCallTimeoutSeconds + 60) * 1000);
        const QList<QJsonObject> log = readLog(attackFile(*host, c, QStringLiteral("fake.jsonl")));
        const qint64 growth = attacked.peakBytes - baseline.peakBytes;
        qInfo().noquote() << QStringLiteral(
                                     "host peak %1 (baseline %2, growth %3, bound %4)%5; the call ended after %6 ms "
                                     "with error code '%7'")
                                     .arg(mib(attacked.peakBytes), mib(baseline.peakBytes), mib(growth),
                                          mib(kFloodGrowthBound),
                                          attacked.killed
                                                  ? QStringLiteral(", KILLED at the ceiling of ") + mib(kKillCeiling)
                                                  : QString())
                                     .arg(attacked.run.ms)
                                     .arg(errorCodeOf(attacked.run));
        qInfo().noquote() << QStringLiteral("the call:") << shown(attacked.run).left(2000)
                          << QStringLiteral("\nthe fake agent's log:\n") + describe(log);
        QVERIFY2(!attacked.killed, "the host grew past the ceiling and was killed");
        QVERIFY2(growth < kFloodGrowthBound, qPrintable(QStringLiteral("host memory grew by ") + mib(growth)));
        QVERIFY2(attacked.run.ms < kPromptMs, qPrintable(QStringLiteral("the call took %1 ms (timeout %2 s)")
                                                                 .arg(attacked.run.ms)
                                                                 .arg(kCallTimeoutSeconds)));
        // The flood is stopped as impersonation, not by the host's buffer bounds
        // (unit.agentflood shows those, with a stand-in agent that holds the key):
        // a fake Hello fails the proof; under runc a relayed one fails the peer
        // check (the relaying tool is not PID 1); under gVisor, where the peer is
        // the gofer and the relayed proof checks out, the first flood frame fails
        // the frame tag, so there the flood must have reached the host.
        QCOMPARE(errorCodeOf(attacked.run), QStringLiteral("agent_impersonation"));
        if (variant == QLatin1String("relay-flood") && runtime == QLatin1String("runsc"))
            QVERIFY2(!eventsOf(log, QStringLiteral("flood-start")).isEmpty(),
                     "the relayed handshake was not accepted: the flood never reached the host");
    }

    // (e) 64 connections from one sandbox, each announcing a 20 MB body,
    // trickled or as fast as possible, to the one host process that also
    // serves another sandbox's proxy; that sandbox then makes a request.
    void proxyFlood_data() { addRuntimeRows({QStringLiteral("trickle"), QStringLiteral("flood")}); }
    void proxyFlood()
    {
        QFETCH(QString, runtime);
        QFETCH(QString, variant);
        const bool trickle = variant == QLatin1String("trickle");
        const int attackSeconds = trickle ? 45 : 60;
        const auto host = hostFor(runtime);
        host->set(QStringLiteral("proxy.connectTo=[\"::127.0.0.1:%1\"]").arg(m_standInPort));
        host->set(QStringLiteral("proxy.caFile=") + m_dir.filePath(QStringLiteral("ca.pem")));
        host->set(QStringLiteral("credentials.source=settings"));
        host->set(QStringLiteral("credentials.accessKeyId=") + kCreds.accessKey);
        host->set(QStringLiteral("credentials.secretAccessKey=") + kCreds.secretKey);
        host->set(QStringLiteral("credentials.sessionToken=") + kCreds.token);
        const QString a = QStringLiteral("proxy-attacker");
        const QString b = QStringLiteral("proxy-bystander");
        McpClient mcp(*host);
        QString error;
        QVERIFY2(mcp.initialize(&error), qPrintable(error));
        McpClient::Answer answer = mcp.bash(a, installCommand(), kCallMs);
        QVERIFY2(answer.ok && !answer.isError && answer.text.contains(QLatin1String("installed")),
                 qPrintable(answer.text));
        const QRegularExpression code(QStringLiteral("HTTP_CODE=(\\d+)"));
        // Before the attack: B's proxy answers (any status: the stand-in or a refusal).
        answer = mcp.bash(b, kBedrockRequest, kCallMs);
        const int codeBefore = code.match(answer.text).captured(1).toInt();
        QVERIFY2(answer.ok && codeBefore >= 100 && codeBefore < 600, qPrintable(answer.text));

        const qint64 baseline = MemoryWatch::read(mcp.pid(), "VmRSS:");
        MemoryWatch watch(mcp.pid(), kKillCeiling);
        answer = mcp.bash(a,
                          backgroundCommand(QStringLiteral("proxy --connections %1 --length %2 --rate %3 --seconds %4 "
                                                           "--out %5/proxy.json")
                                                    .arg(kProxyConnections)
                                                    .arg(kProxyBodyBytes)
                                                    .arg(trickle ? kTrickleBytesPerSecond : 0)
                                                    .arg(attackSeconds)
                                                    .arg(kAttackDir),
                                            QStringLiteral("proxy.jsonl")),
                          kCallMs);
        QVERIFY2(answer.ok && !answer.isError, qPrintable(answer.text));
        // While the connections are held: B asks (curl gives up after 60 s: a hang shows as 000).
        QThread::sleep(2);
        QElapsedTimer clock;
        clock.start();
        const McpClient::Answer bystander = mcp.bash(b, kBedrockRequest, 120000);
        const qint64 bystanderMs = clock.elapsed();
        const QString reportPath = attackFile(*host, a, QStringLiteral("proxy.json"));
        for (int i = 0; i < (attackSeconds + 60) * 10 && !QFile::exists(reportPath) && mcp.running(); ++i)
            QThread::msleep(100);
        watch.stop();
        const QJsonObject report = QJsonDocument::fromJson(readFile(reportPath)).object();
        const qint64 growth = watch.peakBytes() - baseline;
        qInfo().noquote() << QStringLiteral("host (serve) peak %1, before the attack %2, growth %3 (bound %4)%5; "
                                            "B's request during the attack: %6 ms, %7")
                                     .arg(mib(watch.peakBytes()), mib(baseline), mib(growth), mib(kProxyGrowthBound),
                                          watch.killedAtCeiling()
                                                  ? QStringLiteral(", KILLED at the ceiling of ") + mib(kKillCeiling)
                                                  : QString())
                                     .arg(bystanderMs)
                                     .arg(bystander.text.trimmed().left(500));
        qInfo().noquote() << "the attacker's report:"
                          << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)).left(3000);
        if (report.isEmpty())
            qInfo().noquote()
                    << QStringLiteral("the attacker's log:\n")
                               + describe(readLog(attackFile(*host, a, QStringLiteral("proxy.jsonl"))))
                               + QString::fromUtf8(
                                       readFile(attackFile(*host, a, QStringLiteral("proxy.jsonl.out"))).right(2000));
        QVERIFY2(!watch.killedAtCeiling(), "the host grew past the ceiling and was killed");
        QVERIFY2(growth < kProxyGrowthBound, qPrintable(QStringLiteral("host memory grew by ") + mib(growth)));
        const int codeDuring = code.match(bystander.text).captured(1).toInt();
        QVERIFY2(bystander.ok && codeDuring >= 100 && codeDuring < 600,
                 qPrintable(QStringLiteral("B's request was not served: ") + bystander.text));
        QVERIFY2(!report.isEmpty(), "the attacker wrote no report");
        // Refused at connect, all of them, the attack would hold nothing whatever the bounds.
        QVERIFY2(report.value(QLatin1String("bytes_sent")).toDouble() > 0,
                 "the attacker's connections sent no body: nothing was tested");
        if (trickle) {
            // Each connection held costs the host a buffer and timers for as long as the sandbox likes.
            const int held = report.value(QLatin1String("states")).toObject().value(QLatin1String("open")).toInt();
            QVERIFY2(held <= kMaxHeldConnections,
                     qPrintable(QStringLiteral("%1 of %2 trickling connections were held for %3 s (at most %4 may be)")
                                        .arg(held)
                                        .arg(kProxyConnections)
                                        .arg(attackSeconds)
                                        .arg(kMaxHeldConnections)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_HostAttack)
#include "tst_hostattack.moc"
