// The probe scripts of `hako-host verify` (host-stub/verify/probes, embedded
// under :/verify/probes/): the command that runs one of them through the bash
// tool. Shared by verify and by the plugin's start-up check, so that both
// measure a sandbox with the same scripts.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace hako::probes {

using Params = QList<QPair<QString, QString>>;

// The command: the probe's parameters, the Python helpers, the prelude and the
// script, in a subshell so that its `exit` and variables end with it. It exits
// 0 when every check passed, 1 when one printed "FAIL: ".
QString scriptCommand(const QString &name, const Params &params);

} // namespace hako::probes
