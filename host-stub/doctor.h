// `hako-host doctor`: checks what the sandbox needs on this machine and says
// how to fix each problem. Exit status 0 when every required check passes.
#pragma once

#include "cli.h"

#include <hako/toolexecutor.h>

namespace hako::host {

int runDoctor(ToolExecutor *executor, const Options &options);

} // namespace hako::host
