#include "bashcall.h"

#include "procgroup.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hako::agent {

namespace {

using std::chrono::milliseconds;

// Long enough for a process substitution or a job finishing on its way out to
// deliver its output, short enough that a forgotten `sleep 1000 &` costs little.
constexpr milliseconds kLeftoverGrace{100};
constexpr milliseconds kLeftoverPoll{10};
// Beyond this a timeout is as good as none, and steady_clock arithmetic stays far from overflow.
constexpr std::uint64_t kMaxTimeoutMs = 30ull * 24 * 3600 * 1000;

char g_buffer[proto::kChunkSize];

// The container's OOM kill count: memory.events on cgroup v2, memory.oom_control
// on a v1 host, opened once and read again from the start for every call.
// Where neither is readable (gVisor, host tests) the agent cannot tell, and
// reports no OOM.
std::optional<std::uint64_t> oomKills()
{
    static const int fd = [] {
        for (const char *path : {"/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"})
            if (const int opened = ::open(path, O_RDONLY | O_CLOEXEC); opened >= 0)
                return opened;
        return -1;
    }();
    char text[512];
    const ssize_t n = fd >= 0 ? ::pread(fd, text, sizeof text - 1, 0) : -1;
    if (n <= 0)
        return std::nullopt;
    text[n] = '\0';
    if (const char *line = std::strstr(text, "oom_kill "))
        return std::strtoull(line + std::strlen("oom_kill "), nullptr, 10);
    return std::nullopt;
}

} // namespace

BashCall::BashCall(Outbox &out, std::uint32_t id, BashSession &session, GroupKiller &killer, BashLimits limits)
    : Call(out, id), session_(session), killer_(killer), limits_(limits)
{}

BashCall::~BashCall()
{
    // Still running means the connection went away: nothing may outlive it.
    if (shell_ && !done()) {
        killer_.kill(shell_->pid());
        shell_->retired = true;
        session_.release(*shell_, false);
    }
}

std::optional<Failure> BashCall::start(const std::string &command)
{
    oomBefore_ = oomKills();
    started_ = Clock::now();
    // An idle shell may have died unnoticed (its SIGCHLD not yet read): one retry.
    for (int attempt = 0; attempt < 2; ++attempt) {
        int err = 0;
        Shell *shell = session_.acquire(err);
        if (!shell) {
            std::string message = "cannot start /bin/bash: " + std::string(std::strerror(err));
            if (err == EAGAIN)
                message += " (the container's process limit is reached)";
            return Failure{proto::code::SpawnFailed, message, nullptr};
        }
        if (startIn(*shell, command))
            break;
        shell->kill();
        session_.release(*shell, false);
    }
    if (!shell_)
        return Failure{proto::code::SpawnFailed, "the shell did not take the command", nullptr};
    if (limits_.timeoutMs > 0)
        timeoutAt_ = started_ + milliseconds(std::min(limits_.timeoutMs, kMaxTimeoutMs));
    return std::nullopt;
}

bool BashCall::startIn(Shell &shell, const std::string &command)
{
    shell.discardOutput();
    if (!session_.run(shell, command))
        return false;
    shell_ = &shell;
    shell.setOwner(this);
    stdout_.fd = shell.stdoutFd();
    stderr_.fd = shell.stderrFd();
    return true;
}

void BashCall::watchedFds(std::vector<int> &fds) const
{
    for (const Stream *s : {&stdout_, &stderr_})
        if (s->fd >= 0)
            fds.push_back(s->fd);
    if (phase_ == Phase::Running && !shell_->statusClosed())
        fds.push_back(shell_->statusFd());
}

void BashCall::onReadable(int fd)
{
    if (phase_ == Phase::Running && fd == shell_->statusFd()) {
        if (const auto status = shell_->readStatus())
            answered(*status);
        return;
    }
    readChunk(fd == stdout_.fd ? stdout_ : stderr_);
    if (phase_ == Phase::Exited && stdout_.fd < 0 && stderr_.fd < 0)
        finish();
}

bool BashCall::readChunk(Stream &stream)
{
    const ssize_t n = readSome(stream.fd, g_buffer, sizeof g_buffer);
    if (n > 0) {
        emit(stream, g_buffer, static_cast<std::size_t>(n));
        return true;
    }
    if (n == 0 || errno != EAGAIN) {
        stream.fd = -1;
        stream.closed = true;
    }
    return false;
}

// Past the limit output is still read, so the command never blocks on a full
// pipe, but only counted.
void BashCall::emit(Stream &stream, const char *data, std::size_t size)
{
    stream.total += size;
    const std::uint64_t room = limits_.outputLimit > stream.shown ? limits_.outputLimit - stream.shown : 0;
    const std::size_t shown = static_cast<std::size_t>(std::min<std::uint64_t>(room, size));
    if (shown == 0)
        return;
    stream.shown += shown;
    out().send(stream.type, id(), std::string_view(data, shown));
}

// What the command wrote before its status line is in the pipes already. A
// writer that never stops (a leftover job) is not waited for beyond a few chunks.
void BashCall::drain()
{
    for (Stream *s : {&stdout_, &stderr_})
        for (int i = 0; i < 16 && s->fd >= 0 && readChunk(*s); ++i) {
        }
}

void BashCall::answered(int status)
{
    exitCode_ = status;
    timeoutAt_.reset();
    drain();
    if (!groupHasOthers(shell_->pid(), shell_->pid())) {
        finish();
        return;
    }
    phase_ = Phase::Leftovers;
    const auto now = Clock::now();
    graceEnd_ = now + kLeftoverGrace;
    nextCheck_ = now + kLeftoverPoll;
}

std::optional<Clock::time_point> BashCall::deadline() const
{
    switch (phase_) {
    case Phase::Running: return timeoutAt_;
    case Phase::Leftovers: return nextCheck_;
    case Phase::Exited: return graceEnd_;
    }
    return std::nullopt;
}

void BashCall::onDeadline(Clock::time_point now)
{
    switch (phase_) {
    case Phase::Running:
        if (timeoutAt_ && now >= *timeoutAt_) {
            timedOut_ = true;
            terminate();
        }
        break;
    case Phase::Leftovers:
        if (now >= graceEnd_)
            killGroupExcept(shell_->pid(), shell_->pid());
        else if (groupHasOthers(shell_->pid(), shell_->pid())) {
            nextCheck_ = now + kLeftoverPoll;
            break;
        }
        finish();
        break;
    case Phase::Exited:
        if (now >= graceEnd_)
            finish();
        break;
    }
}

void BashCall::cancel()
{
    cancelled_ = true;
    terminate();
}

void BashCall::terminate()
{
    timeoutAt_.reset();
    killer_.kill(shell_->pid());
}

// The shell died: killed, out of memory, or the command ended it (`exit`,
// `exec`). Output still in the pipes is collected while writers remain, for
// the grace; then whatever is left of the group dies.
void BashCall::childExited(int status)
{
    phase_ = Phase::Exited;
    timeoutAt_.reset();
    if (WIFSIGNALED(status)) {
        signal_ = WTERMSIG(status);
        exitCode_ = 128 + signal_;
    } else {
        exitCode_ = WEXITSTATUS(status);
    }
    graceEnd_ = Clock::now() + kLeftoverGrace;
    killer_.killAt(shell_->pid(), graceEnd_);
    if (stdout_.fd < 0 && stderr_.fd < 0)
        finish();
}

void BashCall::finish()
{
    if (done())
        return;
    drain();
    for (Stream *s : {&stdout_, &stderr_}) {
        if (s->total > s->shown) {
            const std::string marker =
                    "\n[hako: output truncated: " + std::to_string(s->total - s->shown) + " bytes not shown]\n";
            out().send(s->type, id(), marker);
        }
        s->fd = -1;
    }
    const bool saved = phase_ != Phase::Exited || signal_ == 0;
    if (stdout_.closed || stderr_.closed)
        shell_->retired = true;
    session_.release(*shell_, saved);
    succeed(bashResult(report()));
}

BashReport BashCall::report() const
{
    const auto oomAfter = oomBefore_ ? oomKills() : std::nullopt;
    // The count is the container's: a command whose compiler was OOM-killed
    // inside `make` counts too. Only a concurrent call's OOM could be misread.
    const bool oomKilled = oomBefore_ && oomAfter && *oomAfter > *oomBefore_;
    const auto elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - started_);
    return {exitCode_,     signal_,       timedOut_,
            oomKilled,     cancelled_,    stdout_.total > stdout_.shown || stderr_.total > stderr_.shown,
            stdout_.total, stderr_.total, elapsed.count()};
}

} // namespace hako::agent
