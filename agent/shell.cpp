#include "shell.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace hako::agent {

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
    children_.watch(pid_, this);
    return 0;
}

bool Shell::go(bool reload)
{
    const char *line = reload ? "load\n" : "run\n";
    return alive_ && writeAll(command_.get(), line, std::char_traits<char>::length(line));
}

std::optional<int> Shell::readStatus()
{
    char buffer[64];
    const ssize_t n = readSome(status_.get(), buffer, sizeof buffer);
    if (n > 0)
        pending_.append(buffer, static_cast<std::size_t>(n));
    const auto end = pending_.find('\n');
    if (end == std::string::npos) {
        // Only the shell writes here; a line this long is not one of its own.
        if (pending_.size() > 32)
            pending_.clear();
        return std::nullopt;
    }
    const int status = std::atoi(pending_.substr(0, end).c_str());
    pending_.erase(0, end + 1);
    return status;
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
