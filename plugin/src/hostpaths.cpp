#include "hostpaths.h"

#include "policy/errors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

#include <dlfcn.h>

namespace hako {
namespace {

QString pluginDirectory()
{
    Dl_info info{};
    if (::dladdr(reinterpret_cast<void *>(&locateAgentBinary), &info) == 0 || !info.dli_fname)
        return {};
    return QFileInfo(QFile::decodeName(info.dli_fname)).absolutePath();
}

bool writeFileAtomically(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit();
}

} // namespace

QString locateAgentBinary()
{
    const QString fromEnv = qEnvironmentVariable("HAKO_AGENT");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString dir = pluginDirectory();
    for (const char *relative : {"/../bin/hako-agent", "/../../libexec/hako/hako-agent", "/hako-agent"}) {
        const QFileInfo candidate(dir + QLatin1String(relative));
        if (candidate.isFile() && candidate.isExecutable())
            return candidate.canonicalFilePath();
    }
    return {};
}

QString materialiseSeccompProfile(const QString &configured, const QString &runtimeDir, Error *error)
{
    if (!configured.isEmpty())
        return configured;
    QFile embedded(QStringLiteral(":/hako/policies/workspace-seccomp.json"));
    if (!embedded.open(QIODevice::ReadOnly))
        return {};
    const QString path = runtimeDir + QStringLiteral("/workspace-seccomp.json");
    if (!QDir().mkpath(runtimeDir) || !writeFileAtomically(path, embedded.readAll()))
        *error = makeError(ErrorCode::HostIo, {path});
    return path;
}

QString loadOrCreateInstanceId(const QString &runtimeDir, Error *error)
{
    const QString path = runtimeDir + QStringLiteral("/instance-id");
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromLatin1(existing.readAll()).trimmed();
        if (!id.isEmpty())
            return id;
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(12);
    if (!QDir().mkpath(runtimeDir) || !writeFileAtomically(path, id.toLatin1()))
        *error = makeError(ErrorCode::HostIo, {path});
    return id;
}

} // namespace hako
