#include "files.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako::agent {

namespace {

char g_buffer[proto::kChunkSize];

Failure tooLarge(std::string_view path, std::uint64_t size, std::uint64_t limit)
{
    return {proto::code::TooLarge,
            std::string(path) + ": " + std::to_string(size) + " bytes exceed the limit of " + std::to_string(limit),
            Json{{proto::detail::Size, size}, {proto::detail::MaxBytes, limit}}};
}

// O_NONBLOCK keeps a FIFO planted in the workspace from stalling the agent in open(2).
std::optional<Failure> openRegular(const PathGuard &guard, std::string_view path, UniqueFd &fd, std::uint64_t &size)
{
    if (auto failure = guard.openPath(path, O_RDONLY | O_NONBLOCK | O_NOCTTY, fd))
        return failure;
    struct stat st
    {};
    if (::fstat(fd.get(), &st) != 0)
        return errnoFailure(errno, path);
    if (S_ISDIR(st.st_mode))
        return errnoFailure(EISDIR, path);
    if (!S_ISREG(st.st_mode))
        return Failure{proto::code::BadRequest, std::string(path) + ": not a regular file", nullptr};
    size = static_cast<std::uint64_t>(st.st_size);
    return std::nullopt;
}

std::string tempName()
{
    static unsigned counter = 0;
    return ".hako-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".tmp";
}

} // namespace

std::optional<Failure> AtomicWriter::begin(std::string_view path)
{
    path_ = path;
    if (auto failure = guard_.openParent(path, dir_, name_))
        return failure;
    struct stat st
    {};
    if (::fstatat(dir_.get(), name_.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISDIR(st.st_mode))
            return Failure{proto::code::Exists, path_ + ": a directory exists at this path", nullptr};
        if (S_ISREG(st.st_mode))
            mode_ = st.st_mode & 07777;
    }
    for (int attempt = 0; attempt < 8 && !file_.valid(); ++attempt) {
        temp_ = tempName();
        file_.reset(::openat(dir_.get(), temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!file_.valid() && errno != EEXIST)
            break;
    }
    if (!file_.valid()) {
        temp_.clear();
        return errnoFailure(errno, path_);
    }
    return std::nullopt;
}

std::optional<Failure> AtomicWriter::write(std::string_view bytes)
{
    if (!writeAll(file_.get(), bytes.data(), bytes.size()))
        return errnoFailure(errno, path_);
    size_ += bytes.size();
    return std::nullopt;
}

std::optional<Failure> AtomicWriter::commit()
{
    if (::fchmod(file_.get(), mode_) != 0 || ::close(file_.release()) != 0
        || ::renameat(dir_.get(), temp_.c_str(), dir_.get(), name_.c_str()) != 0) {
        const int err = errno;
        discard();
        return errnoFailure(err, path_);
    }
    temp_.clear();
    return std::nullopt;
}

void AtomicWriter::discard()
{
    file_.reset();
    if (!temp_.empty())
        ::unlinkat(dir_.get(), temp_.c_str(), 0);
    temp_.clear();
}

std::optional<Failure> readSmallFile(const PathGuard &guard, std::string_view path, std::uint64_t limit,
                                     std::string &content)
{
    UniqueFd fd;
    std::uint64_t size = 0;
    if (auto failure = openRegular(guard, path, fd, size))
        return failure;
    if (size > limit)
        return tooLarge(path, size, limit);
    content.clear();
    for (;;) {
        const ssize_t n = readSome(fd.get(), g_buffer, sizeof g_buffer);
        if (n < 0)
            return errnoFailure(errno, path);
        if (n == 0)
            return std::nullopt;
        if (content.size() + static_cast<std::size_t>(n) > limit)
            return tooLarge(path, content.size() + static_cast<std::size_t>(n), limit);
        content.append(g_buffer, static_cast<std::size_t>(n));
    }
}

std::optional<Failure> ReadFileCall::start(const PathGuard &guard, std::string_view path, std::uint64_t maxBytes)
{
    path_ = path;
    maxBytes_ = maxBytes;
    std::uint64_t size = 0;
    if (auto failure = openRegular(guard, path, file_, size))
        return failure;
    if (size > maxBytes)
        return tooLarge(path, size, maxBytes);
    return std::nullopt;
}

// One chunk per turn: the loop interleaves it with the other calls and
// connections and stops calling while the peer is slow to read.
void ReadFileCall::pump()
{
    const ssize_t n = readSome(file_.get(), g_buffer, sizeof g_buffer);
    if (n < 0) {
        fail(errnoFailure(errno, path_));
        return;
    }
    if (n == 0) {
        succeed(Json{{"size", sent_}});
        return;
    }
    // The file may have grown since the size check.
    sent_ += static_cast<std::uint64_t>(n);
    if (sent_ > maxBytes_) {
        fail(tooLarge(path_, sent_, maxBytes_));
        return;
    }
    out().send(proto::Type::FileData, id(), std::string_view(g_buffer, static_cast<std::size_t>(n)));
}

void ReadFileCall::cancel()
{
    fail({proto::code::Cancelled, path_ + ": transfer cancelled", nullptr});
}

std::optional<Failure> WriteFileCall::start(std::string_view path, std::uint64_t maxBytes)
{
    maxBytes_ = maxBytes;
    return writer_.begin(path);
}

void WriteFileCall::onData(std::string_view bytes)
{
    if (done())
        return;
    std::optional<Failure> failure;
    if (writer_.size() + bytes.size() > maxBytes_)
        failure = tooLarge(writer_.path(), writer_.size() + bytes.size(), maxBytes_);
    else
        failure = writer_.write(bytes);
    if (failure) {
        writer_.discard();
        fail(*failure);
    }
}

void WriteFileCall::onDataEnd()
{
    if (done())
        return;
    if (auto failure = writer_.commit()) {
        fail(*failure);
        return;
    }
    succeed(Json{{"size", writer_.size()}});
}

void WriteFileCall::cancel()
{
    writer_.discard();
    fail({proto::code::Cancelled, "upload cancelled", nullptr});
}

} // namespace hako::agent
