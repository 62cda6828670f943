// The bash tool's contract with the host, in one place: what a Call may ask
// for, and the shape of its Result, whether a command ran or the call only
// restarted the session.
#pragma once

#include "failure.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hako::agent {

struct BashLimits
{
    std::uint64_t timeoutMs = 0; // 0: none
    std::uint64_t outputLimit = 0;
};

struct BashRequest
{
    std::optional<std::string> command; // none: only a restart was asked for
    bool restart = false;
    BashLimits limits;
};

// Checks the Call's input ("command", "restart") and limits ("timeout_ms",
// "output_limit"; the protocol's defaults where left out).
std::optional<Failure> parseBashRequest(const Json &request, const Json &input, BashRequest &out);

// How a call ended; a call that ran nothing reports the defaults.
struct BashReport
{
    int exitCode = 0;
    int signal = 0; // 0: not killed by a signal
    bool timedOut = false;
    bool oomKilled = false;
    bool cancelled = false;
    bool truncated = false;
    std::uint64_t stdoutBytes = 0;
    std::uint64_t stderrBytes = 0;
    std::int64_t durationMs = 0;
};

Json bashResult(const BashReport &report);

} // namespace hako::agent
