// `hako-host audit`: checks audit logs against their hash chain and signed
// checkpoints, exports them as OCSF events, and prints the public half of the
// key that signs the checkpoints. None of it needs the plugin.
#pragma once

#include "cli.h"

namespace hako::host {

// 0 when the command did its work; 1 when `verify` (or `export`) finds the
// log broken; kExitUsage or kExitToolError otherwise.
int runAudit(const Options &options);

} // namespace hako::host
