// `hako-host verify`: measures the security checklist (docs/threat-model.md) on this deployment
// (docs/security-verification.md).
#pragma once

#include "cli/cli.h"

#include <hako/toolexecutor.h>

namespace hako::host {

// 0 when every row of the report passes, 1 when one fails, kExitToolError
// when the throwaway conversations could not even start, 130 on SIGINT.
int runVerify(ToolExecutor *executor, const Options &options);

} // namespace hako::host
