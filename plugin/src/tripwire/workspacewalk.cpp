#include "workspacewalk.h"

#include "../safedir.h"

#include <QCryptographicHash>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako {
namespace {

const char *typeOf(mode_t mode)
{
    if (S_ISREG(mode))
        return "file";
    if (S_ISDIR(mode))
        return "dir";
    if (S_ISLNK(mode))
        return "link";
    if (S_ISFIFO(mode))
        return "fifo";
    if (S_ISSOCK(mode))
        return "socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "device";
    return "other";
}

class Walk
{
public:
    explicit Walk(const WalkLimits &limits) : m_limits(limits) {}

    void directory(int dirFd, const QByteArray &prefix, int depth);
    QByteArray take()
    {
        if (!m_cut.isEmpty())
            m_out += "# " + m_cut + '\n';
        return std::move(m_out);
    }

private:
    void entry(int dirFd, const char *name, const QByteArray &path, int depth);
    QByteArray hashOf(int dirFd, const char *name, const struct stat &st);

    const WalkLimits &m_limits;
    QByteArray m_out;
    QByteArray m_cut; // why the walk stopped short, when it did
    int m_entries = 0;
    qint64 m_hashed = 0;
};

// Opened without following a link and without blocking (a FIFO swapped in
// since the stat), then checked again: only the regular file that was
// listed is read, and no more of it than its bound.
QByteArray Walk::hashOf(int dirFd, const char *name, const struct stat &st)
{
    if (st.st_size > m_limits.maxFileHashBytes || m_hashed + st.st_size > m_limits.maxHashBytes)
        return "-";
    agent::UniqueFd fd(::openat(dirFd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    struct stat again;
    if (!fd.valid() || ::fstat(fd.get(), &again) != 0 || !S_ISREG(again.st_mode) || again.st_ino != st.st_ino)
        return "-";
    QCryptographicHash hash(QCryptographicHash::Sha256);
    char buffer[64 * 1024];
    qint64 left = m_limits.maxFileHashBytes;
    ssize_t n;
    while (left > 0 && (n = agent::readSome(fd.get(), buffer, sizeof buffer)) > 0) {
        hash.addData(QByteArrayView(buffer, n));
        left -= n;
        m_hashed += n;
    }
    return left > 0 ? hash.result().toHex() : QByteArray("-");
}

void Walk::entry(int dirFd, const char *name, const QByteArray &path, int depth)
{
    struct stat st;
    if (::fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return;
    const bool regular = S_ISREG(st.st_mode);
    m_out += QByteArray(typeOf(st.st_mode)) + '\t' + QByteArray::number(qint64(st.st_size)) + '\t'
             + (regular ? hashOf(dirFd, name, st) : QByteArray("-")) + '\t' + path + '\n';
    if (!S_ISDIR(st.st_mode))
        return;
    if (depth + 1 >= m_limits.maxDepth) {
        m_cut = "depth limit reached at " + path;
        return;
    }
    const safedir::UniqueFd child = safedir::openDirectoryAt(dirFd, name);
    if (child.valid())
        directory(child.get(), path + '/', depth + 1);
}

void Walk::directory(int dirFd, const QByteArray &prefix, int depth)
{
    DIR *dir = ::fdopendir(::fcntl(dirFd, F_DUPFD_CLOEXEC, 0));
    if (!dir)
        return;
    while (const dirent *e = ::readdir(dir)) {
        const QByteArray name(e->d_name);
        if (name == "." || name == "..")
            continue;
        if (++m_entries > m_limits.maxEntries) {
            m_cut = "entry limit reached (" + QByteArray::number(m_limits.maxEntries) + ")";
            break;
        }
        entry(dirFd, e->d_name, prefix + escapedName(name), depth);
    }
    ::closedir(dir);
}

} // namespace

QByteArray escapedName(const QByteArray &name)
{
    QByteArray out;
    for (const char c : name) {
        const auto u = quint8(c);
        if (u <= 0x20 || u == 0x7f || c == '%')
            out += '%' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        else
            out += c;
    }
    return out;
}

QByteArray listWorkspace(int dirFd, const WalkLimits &limits)
{
    Walk walk(limits);
    walk.directory(dirFd, {}, 0);
    return walk.take();
}

} // namespace hako
