// Probe scripts (host-stub/probes/*.sh, embedded): what is sent to the bash
// tool for one of them, and how its answer becomes an Outcome.
#pragma once

#include "verifyoutcome.h"
#include "verifysession.h"

#include <QList>
#include <QPair>

namespace hako::host::verify {

using Params = QList<QPair<QString, QString>>;

// The command: the probe's parameters, the Python helpers, the prelude and the
// script, in a subshell so that its `exit` and variables end with it.
QString scriptCommand(const QString &name, const Params &params);

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
