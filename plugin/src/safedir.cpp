#include "safedir.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace hako::safedir {
namespace {

template<typename Call>
int retryEintr(const Call &call)
{
    int r;
    do
        r = call();
    while (r < 0 && errno == EINTR);
    return r;
}

bool isDotOrDotDot(const char *name)
{
    return name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0));
}

// The names in `dirFd`, read through a duplicate so that closedir() leaves `dirFd` open.
QList<QByteArray> entriesOf(int dirFd)
{
    QList<QByteArray> names;
    const int copy = ::fcntl(dirFd, F_DUPFD_CLOEXEC, 0);
    DIR *dir = copy >= 0 ? ::fdopendir(copy) : nullptr;
    if (!dir) {
        if (copy >= 0)
            ::close(copy);
        return names;
    }
    ::rewinddir(dir);
    while (const dirent *entry = ::readdir(dir))
        if (!isDotOrDotDot(entry->d_name))
            names.append(QByteArray(entry->d_name));
    ::closedir(dir);
    return names;
}

bool removeBelow(int dirFd, const char *name, dev_t device, int depth)
{
    if (::unlinkat(dirFd, name, 0) == 0 || errno == ENOENT)
        return true;
    if (errno != EISDIR && errno != EPERM)
        return false;
    if (depth <= 0)
        return false;
    const UniqueFd child = openDirectoryAt(dirFd, name);
    struct stat st
    {};
    if (!child.valid() || ::fstat(child.get(), &st) != 0 || st.st_dev != device)
        return false; // a symlink swapped in, or another file system mounted there
    for (const QByteArray &entry : entriesOf(child.get()))
        if (!removeBelow(child.get(), entry.constData(), device, depth - 1))
            return false;
    return ::unlinkat(dirFd, name, AT_REMOVEDIR) == 0 || errno == ENOENT;
}

} // namespace

UniqueFd openDirectory(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    return UniqueFd(
            retryEintr([&] { return ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC); }));
}

UniqueFd openDirectoryAt(int dirFd, const char *name)
{
    open_how how{};
    how.flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
    int fd = retryEintr([&] { return int(::syscall(SYS_openat2, dirFd, name, &how, sizeof how)); });
    if (fd < 0 && (errno == ENOSYS || errno == EPERM) && !std::strchr(name, '/'))
        fd = retryEintr([&] { return ::openat(dirFd, name, int(how.flags)); });
    return UniqueFd(fd);
}

UniqueFd openSocketAt(int dirFd, const char *name)
{
    UniqueFd fd(retryEintr([&] { return ::openat(dirFd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC); }));
    struct stat st
    {};
    if (!fd.valid() || ::fstat(fd.get(), &st) != 0)
        return {};
    if (!S_ISSOCK(st.st_mode)) {
        const int reason = S_ISLNK(st.st_mode) ? ELOOP : ENOTSOCK;
        fd = UniqueFd();
        errno = reason;
    }
    return fd;
}

QByteArray procPath(int fd)
{
    return QByteArrayLiteral("/proc/self/fd/") + QByteArray::number(fd);
}

bool removeAt(int dirFd, const char *name, int maxDepth)
{
    struct stat st
    {};
    if (::fstat(dirFd, &st) != 0)
        return false;
    return removeBelow(dirFd, name, st.st_dev, maxDepth);
}

bool removePath(const QString &path, int maxDepth)
{
    const QFileInfo info(path);
    const UniqueFd parent = openDirectory(info.absolutePath());
    if (!parent.valid())
        return errno == ENOENT;
    return removeAt(parent.get(), QFile::encodeName(info.fileName()).constData(), maxDepth);
}

bool giveTo(int dirFd, uint uid)
{
    const bool given = ::fchown(dirFd, uid, uid) == 0;
    return ::fchmod(dirFd, given ? 0700 : 0777) == 0;
}

bool isMountPointAt(int dirFd)
{
    struct stat self
    {
    }, parent{};
    return ::fstatat(dirFd, "", &self, AT_EMPTY_PATH) == 0 && ::fstatat(dirFd, "..", &parent, AT_SYMLINK_NOFOLLOW) == 0
           && self.st_dev != parent.st_dev;
}

} // namespace hako::safedir
