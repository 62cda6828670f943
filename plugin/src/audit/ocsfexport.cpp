#include "ocsfexport.h"

#include <QDateTime>
#include <QJsonArray>

namespace hako::audit {
namespace {

enum Severity { Informational = 1, Low = 2, Medium = 3, High = 4 };
enum Status { Success = 1, Failure = 2 };

QString field(const QJsonObject &line, const char *name)
{
    return line.value(QLatin1String(name)).toString();
}

QString seqOf(const QJsonObject &line)
{
    return QString::number(line.value(QLatin1String("seq")).toDouble(), 'f', 0);
}

QJsonObject base(const QJsonObject &line, int classUid, int activityId, int severity, int status)
{
    const qint64 time = QDateTime::fromString(field(line, "time"), Qt::ISODateWithMs).toMSecsSinceEpoch();
    const QJsonObject product = {{QStringLiteral("name"), QStringLiteral("Hako")},
                                 {QStringLiteral("vendor_name"), QStringLiteral("Hako")}};
    const QJsonObject metadata = {{QStringLiteral("version"), QString::fromLatin1(kOcsfVersion)},
                                  {QStringLiteral("product"), product},
                                  {QStringLiteral("uid"), seqOf(line)},
                                  {QStringLiteral("correlation_uid"), field(line, "conversation")},
                                  {QStringLiteral("original_time"), field(line, "time")}};
    QJsonObject unmapped = line;
    unmapped.remove(QStringLiteral("prev"));
    return {{QStringLiteral("class_uid"), classUid},
            {QStringLiteral("category_uid"), classUid / 1000},
            {QStringLiteral("activity_id"), activityId},
            {QStringLiteral("type_uid"), double(classUid) * 100 + activityId},
            {QStringLiteral("severity_id"), severity},
            {QStringLiteral("status_id"), status},
            {QStringLiteral("time"), double(time)},
            {QStringLiteral("metadata"), metadata},
            {QStringLiteral("unmapped"), unmapped}};
}

// The sandbox a conversation runs in: a virtual device (OCSF device type 6).
QJsonObject sandbox(const QJsonObject &line)
{
    return {{QStringLiteral("type_id"), 6}, {QStringLiteral("uid"), field(line, "conversation")}};
}

QJsonObject processActivity(const QJsonObject &line)
{
    const QString outcome = field(line, "outcome");
    const bool ok = outcome == QLatin1String("ok");
    QJsonObject event = base(line, 1007, 1 /* Launch */, Informational, ok ? Success : Failure);
    event.insert(QStringLiteral("process"), QJsonObject{{QStringLiteral("name"), field(line, "tool")},
                                                        {QStringLiteral("uid"), field(line, "call_id")}});
    event.insert(QStringLiteral("actor"), QJsonObject{{QStringLiteral("app_name"), QStringLiteral("hako")}});
    event.insert(QStringLiteral("device"), sandbox(line));
    event.insert(QStringLiteral("duration"), line.value(QLatin1String("duration_ms")).toDouble());
    return event;
}

QJsonObject networkActivity(const QJsonObject &line)
{
    const bool allowed = field(line, "decision") == QLatin1String("allowed");
    QJsonObject event = base(line, 4001, allowed ? 6 /* Traffic */ : 5 /* Refuse */, allowed ? Informational : Low,
                             allowed ? Success : Failure);
    event.insert(QStringLiteral("message"), field(line, "reason"));
    event.insert(QStringLiteral("src_endpoint"), QJsonObject{{QStringLiteral("uid"), field(line, "conversation")},
                                                             {QStringLiteral("svc_name"), QStringLiteral("sandbox")}});
    event.insert(QStringLiteral("dst_endpoint"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("upstream")},
                             {QStringLiteral("svc_name"), QStringLiteral("credential proxy")}});
    return event;
}

QJsonObject detectionFinding(const QJsonObject &line, const QString &title, const QString &type, int severity)
{
    QJsonObject event = base(line, 2004, 1 /* Create */, severity, Success);
    event.insert(QStringLiteral("finding_info"),
                 QJsonObject{{QStringLiteral("title"), title},
                             {QStringLiteral("uid"), QStringLiteral("hako-audit-") + seqOf(line)},
                             {QStringLiteral("types"), QJsonArray{type}}});
    event.insert(QStringLiteral("device"), sandbox(line));
    return event;
}

} // namespace

QJsonObject toOcsf(const QJsonObject &line)
{
    const QString event = field(line, "event");
    if (event == QLatin1String("tool_call"))
        return processActivity(line);
    if (event == QLatin1String("proxy_decision"))
        return networkActivity(line);
    if (event == QLatin1String("seccomp_violation"))
        return detectionFinding(line, QStringLiteral("Refused system call: ") + field(line, "syscall"),
                                QStringLiteral("seccomp_violation"), Medium);
    if (event == QLatin1String("security_event"))
        return detectionFinding(line, QStringLiteral("Security event: ") + field(line, "type"),
                                QStringLiteral("security_event"), High);
    return {};
}

} // namespace hako::audit
