#include "apparmor.h"

#include <QFile>

namespace hako {

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

AppArmorState appArmorState(const QString &sysfs)
{
    if (!readAll(sysfs + QStringLiteral("/module/apparmor/parameters/enabled")).startsWith('Y'))
        return AppArmorState::Unavailable;
    // One line per profile: "name (mode)". Complain mode would only log.
    const QByteArray wanted = QByteArray(kAppArmorProfile) + " (enforce)";
    const QByteArray profiles = readAll(sysfs + QStringLiteral("/kernel/security/apparmor/profiles"));
    for (const QByteArray &line : profiles.split('\n'))
        if (line.trimmed() == wanted)
            return AppArmorState::Loaded;
    return AppArmorState::NotLoaded;
}

} // namespace hako
