// The doctor's checks that come from the plugin's own health probe (the facts
// /healthz reports), and from a running `hako-host serve` when admin.listen
// names one: each fact a check, each failure with its fix.
#pragma once

#include "doctorcheck.h"

#include <QJsonObject>

namespace hako::host {

// From ToolExecutor::health() after its probe finished.
QList<Check> healthChecks(const QJsonObject &health);

// From the /healthz of the serving host at `adminAddress` (empty: none configured).
QList<Check> serveChecks(const QString &adminAddress);

} // namespace hako::host
