// `hako-host verify --check REPORT`: whether a signed verify report (JSON)
// still describes this host: its signature is valid for the host's audit key
// (or --key PUBLIC.pem) and every fact it is bound to (verifyfacts.h) is the
// same now. Runs no probe and starts no sandbox.
#pragma once

#include "verifysession.h"

#include "cli/cli.h"

#include <hako/toolexecutor.h>

namespace hako::host::verify {

inline constexpr int kExitReportDiffers = 1;  // signed, but the host or the report's verdict differs
inline constexpr int kExitReportUnsigned = 3; // no valid signature: nothing it says is vouched for

// 0 when the report is signed, passed, and matches this host now; the codes
// above otherwise, kExitUsage when the report cannot be read.
int runVerifyCheck(ToolExecutor *executor, const Options &options);

// `report` (renderJson()) signed with the host's audit key (`audit.key`);
// unsigned, with a warning on stderr, when the key cannot be had.
QJsonObject signedReport(const QJsonObject &report, const Session &session);

} // namespace hako::host::verify
