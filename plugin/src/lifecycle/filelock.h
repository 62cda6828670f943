// An flock(2) on a file, held as long as the object lives. The kernel drops
// it when the process dies, so a crashed holder never blocks anyone for good.
// Locks of one process conflict with each other too: each is its own open file.
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <utility>

namespace hako {

class FileLock
{
public:
    enum class Mode { Shared, Exclusive };
    enum class Result { Held, Busy, Failed };

    FileLock() = default;
    explicit FileLock(int fd) : m_fd(fd) {}
    FileLock(FileLock &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    FileLock &operator=(FileLock &&other) noexcept;
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    ~FileLock();

    bool isHeld() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    void touch() const; // sets the file's mtime to now

    // Locks `path` without waiting, creating it (and its directory) when `create`.
    static Result tryLock(const QString &path, Mode mode, bool create, FileLock *lock);
    // Whether some open file holds a lock on `path` (a missing file holds none).
    static bool isLocked(const QString &path);
    // Polls for an exclusive lock on `path` (created when missing) until it is
    // free or `boundMs` passed; `done` gets the lock and Held, or an unheld lock
    // and Busy (still taken at the bound) or Failed. Never called after `context` is destroyed.
    using Acquired = std::function<void(FileLock, Result)>;
    static void acquire(const QString &path, int boundMs, QObject *context, Acquired done);

private:
    int m_fd = -1;
};

} // namespace hako
