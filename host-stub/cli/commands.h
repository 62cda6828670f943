// The hako-host commands that drive a loaded ToolExecutor. Each returns the
// process exit status.
#pragma once

#include "cli.h"

#include <hako/toolexecutor.h>

namespace hako::host {

// Exit statuses of hako-host itself, distinct from a command's own.
inline constexpr int kExitUsage = 2;
inline constexpr int kExitToolError = 125; // Hako could not run the command (as `docker run`)
inline constexpr int kExitTimeout = 124;   // as timeout(1)
inline constexpr int kExitCancelled = 130; // as a shell's command stopped by Ctrl-C

int runExec(ToolExecutor *executor, const Options &options);
int runTool(ToolExecutor *executor, const Options &options);
int runTools(ToolExecutor *executor);
int runSchema(ToolExecutor *executor);
int runEnd(ToolExecutor *executor, const Options &options);
int runServe(ToolExecutor *executor, const Options &options);
// One garbage collection sweep; prints what it removed as JSON.
int runGc(ToolExecutor *executor);

} // namespace hako::host
