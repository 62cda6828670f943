// The plugin's logging categories, each defined once (logging.cpp) and all
// showing info and above unless the host's logging rules say otherwise. The
// credential proxy keeps its own (proxy/proxylog.h).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAgent)     // hako.agent: the agent channel, refused system calls
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)     // hako.admin: the admin endpoints
Q_DECLARE_LOGGING_CATEGORY(lcHealth)    // hako.health: health status changes
Q_DECLARE_LOGGING_CATEGORY(lcAudit)     // hako.audit: the audit log file itself
Q_DECLARE_LOGGING_CATEGORY(lcDocker)    // hako.docker: engine commands and the containers they make
Q_DECLARE_LOGGING_CATEGORY(lcPool)      // hako.pool: the warm pool
Q_DECLARE_LOGGING_CATEGORY(lcGc)        // hako.gc: garbage collection sweeps
Q_DECLARE_LOGGING_CATEGORY(lcWorkspace) // hako.workspace: workspace images and mounts
Q_DECLARE_LOGGING_CATEGORY(lcTripwire)  // hako.tripwire: tripped wires, freezes and their evidence
Q_DECLARE_LOGGING_CATEGORY(lcPlugin)    // hako.plugin: the entry points (a configuration made on first use)
Q_DECLARE_LOGGING_CATEGORY(lcCheck)     // hako.check: the start-up check (verify/startcheck.h)
