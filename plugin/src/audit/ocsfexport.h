// The audit log's events in the Open Cybersecurity Schema Framework (OCSF 1.1):
// a tool call is a Process Activity (class 1007, the tool a process launched
// in the conversation's container), a proxy decision a Network Activity
// (4001: traffic let through or refused), a refused system call or security
// event a Detection Finding (2004). The conversation is the correlation ID;
// the audit line's own fields stay under `unmapped`, so nothing is lost.
#pragma once

#include <QJsonObject>

namespace hako::audit {

inline constexpr char kOcsfVersion[] = "1.1.0";

// The event for one sealed audit line; empty for lines that record no event
// (checkpoints, segment starts).
QJsonObject toOcsf(const QJsonObject &line);

} // namespace hako::audit
