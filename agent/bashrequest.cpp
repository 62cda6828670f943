#include "bashrequest.h"

#include "call.h"

#include <hako/protocol/limits.h>

namespace hako::agent {

std::optional<Failure> parseBashRequest(const Json &request, const Json &input, BashRequest &out)
{
    std::optional<bool> restart;
    if (auto failure = optionalString(input, "command", out.command))
        return failure;
    if (auto failure = optionalBool(input, "restart", restart))
        return failure;
    if (auto failure = optionalLimit(request, "timeout_ms", proto::kDefaultTimeoutMs, out.limits.timeoutMs))
        return failure;
    if (auto failure = optionalLimit(request, "output_limit", proto::kDefaultOutputLimit, out.limits.outputLimit))
        return failure;
    out.restart = restart.value_or(false);
    if (out.command && out.command->find('\0') != std::string::npos)
        return Failure{proto::code::BadRequest, "the command contains a NUL byte"};
    if (!out.command && !out.restart)
        return Failure{proto::code::BadRequest, "bash needs a command (or restart: true)"};
    return std::nullopt;
}

Json bashResult(const BashReport &report)
{
    return Json{
            {"exit_code", report.exitCode},       {"signal", report.signal != 0 ? Json(report.signal) : Json(nullptr)},
            {"timed_out", report.timedOut},       {"oom_killed", report.oomKilled},
            {"cancelled", report.cancelled},      {"truncated", report.truncated},
            {"stdout_bytes", report.stdoutBytes}, {"stderr_bytes", report.stderrBytes},
            {"duration_ms", report.durationMs}};
}

} // namespace hako::agent
