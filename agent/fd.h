// Owned file descriptors and EINTR-safe I/O. The agent blocks SIGCHLD and
// SIGTERM and reads them through a signalfd, so EINTR is rare, but a stray
// signal must never turn into a lost byte or a spurious error.
#pragma once

#include <cstddef>
#include <sys/types.h>

namespace hako::agent {

class UniqueFd
{
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(UniqueFd &&other) noexcept : fd_(other.release()) {}
    UniqueFd &operator=(UniqueFd &&other) noexcept;
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;
    ~UniqueFd() { reset(); }

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int release();
    void reset(int fd = -1);

private:
    int fd_ = -1;
};

// One read(2); retries EINTR. Returns bytes read, 0 at EOF, -1 with errno set.
ssize_t readSome(int fd, void *buf, std::size_t len);
// One write(2)/send(2); retries EINTR. Sockets get MSG_NOSIGNAL.
ssize_t writeSome(int fd, const void *buf, std::size_t len);
ssize_t sendSome(int fd, const void *buf, std::size_t len);
// Writes everything to a blocking fd; false with errno set on failure.
bool writeAll(int fd, const void *buf, std::size_t len);
bool setNonBlocking(int fd);

} // namespace hako::agent
