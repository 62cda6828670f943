#include "hostpaths.h"

#include "policy/errors.h"
#include "policy/seccomplayers.h"
#include "policy/seccompprofile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

#include <dlfcn.h>
#include <unistd.h>

// The resources live in a static library; without this the linker may drop them.
static void initResources()
{
    Q_INIT_RESOURCE(hako);
}

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
    // The build tree, the install tree (cmake/HakoInstall.cmake), beside the plugin.
    for (const char *relative : {"/../bin/hako-agent", "/" HAKO_AGENT_FROM_PLUGIN, "/hako-agent"}) {
        const QFileInfo candidate(dir + QLatin1String(relative));
        if (candidate.isFile() && candidate.isExecutable())
            return candidate.canonicalFilePath();
    }
    return {};
}

SeccompFiles materialiseSeccompProfile(const QString &configured, const QString &runtimeDir, Error *error)
{
    initResources();
    // Never fall back to the engine's default profile silently.
    QFile source(configured.isEmpty() ? QStringLiteral(":/hako/policies/workspace-seccomp.json") : configured);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = makeError(ErrorCode::HostIo, {source.fileName()});
        return {};
    }
    const QByteArray profile = source.readAll();
    if ((*error = validateSeccompProfile(profile)))
        return {};
    const SeccompLayers layers = splitSeccompProfile(profile);
    const SeccompFiles files{runtimeDir + QStringLiteral("/workspace-seccomp.json"),
                             runtimeDir + QStringLiteral("/agent-seccomp.json")};
    if (!QDir().mkpath(runtimeDir) || !writeFileAtomically(files.dockerProfile, layers.dockerProfile)
        || !writeFileAtomically(files.agentRules, layers.agentRules))
        *error = makeError(ErrorCode::HostIo, {runtimeDir});
    return files;
}

QString loadOrCreateInstanceId(const QString &runtimeDir, Error *error)
{
    const QString path = runtimeDir + QStringLiteral("/instance-id");
    const auto readExisting = [&path] {
        QFile existing(path);
        return existing.open(QIODevice::ReadOnly) ? QString::fromLatin1(existing.readAll()).trimmed() : QString();
    };
    if (const QString id = readExisting(); !id.isEmpty())
        return id;
    const QString id = QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString candidate = path + QLatin1Char('.') + id;
    // link() fails if another process got there first; then its ID is the one.
    if (!QDir().mkpath(runtimeDir) || !writeFileAtomically(candidate, id.toLatin1())) {
        *error = makeError(ErrorCode::HostIo, {path});
        return id;
    }
    ::link(QFile::encodeName(candidate).constData(), QFile::encodeName(path).constData());
    QFile::remove(candidate);
    const QString winner = readExisting();
    if (winner.isEmpty())
        *error = makeError(ErrorCode::HostIo, {path});
    return winner;
}

} // namespace hako
