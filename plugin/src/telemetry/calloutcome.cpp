#include "calloutcome.h"

#include <QStringList>

namespace hako::telemetry {

CallOutcome callOutcome(const QJsonObject &result, const Error &error)
{
    static const QStringList rejections = {
            QStringLiteral("conversation_id_empty"), QStringLiteral("conversation_id_too_long"),
            QStringLiteral("conversation_id_invalid"), QStringLiteral("unknown_tool"), QStringLiteral("bad_input")};
    CallOutcome o;
    if (error) {
        o.errorCode = error.code;
        if (error.code == QLatin1String("timeout") || error.code == QLatin1String("cancelled"))
            o.outcome = error.code;
        else
            o.outcome = rejections.contains(error.code) ? QStringLiteral("rejected") : QStringLiteral("error");
        return o;
    }
    const QJsonValue exitCode = result.value(QLatin1String("exit_code"));
    if (exitCode.isDouble())
        o.exitCode = exitCode.toInt();
    if (result.value(QLatin1String("timed_out")).toBool())
        o.outcome = QStringLiteral("timeout");
    else if (result.value(QLatin1String("oom_killed")).toBool())
        o.outcome = QStringLiteral("oom_killed");
    else if (o.exitCode > 0)
        o.outcome = QStringLiteral("exit_nonzero");
    else
        o.outcome = QStringLiteral("ok");
    return o;
}

} // namespace hako::telemetry
