#include "verifylifecycle.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

namespace hako::host::verify {
namespace {

constexpr int kGcWaitMs = 60000;
constexpr int kHttpTimeoutMs = 10000;

struct HttpReply
{
    int status = 0;
    QByteArray body;
};

// A plain GET on the loopback admin endpoint. It is served by this very
// process, so the event loop runs while waiting. The server keeps the
// connection open after its answer, so the reply ends by its length, not by
// the connection closing.
HttpReply httpGet(quint16 port, const QByteArray &path)
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(QString::fromLatin1(path))));
    request.setTransferTimeout(kHttpTimeoutMs);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const HttpReply answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return answer;
}

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)).left(300);
}

// The sum of a metric's samples whose labels contain `labels` (empty: all).
double sampleSum(const QByteArray &exposition, const QByteArray &name, const QByteArray &labels = {})
{
    double sum = 0;
    for (const QByteArray &line : exposition.split('\n')) {
        if (!line.startsWith(name) || line.startsWith('#'))
            continue;
        const QByteArray rest = line.mid(name.size());
        if ((!rest.startsWith('{') && !rest.startsWith(' ')) || (!labels.isEmpty() && !rest.contains(labels)))
            continue;
        sum += line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return sum;
}

// Mount points at or beneath `dir`, from this process's mount table.
QStringList mountsUnder(const QString &dir)
{
    QFile table(QStringLiteral("/proc/self/mountinfo"));
    QStringList found;
    if (dir.isEmpty() || !table.open(QIODevice::ReadOnly))
        return found;
    for (const QByteArray &line : table.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        const QString point = fields.size() > 4 ? QString::fromUtf8(fields.at(4)) : QString();
        if (point == dir || point.startsWith(dir + QLatin1Char('/')))
            found << point;
    }
    return found;
}

} // namespace

double metricSum(Session &s, const QByteArray &name, const QByteArray &labels)
{
    const HttpReply http = httpGet(s.adminPort(), "/metrics");
    return http.status == 200 ? sampleSum(http.body, name, labels) : -1;
}

Outcome healthReport(Session &s)
{
    Outcome o = Outcome::start();
    const HttpReply http = httpGet(s.adminPort(), "/healthz");
    const QJsonObject health = QJsonDocument::fromJson(http.body).object();
    o.check((http.status == 200 || http.status == 503) && !health.isEmpty(),
            QStringLiteral("GET /healthz on 127.0.0.1:%1: %2, status %3")
                    .arg(s.adminPort())
                    .arg(http.status)
                    .arg(health.value(QLatin1String("status")).toString()));
    const QJsonObject docker = health.value(QLatin1String("docker")).toObject();
    o.check(docker.value(QLatin1String("reachable")).toBool(), QStringLiteral("docker: %1").arg(compact(docker)));
    o.check(health.value(QLatin1String("containers")).isObject(),
            QStringLiteral("containers: %1").arg(compact(health.value(QLatin1String("containers")))));
    const QString runtime =
            health.value(QLatin1String("runtimes")).toObject().value(QLatin1String("configured")).toString();
    o.check(runtime == s.expected().runtime, QStringLiteral("runtime %1 reported").arg(runtime));
    o.check(s.executor()->health().value(QLatin1String("status")) == health.value(QLatin1String("status")),
            QStringLiteral("health() through the interface says the same"));
    return o;
}

Outcome securityMetrics(Session &s)
{
    Outcome o = Outcome::start();
    const HttpReply http = httpGet(s.adminPort(), "/metrics");
    o.check(http.status == 200, QStringLiteral("GET /metrics on 127.0.0.1:%1: %2").arg(s.adminPort()).arg(http.status));
    o.check(http.body.contains("# TYPE workspace_seccomp_violations_total counter"),
            QStringLiteral("workspace_seccomp_violations_total is defined"));
    // The probes sent IP literals and foreign hosts to the proxy, and refused calls to the kernel.
    const double literals = sampleSum(http.body, "workspace_security_events_total", "type=\"proxy_ip_literal\"");
    const double denied = sampleSum(http.body, "workspace_proxy_requests_total", "decision=\"denied\"");
    o.check(literals > 0 && denied > 0,
            QStringLiteral("security events: %1 proxy_ip_literal, %2 denied proxy requests").arg(literals).arg(denied));
    const double violations = sampleSum(http.body, "workspace_seccomp_violations_total");
    if (violations == 0 && s.expected().gvisor) {
        o.check(true, QStringLiteral("no seccomp violation counted: gVisor has no seccomp user notification"));
        o.notes << QStringLiteral("gvisor-uncounted");
    } else {
        o.check(violations > 0, QStringLiteral("%1 seccomp violations counted").arg(violations));
    }
    return o;
}

Outcome alertRules(Session &)
{
    Outcome o = Outcome::start();
    const QString bin = QCoreApplication::applicationDirPath();
    QStringList rules;
    for (const QString &dir :
         {bin + QStringLiteral("/../share/hako/prometheus"), bin + QStringLiteral("/../../resources/prometheus")})
        for (const QFileInfo &f :
             QDir(dir).entryInfoList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files)) {
            QFile file(f.absoluteFilePath());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains("workspace_seccomp_violations_total"))
                rules << f.absoluteFilePath();
        }
    o.check(!rules.isEmpty(),
            QStringLiteral("alert rules on workspace_seccomp_violations_total: %1")
                    .arg(rules.isEmpty() ? QStringLiteral("none found") : rules.join(QLatin1String(", "))));
    return o;
}

Outcome usernsRemap(Session &s)
{
    Outcome o = Outcome::start();
    const CommandRun info =
            s.docker({QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .SecurityOptions}}")});
    const bool enabled = info.out.contains("name=userns");
    const ToolReply map = s.bash(Tenant::Main, QStringLiteral("cat /proc/self/uid_map"), 30);
    const QString uidMap = map.stdoutText().simplified();
    if (!enabled) {
        o.off = true;
        o.evidence << QStringLiteral("off: docker SecurityOptions %1; uid_map %2")
                              .arg(QString::fromUtf8(info.out.trimmed()), uidMap);
        o.notes << QStringLiteral("userns-off");
        return o;
    }
    o.check(!uidMap.startsWith(QLatin1String("0 0 ")),
            QStringLiteral("uid_map %1: container root is not host root").arg(uidMap));
    return o;
}

Outcome garbageCollection(Session &s)
{
    Outcome o = Outcome::start();
    const int before = s.containers().size();
    QStringList problems;
    // The idle TTL, not the absolute one: a sweep applies the absolute TTL to containers whose
    // owner it cannot see, which may belong to a live host elsewhere; the idle TTL only to this
    // instance's and to orphans of hosts that are gone, which every sweep removes in time.
    // The admin endpoint stays with the configuration that opened it.
    for (const Error &e : s.reconfigure({{QStringLiteral("lifecycle.idleTtl"), 1},
                                         {QStringLiteral("lifecycle.gcInterval"), 1},
                                         {QStringLiteral("admin.listen"), QString()}}))
        problems << e.logMessage;
    o.check(problems.isEmpty(),
            QStringLiteral("idle TTL set to 1 s for this check %1").arg(problems.join(QLatin1Char(' '))));
    QElapsedTimer clock;
    clock.start();
    s.executor()->start();
    const bool gone = s.waitFor([&s] { return s.containers().isEmpty(); }, kGcWaitMs);
    o.check(before > 0 && gone, QStringLiteral("%1 containers past their TTL; %2 after %3 ms")
                                        .arg(before)
                                        .arg(gone ? QStringLiteral("all removed by GC") : QStringLiteral("still there"))
                                        .arg(clock.elapsed()));
    o.check(true, QStringLiteral("last GC: %1").arg(compact(s.executor()->health().value(QLatin1String("last_gc")))));
    for (const Error &e : s.reconfigure({{QStringLiteral("admin.listen"), QString()}}))
        o.check(false, e.logMessage);
    return o;
}

Outcome shutdownRemovesAll(Session &s)
{
    Outcome o = Outcome::start();
    const ToolReply r = s.bash(Tenant::Main, QStringLiteral("true"), 120);
    const int before = s.containers().size();
    o.check(!r.error && before > 0, QStringLiteral("%1 container(s) running before shutdown").arg(before));
    QElapsedTimer clock;
    clock.start();
    s.executor()->shutdown();
    const QStringList left = s.containers();
    o.check(left.isEmpty(), QStringLiteral("%1 left after shutdown() (%2 ms)").arg(left.size()).arg(clock.elapsed()));
    // The agents' socket directories are file systems the host mounted for them.
    const QStringList mounts = mountsUnder(s.privateRoot());
    o.check(mounts.isEmpty(),
            QStringLiteral("file systems left mounted in the run's directories: %1")
                    .arg(mounts.isEmpty() ? QStringLiteral("none") : mounts.join(QLatin1Char(' ')).left(300)));
    return o;
}

} // namespace hako::host::verify
