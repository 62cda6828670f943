// `hako-host doctor`: checks what the sandbox needs on this machine (the
// facts /healthz reports, plus the image and host directories) and says how
// to fix each problem. Exit status 0 when every required check passes.
#pragma once

#include "cli/cli.h"

#include <hako/toolexecutor.h>

namespace hako::host {

// `executor` may be null (the plugin did not load); `settingsProblems` are
// what configure() refused.
int runDoctor(ToolExecutor *executor, const Options &options, const QList<Error> &settingsProblems);

} // namespace hako::host
