#include "socketdir.h"

#include "../engine/containerpolicy.h"
#include "../logging.h"
#include "../policy/errors.h"
#include "../safedir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako::socketdir {
namespace {

// The agent binds one socket there; a little room for its stale one and nothing else.
constexpr char kAgentTmpfsOptions[] = "size=64k,nr_inodes=16,mode=0700,uid=%1,gid=%1";

// An agent directory left mounted by an earlier container goes first. It is
// unmounted through the descriptor that was checked, not by its name.
void unmountAgentDir(const SandboxPaths &paths)
{
    const safedir::UniqueFd fd = safedir::openDirectory(paths.agentDir);
    if (fd.valid() && safedir::isMountPointAt(fd.get()))
        ::umount2(safedir::procPath(fd.get()).constData(), MNT_DETACH);
}

// Makes a directory just created the host's own: this user's, writable by it alone.
bool keepToHost(const safedir::UniqueFd &fd)
{
    struct stat st
    {};
    return fd.valid() && ::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid()
           && ::fchmod(fd.get(), 0755) == 0;
}

// A tmpfs where the host may mount one (root); else the plain directory, given
// to the agent's user, or open to all when this user cannot give it away (a
// rootless engine, whose container users are subordinate ids).
bool makeAgentDir(int dirFd, uint agentUid)
{
    if (::mkdirat(dirFd, kAgentDirName, 0700) != 0)
        return false;
    const safedir::UniqueFd agent = safedir::openDirectoryAt(dirFd, kAgentDirName);
    if (!agent.valid())
        return false;
    const QByteArray options = QByteArray(kAgentTmpfsOptions).replace("%1", QByteArray::number(agentUid));
    if (::geteuid() == 0
        && ::mount("hako-agent", safedir::procPath(agent.get()).constData(), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                   options.constData())
                   == 0)
        return true;
    if (::geteuid() == 0)
        qCWarning(lcDocker) << "agent directory is a plain directory, not a tmpfs:" << std::strerror(errno);
    return safedir::giveTo(agent.get(), agentUid);
}

} // namespace

Error prepare(const SandboxPaths &paths, uint agentUid)
{
    const QString &dir = paths.socketDir;
    const QFileInfo info(dir);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(ErrorCode::HostIo, {dir});
    unmountAgentDir(paths);
    // Whatever is there is stale, and may be an earlier layout the sandbox could write.
    if (!safedir::removePath(dir))
        return makeError(ErrorCode::HostIo, {dir}, QString::fromLocal8Bit(std::strerror(errno)));
    const QByteArray native = QFile::encodeName(dir);
    if (::mkdir(native.constData(), 0755) != 0)
        return makeError(ErrorCode::HostIo, {dir}, QString::fromLocal8Bit(std::strerror(errno)));
    const safedir::UniqueFd fd = safedir::openDirectory(dir);
    if (!keepToHost(fd) || !makeAgentDir(fd.get(), agentUid)
        || ::symlinkat((QByteArray(kAgentDirName) + '/' + kAgentSocketName).constData(), fd.get(), kAgentSocketName)
                   != 0)
        return makeError(ErrorCode::HostIo, {dir}, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

bool remove(const SandboxPaths &paths)
{
    unmountAgentDir(paths);
    return safedir::removePath(paths.socketDir);
}

void removeAll(const QString &runtimeDir)
{
    const QString parent = SandboxPaths::conversationSocketsDir(runtimeDir);
    for (const QString &key : QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks))
        remove(SandboxPaths::conversation(runtimeDir, QString(), key));
}

} // namespace hako::socketdir
