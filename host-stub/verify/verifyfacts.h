// What a verify report is bound to: the facts of the host that decide what its
// rows measured (the image, the seccomp and AppArmor profiles, the kernel, the
// runtime, the engine, Hako itself). Measured the same way when the report is
// made and when `verify --check` holds it against the host as it is now.
#pragma once

#include "verifysession.h"

#include <QJsonObject>
#include <QList>

namespace hako::host::verify {

// The facts as {name: text}; a fact that cannot be measured is "unknown: why".
// Waits (bounded) for the plugin's first health probe, which hashes the profiles.
QJsonObject measureFacts(Session &session);

struct FactDifference
{
    QString name;
    QString bound; // as the report has it
    QString now;   // empty when this host did not measure it
};

// Each fact of `bound` that `now` does not hold the same, and each that was
// unknown when the report was made (nothing vouches for it). Facts only `now`
// has are not part of the report and are ignored; a report bound to nothing
// matches nothing, so it yields one difference named "".
QList<FactDifference> factDifferences(const QJsonObject &bound, const QJsonObject &now);

} // namespace hako::host::verify
