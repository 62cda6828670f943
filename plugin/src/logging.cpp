#include "logging.h"

Q_LOGGING_CATEGORY(lcAgent, "hako.agent", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "hako.admin", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHealth, "hako.health", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "hako.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDocker, "hako.docker", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPool, "hako.pool", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTripwire, "hako.tripwire", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGc, "hako.gc", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWorkspace, "hako.workspace", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPlugin, "hako.plugin", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCheck, "hako.check", QtInfoMsg)
