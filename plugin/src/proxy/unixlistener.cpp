#include "unixlistener.h"

#include "../safedir.h"

#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace hako::proxy {
namespace {

constexpr int kBacklog = 64;
constexpr int kAcceptsPerWake = 16; // the notifier fires again for the rest
constexpr int kAcceptRetryMs = 100; // after accept() failed for want of a resource

QString lastError(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
}

// The socket's directory must be beyond any sandbox's reach: this user's, and
// writable by no one else, so that names in it stay what the host made them.
bool isOwnDirectory(int dirFd)
{
    struct stat st
    {};
    return ::fstat(dirFd, &st) == 0 && st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

quint64 inodeAt(int dirFd, const char *name)
{
    struct stat st
    {};
    if (::fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISSOCK(st.st_mode))
        return 0;
    return quint64(st.st_ino);
}

// Connected to through the directory's descriptor, and only when the name is
// a socket itself (connect() would follow a link).
bool servedAt(int dirFd, const QByteArray &name)
{
    if (!inodeAt(dirFd, name.constData()))
        return false;
    const QByteArray path = safedir::procPath(dirFd) + '/' + name;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (size_t(path.size()) >= sizeof address.sun_path)
        return false;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()) + 1);
    const safedir::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd.valid())
        return false;
    int rc;
    do
        rc = ::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address);
    while (rc != 0 && errno == EINTR);
    // EAGAIN: a listener whose backlog is full is still alive.
    return rc == 0 || errno == EAGAIN;
}

} // namespace

bool UnixListener::isServed(const QString &socketPath)
{
    const QFileInfo info(socketPath);
    const safedir::UniqueFd dir = safedir::openDirectory(info.absolutePath());
    return dir.valid() && servedAt(dir.get(), QFile::encodeName(info.fileName()));
}

UnixListener *UnixListener::listen(const QString &socketPath, QString *error, QObject *parent)
{
    const QFileInfo info(socketPath);
    const QByteArray name = QFile::encodeName(info.fileName());
    const safedir::UniqueFd dir = safedir::openDirectory(info.absolutePath());
    if (!dir.valid())
        return *error = lastError("open directory"), nullptr;
    if (!isOwnDirectory(dir.get()))
        return *error = QStringLiteral("the directory is writable by another user"), nullptr;
    if (servedAt(dir.get(), name))
        return *error = QStringLiteral("another listener serves it"), nullptr;
    if (::unlinkat(dir.get(), name.constData(), 0) != 0 && errno != ENOENT)
        return *error = lastError("remove stale socket"), nullptr;
    safedir::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray bindPath = safedir::procPath(dir.get()) + '/' + name;
    if (!fd.valid() || size_t(bindPath.size()) >= sizeof address.sun_path)
        return *error = lastError("socket"), nullptr;
    std::memcpy(address.sun_path, bindPath.constData(), size_t(bindPath.size()) + 1);
    if (::bind(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
        return *error = lastError("bind"), nullptr;
    // Safe by name: nobody else can write the directory (checked above).
    if (::fchmodat(dir.get(), name.constData(), 0666, 0) != 0 || ::listen(fd.get(), kBacklog) != 0)
        return *error = lastError("listen"), nullptr;
    const quint64 inode = inodeAt(dir.get(), name.constData());
    return new UnixListener(fd.release(), socketPath, inode, parent);
}

UnixListener::UnixListener(int fd, const QString &path, quint64 inode, QObject *parent)
    : QObject(parent), m_fd(fd), m_path(path), m_inode(inode),
      m_notifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixListener::acceptPending);
}

UnixListener::~UnixListener()
{
    delete m_notifier;
    ::close(m_fd);
    const QFileInfo info(m_path);
    const QByteArray name = QFile::encodeName(info.fileName());
    const safedir::UniqueFd dir = safedir::openDirectory(info.absolutePath());
    if (dir.valid() && isOwnDirectory(dir.get()) && m_inode != 0 && inodeAt(dir.get(), name.constData()) == m_inode)
        ::unlinkat(dir.get(), name.constData(), 0);
}

// The notifier is level-triggered: a connection that cannot be accepted (no
// descriptor left) would wake the event loop again at once, forever. Waiting a
// little lets the proxy's other connections end and give descriptors back.
void UnixListener::pauseAccepting()
{
    m_notifier->setEnabled(false);
    QTimer::singleShot(kAcceptRetryMs, this, [this] { m_notifier->setEnabled(true); });
}

// A batch at a time: each connection over its sandbox's cap holds a descriptor
// until the event loop has run its refusal, so a sandbox connecting as fast as
// the proxy accepts must not keep it in this loop.
void UnixListener::acceptPending()
{
    for (int i = 0; i < kAcceptsPerWake; ++i) {
        const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (client < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                pauseAccepting(); // EMFILE and the like: the connection stays queued
            return;
        }
        auto *socket = new QLocalSocket;
        if (!socket->setSocketDescriptor(client, QLocalSocket::ConnectedState)) {
            ::close(client);
            delete socket;
            continue;
        }
        Q_EMIT accepted(socket);
    }
}

} // namespace hako::proxy
