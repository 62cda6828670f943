// A finished tool call reduced to the few facts metrics and the audit log
// keep: one outcome from a fixed set, the exit code, the error code.
#pragma once

#include <hako/error.h>

#include <QJsonObject>
#include <QString>

namespace hako::telemetry {

struct CallOutcome
{
    // ok, exit_nonzero, timeout, cancelled, oom_killed, rejected (the call
    // never reached a sandbox: bad ID, unknown tool, bad input) or error.
    QString outcome;
    int exitCode = -1; // -1 when the result has none
    QString errorCode; // empty unless the call failed
};

CallOutcome callOutcome(const QJsonObject &result, const Error &error);

} // namespace hako::telemetry
