// The rows of the security checklist (docs/threat-model.md) that `hako-host verify`
// measures: the threat matrix (T-1 … T-8, and T-9: the sandbox attacks the
// host side), the layers (1 … 7, with Phase 2's seccomp layer apart), the two
// checklists and T-9's own checklist.
#pragma once

#include <QList>
#include <QString>

namespace hako::host::verify {

enum class Section { Threats, Layers, Phase1, Phase2, HostSide };

struct Row
{
    const char *id; // "T-1", "L3", "C1-4", "C9-1"; stable, used by tests and JSON
    Section section;
    const char *title;   // untranslated; tr() at rendering
    const char *measure; // the row's countermeasure, or what the item asks
    bool optional;       // a Phase 2 option (userns-remap): "off" is not a failure
};

const QList<Row> &checklistRows();
const Row *findRow(const QString &id);

} // namespace hako::host::verify
