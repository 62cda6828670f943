#include "hostpaths.h"

#include "policy/errors.h"
#include "policy/seccomplayers.h"
#include "policy/seccompprofile.h"
#include "safedir.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
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

// Far above the shipped profile's layers (about 25 KB together).
constexpr qint64 kMaxHostFileBytes = 1024 * 1024;

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// The content of `path` when it is a regular file of this user's, not a link,
// writable by nobody else (0644 or 0600) and at most kMaxHostFileBytes; else
// null. dockerd reads the seccomp profile by its path when a container starts.
QByteArray readOwnFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return {};
    QFile file;
    file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    struct stat st
    {};
    const bool own = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid()
                     && ((st.st_mode & 07777) == 0644 || (st.st_mode & 07777) == 0600)
                     && st.st_size <= kMaxHostFileBytes;
    return own ? file.read(kMaxHostFileBytes) : QByteArray();
}

// Written beside `path` and renamed into place: a link there is replaced,
// never followed, and the file is 0644 whatever was there before.
bool replaceFile(const QString &path, const QByteArray &content)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray scratch = target + ".new-" + QByteArray::number(QRandomGenerator::global()->generate(), 16);
    safedir::UniqueFd fd(::open(scratch.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd.valid())
        return false;
    const bool written = ::fchmod(fd.get(), 0644) == 0
                         && agent::writeAll(fd.get(), content.constData(), size_t(content.size()))
                         && ::fsync(fd.get()) == 0;
    fd.reset();
    if (written && ::rename(scratch.constData(), target.constData()) == 0)
        return true;
    ::unlink(scratch.constData());
    return false;
}

// A file already there and the same to the byte is kept: no write and no
// flush to disk on every host process's start.
bool writeIfChanged(const QString &path, const QByteArray &content)
{
    return readOwnFile(path) == content || replaceFile(path, content);
}

QString validatedStampPath(const QString &runtimeDir)
{
    return runtimeDir + QStringLiteral("/seccomp-validated");
}

// Validating a profile compiles its filter for every architecture (a few ms of
// every process's start). A process that validated it wrote the SHA-256 of the
// profile and of both layers into the stamp; a profile the same to the byte,
// whose layers are still on disk as written, is not validated again.
bool validatedBefore(const QString &runtimeDir, const QByteArray &profileSha256, SeccompFiles *files)
{
    const QList<QByteArray> stamp = readOwnFile(validatedStampPath(runtimeDir)).split('\n');
    if (stamp.size() != 4 || stamp.at(0) != profileSha256)
        return false;
    if (sha256(readOwnFile(files->dockerProfile)) != stamp.at(1)
        || sha256(readOwnFile(files->agentRules)) != stamp.at(2))
        return false;
    files->dockerProfileSha256 = stamp.at(1);
    files->agentRulesSha256 = stamp.at(2);
    return true;
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
    SeccompFiles written{runtimeDir + QStringLiteral("/workspace-seccomp.json"),
                         runtimeDir + QStringLiteral("/agent-seccomp.json"),
                         {},
                         {}};
    const QByteArray profileSha256 = sha256(profile);
    if (validatedBefore(runtimeDir, profileSha256, &written)) {
        *files = written;
        return {};
    }
    if (Error error = validateSeccompProfile(profile))
        return error;
    const SeccompLayers layers = splitSeccompProfile(profile);
    written.dockerProfileSha256 = sha256(layers.dockerProfile);
    written.agentRulesSha256 = sha256(layers.agentRules);
    *files = written;
    if (!QDir().mkpath(runtimeDir) || !writeIfChanged(files->dockerProfile, layers.dockerProfile)
        || !writeIfChanged(files->agentRules, layers.agentRules)
        || !replaceFile(validatedStampPath(runtimeDir),
                        profileSha256 + '\n' + written.dockerProfileSha256 + '\n' + written.agentRulesSha256 + '\n'))
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
