// What the table of keys cannot say of one value alone: which of a type's
// values a key takes, checks across keys, and the directories whose default
// depends on who runs the host.
#pragma once

#include <hako/error.h>

#include <QList>
#include <QString>

namespace hako {

struct Settings;

// Root keeps system-wide directories; anyone else gets per-user ones.
QString defaultSettingDir(bool runtime);
// Appends what is wrong with `s` as a whole; `credentialSource` as configured.
void checkSettingRules(const Settings &s, const QString &credentialSource, QList<Error> *errors);

} // namespace hako
