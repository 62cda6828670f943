#include "settingrules.h"

#include "errors.h"
#include "settings.h"

#include <QDir>
#include <QStandardPaths>
#include <QStringList>

#include <unistd.h>

namespace hako {
namespace {

Error checkRuntime(const QString &runtime)
{
    if (runtime == QLatin1String("runc") || runtime == QLatin1String("runsc"))
        return {};
    return makeError(ErrorCode::SettingValue, {QStringLiteral("runtime"), runtime});
}

Error checkCredentialSource(const QString &source)
{
    static const QStringList known = {QStringLiteral("settings"), QStringLiteral("profile"), QStringLiteral("process"),
                                      QStringLiteral("none")};
    if (known.contains(source))
        return {};
    return makeError(ErrorCode::SettingValue, {QStringLiteral("credentials.source"), source});
}

} // namespace

QString defaultSettingDir(bool runtime)
{
    if (::geteuid() == 0)
        return runtime ? QStringLiteral("/run/hako") : QStringLiteral("/var/lib/hako/workspaces");
    if (runtime) {
        const QString xdg = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        return (xdg.isEmpty() ? QDir::tempPath() : xdg) + QStringLiteral("/hako");
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/hako/workspaces");
}

void checkSettingRules(const Settings &s, const QString &credentialSource, QList<Error> *errors)
{
    for (const Error &e : {checkRuntime(s.runtime), checkCredentialSource(credentialSource)})
        if (e)
            errors->append(e);
    if (s.dockerBinary.isEmpty())
        errors->append(makeError(ErrorCode::SettingValue, {QStringLiteral("docker.binary"), QString()}));
    // An adaptive pool needs room between its bounds.
    if (s.poolMax > 0 && s.poolMin > s.poolMax)
        errors->append(makeError(ErrorCode::SettingRange,
                                 {QStringLiteral("pool.min"), QStringLiteral("0"), QString::number(s.poolMax)}));
}

} // namespace hako
