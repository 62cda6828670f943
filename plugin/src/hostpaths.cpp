#include "hostpaths.h"

#include "policy/errors.h"
#include "policy/seccomplayers.h"
#include "policy/seccompprofile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
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

// dockerd reads the profile by its path when a container starts. A file there
// already that is this user's, no link, writable by nobody else and the same
// to the byte is kept: no write and no flush to disk on every host process's start.
bool alreadyThere(const QString &path, const QByteArray &content)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    QFile file;
    file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    struct stat st
    {};
    const bool candidate = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid()
                           && ((st.st_mode & 07777) == 0644 || (st.st_mode & 07777) == 0600)
                           && st.st_size == content.size();
    return candidate && file.read(content.size() + 1) == content;
}

bool writeIfChanged(const QString &path, const QByteArray &content)
{
    return alreadyThere(path, content) || writeFileAtomically(path, content);
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

Error materialiseSeccompProfile(const QString &configured, const QString &runtimeDir, SeccompFiles *files)
{
    initResources();
    // Never fall back to the engine's default profile silently.
    QFile source(configured.isEmpty() ? QStringLiteral(":/hako/policies/workspace-seccomp.json") : configured);
    if (!source.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::HostIo, {source.fileName()});
    const QByteArray profile = source.readAll();
    if (Error error = validateSeccompProfile(profile))
        return error;
    const SeccompLayers layers = splitSeccompProfile(profile);
    const auto sha256 = [](const QByteArray &bytes) {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    };
    *files = SeccompFiles{runtimeDir + QStringLiteral("/workspace-seccomp.json"),
                          runtimeDir + QStringLiteral("/agent-seccomp.json"), sha256(layers.dockerProfile),
                          sha256(layers.agentRules)};
    if (!QDir().mkpath(runtimeDir) || !writeIfChanged(files->dockerProfile, layers.dockerProfile)
        || !writeIfChanged(files->agentRules, layers.agentRules))
        return makeError(ErrorCode::HostIo, {runtimeDir});
    return {};
}

Error loadOrCreateInstanceId(const QString &runtimeDir, QString *id)
{
    const QString path = runtimeDir + QStringLiteral("/instance-id");
    const auto readExisting = [&path] {
        QFile existing(path);
        return existing.open(QIODevice::ReadOnly) ? QString::fromLatin1(existing.readAll()).trimmed() : QString();
    };
    if (const QString existing = readExisting(); !existing.isEmpty()) {
        *id = existing;
        return {};
    }
    const QString fresh = QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString candidate = path + QLatin1Char('.') + fresh;
    // link() fails if another process got there first; then its ID is the one.
    if (!QDir().mkpath(runtimeDir) || !writeFileAtomically(candidate, fresh.toLatin1())) {
        *id = fresh;
        return makeError(ErrorCode::HostIo, {path});
    }
    ::link(QFile::encodeName(candidate).constData(), QFile::encodeName(path).constData());
    QFile::remove(candidate);
    *id = readExisting();
    if (id->isEmpty())
        return makeError(ErrorCode::HostIo, {path});
    return {};
}

} // namespace hako
