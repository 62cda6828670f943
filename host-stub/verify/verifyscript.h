// Probe scripts (host-stub/verify/probes/*.sh, embedded by hako-probes): how
// the answer of one of them becomes an Outcome.
#pragma once

#include "verifyoutcome.h"
#include "verifysession.h"

#include "verify/probescript.h"

namespace hako::host::verify {

using probes::Params;
using probes::scriptCommand;

// Exit 0 passes and 1 fails; anything else, or no result at all, means the
// probe itself could not run, which fails it too.
Outcome scriptOutcome(const ToolReply &reply);

// What every probe script is told: the expected policy, the proxy socket and
// the canary in two halves.
Params standardParams(const Session &session);

// Runs script `name` in `tenant` with the session's standard parameters.
Outcome runScript(Session &session, Tenant tenant, const QString &name, const Params &extra = {},
                  int timeoutSeconds = 120);

} // namespace hako::host::verify
