#include "shell.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

namespace hako::agent {

namespace {

// Longer than any line the shell writes; anything else on the pipe is dropped in pieces this size.
constexpr std::size_t kMaxStatusLine = Shell::kTokenSize + 16;

std::string freshToken()
{
    unsigned char bytes[Shell::kTokenSize / 2];
    if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes))
        return {};
    static const char kHex[] = "0123456789abcdef";
    std::string token;
    for (unsigned char b : bytes) {
        token += kHex[b >> 4];
        token += kHex[b & 15];
    }
    return token;
}

} // namespace

Shell::~Shell()
{
    if (alive_) {
        kill();
        children_.forget(pid_);
    }
}

int Shell::start(SpawnRequest request)
{
    int commandPipe[2], statusPipe[2];
    if (::pipe2(commandPipe, O_CLOEXEC) != 0)
        return errno;
    UniqueFd commandRead(commandPipe[0]);
    command_.reset(commandPipe[1]);
    if (::pipe2(statusPipe, O_CLOEXEC) != 0)
        return errno;
    status_.reset(statusPipe[0]);
    UniqueFd statusWrite(statusPipe[1]);
    request.inherit = {{commandRead.get(), kCommandFd}, {statusWrite.get(), kStatusFd}};

    Spawned child;
    if (const int err = spawnProcess(request, child))
        return err;
    pid_ = child.pid;
    alive_ = true;
    stdout_ = std::move(child.stdoutFd);
    stderr_ = std::move(child.stderrFd);
    setNonBlocking(status_.get());
    setNonBlocking(command_.get());
    const int room = ::fcntl(command_.get(), F_GETPIPE_SZ);
    inlineCapacity_ = room > int(kHeaderSize) ? std::size_t(room) - kHeaderSize : 0;
    children_.watch(pid_, this);
    return 0;
}

bool Shell::go(bool reload, bool fromFile, const std::string &command)
{
    token_ = freshToken();
    if (!alive_ || token_.empty() || (!fromFile && command.size() > inlineCapacity_))
        return false;
    char length[9];
    std::snprintf(length, sizeof length, "%08zx", fromFile ? std::size_t(0) : command.size());
    std::string message;
    message.reserve(kHeaderSize + (fromFile ? 0 : command.size()));
    message += reload ? kLoad : kRun;
    message += fromFile ? kFromFile : kInline;
    message += token_;
    message += length;
    if (!fromFile)
        message += command;
    // One write into a pipe the shell has emptied: all of it, or the shell is not listening.
    return writeSome(command_.get(), message.data(), message.size()) == static_cast<ssize_t>(message.size());
}

std::optional<int> Shell::readStatus()
{
    char buffer[64];
    const ssize_t n = readSome(status_.get(), buffer, sizeof buffer);
    if (n == 0)
        statusClosed_ = true;
    if (n > 0)
        pending_.append(buffer, static_cast<std::size_t>(n));
    for (auto end = pending_.find('\n'); end != std::string::npos; end = pending_.find('\n')) {
        const std::string line = pending_.substr(0, end);
        pending_.erase(0, end + 1);
        if (line.size() > kTokenSize + 1 && line.compare(0, kTokenSize, token_) == 0 && line[kTokenSize] == ' ') {
            token_.clear();
            return std::atoi(line.c_str() + kTokenSize + 1);
        }
    }
    if (pending_.size() > kMaxStatusLine)
        pending_.clear();
    return std::nullopt;
}

void Shell::discardOutput()
{
    char buffer[4096];
    for (int fd : {stdout_.get(), stderr_.get(), status_.get()})
        for (int i = 0; i < 64 && readSome(fd, buffer, sizeof buffer) > 0; ++i) {
        }
    pending_.clear();
}

void Shell::kill()
{
    retired = true;
    if (alive_)
        ::kill(-pid_, SIGKILL);
}

void Shell::childExited(int status)
{
    alive_ = false;
    if (owner_)
        owner_->childExited(status);
}

} // namespace hako::agent
