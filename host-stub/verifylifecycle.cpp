#include "verifylifecycle.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>

namespace hako::host::verify {
namespace {

constexpr int kGcWaitMs = 60000;

struct HttpReply
{
    int status = 0;
    QByteArray body;
};

// A plain GET on the loopback admin endpoint; HTTP/1.0, so the body ends with the connection.
HttpReply httpGet(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray data;
    while (socket.waitForReadyRead(5000))
        data += socket.readAll();
    data += socket.readAll();
    const qsizetype split = data.indexOf("\r\n\r\n");
    const QList<QByteArray> statusLine = data.left(data.indexOf("\r\n")).split(' ');
    return {statusLine.size() > 1 ? statusLine.at(1).toInt() : 0, split < 0 ? QByteArray() : data.mid(split + 4)};
}

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)).left(300);
}

// Metric samples (not comments) whose line matches `pattern`.
QStringList samples(const QByteArray &exposition, const QRegularExpression &pattern)
{
    QStringList found;
    for (const QByteArray &line : exposition.split('\n'))
        if (!line.startsWith('#') && pattern.match(QString::fromUtf8(line)).hasMatch())
            found << QString::fromUtf8(line);
    return found;
}

} // namespace

Outcome healthReport(Session &s)
{
    Outcome o = Outcome::start();
    const QJsonObject health = s.executor()->health();
    o.check(health.value(QLatin1String("status")).toString() == QLatin1String("ok"), QStringLiteral("health(): %1").arg(compact(health)));
    o.check(health.value(QLatin1String("runtime")).toString() == s.expected().runtime,
            QStringLiteral("runtime %1 reported").arg(health.value(QLatin1String("runtime")).toString()));
    const HttpReply http = httpGet(s.adminPort(), "/healthz");
    o.check(http.status == 200 && QJsonDocument::fromJson(http.body).isObject(),
            QStringLiteral("GET /healthz on 127.0.0.1:%1: %2 %3").arg(s.adminPort()).arg(http.status)
                .arg(QString::fromUtf8(http.body.left(300))));
    return o;
}

Outcome securityMetrics(Session &s)
{
    Outcome o = Outcome::start();
    const HttpReply http = httpGet(s.adminPort(), "/metrics");
    o.check(http.status == 200, QStringLiteral("GET /metrics on 127.0.0.1:%1: %2").arg(s.adminPort()).arg(http.status));
    const bool defined = http.body.contains("workspace_seccomp_violations_total");
    o.check(defined, QStringLiteral("workspace_seccomp_violations_total %1").arg(defined ? QStringLiteral("exported")
                                                                                       : QStringLiteral("missing")));
    // The proxy refusals the probes provoked must have been counted.
    const QStringList events = samples(http.body, QRegularExpression(QStringLiteral("^workspace_\\w*(security|denied|refus)\\w*(\\{.*\\})? [1-9]")));
    o.check(!events.isEmpty(), QStringLiteral("security events counted: %1").arg(events.isEmpty() ? QStringLiteral("none")
                                                                                              : events.mid(0, 5).join(QLatin1String("; "))));
    return o;
}

Outcome alertRules(Session &)
{
    Outcome o = Outcome::start();
    const QString bin = QCoreApplication::applicationDirPath();
    QStringList rules;
    for (const QString &dir : {bin + QStringLiteral("/../share/hako/prometheus"), bin + QStringLiteral("/../../resources/prometheus")})
        for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files)) {
            QFile file(f.absoluteFilePath());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains("workspace_seccomp_violations_total"))
                rules << f.absoluteFilePath();
        }
    o.check(!rules.isEmpty(), QStringLiteral("alert rules on workspace_seccomp_violations_total: %1")
                                  .arg(rules.isEmpty() ? QStringLiteral("none found") : rules.join(QLatin1String(", "))));
    return o;
}

Outcome usernsRemap(Session &s)
{
    Outcome o = Outcome::start();
    const CommandRun info = s.docker({QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .SecurityOptions}}")});
    const bool enabled = info.out.contains("name=userns");
    const ToolReply map = s.bash(Tenant::Main, QStringLiteral("cat /proc/self/uid_map"), 30);
    const QString uidMap = map.stdoutText().simplified();
    if (!enabled) {
        o.off = true;
        o.evidence << QStringLiteral("off: docker SecurityOptions %1; uid_map %2").arg(QString::fromUtf8(info.out.trimmed()), uidMap);
        o.notes << QStringLiteral("userns-off");
        return o;
    }
    o.check(!uidMap.startsWith(QLatin1String("0 0 ")), QStringLiteral("uid_map %1: container root is not host root").arg(uidMap));
    return o;
}

Outcome garbageCollection(Session &s)
{
    Outcome o = Outcome::start();
    const int before = s.containers().size();
    QStringList problems;
    for (const Error &e : s.reconfigure({{QStringLiteral("lifecycle.absoluteTtl"), 1}, {QStringLiteral("lifecycle.gcInterval"), 1}}))
        problems << e.logMessage;
    o.check(problems.isEmpty(), QStringLiteral("absolute TTL set to 1 s for this check %1").arg(problems.join(QLatin1Char(' '))));
    QElapsedTimer clock;
    clock.start();
    s.executor()->start();
    const bool gone = s.waitFor([&s] { return s.containers().isEmpty(); }, kGcWaitMs);
    o.check(before > 0 && gone, QStringLiteral("%1 containers past their TTL; %2 after %3 ms")
                                    .arg(before).arg(gone ? QStringLiteral("all removed by GC") : QStringLiteral("still there"))
                                    .arg(clock.elapsed()));
    o.check(true, QStringLiteral("last GC: %1").arg(compact(s.executor()->health().value(QLatin1String("last_gc")))));
    for (const Error &e : s.reconfigure({}))
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
    return o;
}

} // namespace hako::host::verify
