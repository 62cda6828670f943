#include "filelock.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako {
namespace {

constexpr int kPollMs = 20;

void poll(const QString &path, int remainingMs, const QPointer<QObject> &context, const FileLock::Acquired &done)
{
    if (!context)
        return;
    FileLock lock;
    const FileLock::Result r = FileLock::tryLock(path, FileLock::Mode::Exclusive, true, &lock);
    if (r != FileLock::Result::Busy || remainingMs <= 0)
        return done(std::move(lock), r);
    QTimer::singleShot(kPollMs, context.data(),
                       [path, remainingMs, context, done] { poll(path, remainingMs - kPollMs, context, done); });
}

} // namespace

FileLock &FileLock::operator=(FileLock &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

FileLock::~FileLock()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void FileLock::touch() const
{
    if (m_fd >= 0)
        ::futimens(m_fd, nullptr);
}

FileLock::Result FileLock::tryLock(const QString &path, Mode mode, bool create, FileLock *lock)
{
    if (create && !QDir().mkpath(path.section(QLatin1Char('/'), 0, -2)))
        return Result::Failed;
    const int flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0);
    const int fd = ::open(QFile::encodeName(path).constData(), flags, 0600);
    if (fd < 0)
        return Result::Failed;
    if (::flock(fd, (mode == Mode::Shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
        const bool busy = errno == EWOULDBLOCK;
        ::close(fd);
        return busy ? Result::Busy : Result::Failed;
    }
    *lock = FileLock(fd);
    return Result::Held;
}

bool FileLock::isLocked(const QString &path)
{
    FileLock probe;
    return tryLock(path, Mode::Exclusive, false, &probe) == Result::Busy;
}

void FileLock::acquire(const QString &path, int boundMs, QObject *context, Acquired done)
{
    poll(path, boundMs, QPointer<QObject>(context), done);
}

} // namespace hako
