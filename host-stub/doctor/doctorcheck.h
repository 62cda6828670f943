// One line of `hako-host doctor`: what was checked, whether it passed, and
// how to fix it when it did not.
#pragma once

#include <QList>
#include <QString>

namespace hako::host {

struct Check
{
    enum class Level { Required, Optional, Skipped };
    QString name;
    bool ok = false;
    Level level = Level::Required;
    QString detail; // shown when not ok, or always for facts worth seeing (a version, a hash)
    QString fix;
};

} // namespace hako::host
