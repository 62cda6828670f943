#include "bashsession.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace hako::agent {

namespace {

using std::chrono::milliseconds;

// Long enough for output already in the pipes to arrive after the shell
// exits, short enough that a background job holding them open costs little.
constexpr milliseconds kDrainGrace{100};
// Beyond this a timeout is as good as none, and steady_clock arithmetic stays far from overflow.
constexpr std::uint64_t kMaxTimeoutMs = 30ull * 24 * 3600 * 1000;
constexpr const char *kStateName = "session";
constexpr const char *kDefaultPath = "PATH=/usr/local/bin:/usr/bin:/bin";

char g_buffer[proto::kChunkSize];

std::string shellQuote(const std::string &s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The shell saves its state from an EXIT trap into session.<its pid>; the
// agent renames it into place once that shell is reaped, so the save needs no
// extra process (it must work while a fork bomb holds the pids limit) and a
// shell killed mid-save leaves nothing half-written behind. The state is
// sourced at top level so `declare -x` lines stay global. A command that sets
// its own EXIT trap or ends in `exec` replaces this one and saves nothing.
std::string makeWrapper(const std::string &stateFile)
{
    const std::string q = shellQuote(stateFile);
    return "if [ -r " + q + " ]; then . " + q
           + " 2>/dev/null; fi\n"
             "__hako_save() { { export -p; printf 'cd -- %q\\n' \"$PWD\"; } >"
           + q
           + ".$$ 2>/dev/null; }\n"
             "trap __hako_save EXIT\n"
             "eval \"$1\"\n";
}

std::vector<std::string> captureEnvironment()
{
    std::vector<std::string> env;
    bool havePath = false;
    for (char **e = environ; e && *e; ++e) {
        env.emplace_back(*e);
        havePath = havePath || env.back().rfind("PATH=", 0) == 0;
    }
    if (!havePath)
        env.emplace_back(kDefaultPath);
    return env;
}

// The container's OOM kill count: memory.events on cgroup v2, memory.oom_control
// on a v1 host. Where neither is readable (gVisor, host tests) the agent cannot
// tell, and reports no OOM.
std::optional<std::uint64_t> oomKills()
{
    for (const char *path : {"/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"}) {
        UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC));
        char text[512];
        const ssize_t n = fd.valid() ? readSome(fd.get(), text, sizeof text - 1) : -1;
        if (n <= 0)
            continue;
        text[n] = '\0';
        if (const char *line = std::strstr(text, "oom_kill "))
            return std::strtoull(line + std::strlen("oom_kill "), nullptr, 10);
    }
    return std::nullopt;
}

} // namespace

bool BashSession::open(const std::string &stateDir, const std::string &workspace, std::string &error)
{
    if (::mkdir(stateDir.c_str(), 0700) != 0 && errno != EEXIST) {
        error = stateDir + ": " + std::strerror(errno);
        return false;
    }
    stateDir_.reset(::open(stateDir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (!stateDir_.valid() || ::fstat(stateDir_.get(), &st) != 0) {
        error = stateDir + ": " + std::strerror(errno);
        return false;
    }
    // Another user's directory here could feed our shells a state of its choosing.
    if (st.st_uid != ::geteuid() || ::fchmod(stateDir_.get(), 0700) != 0) {
        error = stateDir + ": exists and is not the agent's own directory";
        return false;
    }
    workspace_ = workspace;
    wrapper_ = makeWrapper(stateDir + "/" + kStateName);
    baseEnv_ = captureEnvironment();
    return true;
}

bool BashSession::haveState() const
{
    struct stat st {};
    return ::fstatat(stateDir_.get(), kStateName, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

SpawnRequest BashSession::request(const std::string &command) const
{
    SpawnRequest req;
    req.argv = {"/bin/bash", "--noprofile", "--norc", "-c", wrapper_, "hako", command};
    // With saved state the environment is exactly what was exported, so a
    // variable the user unset stays unset; bash supplies a default PATH.
    if (!haveState())
        req.env = baseEnv_;
    req.cwd = workspace_;
    return req;
}

void BashSession::restart()
{
    ::unlinkat(stateDir_.get(), kStateName, 0);
}

void BashSession::commit(pid_t pid, bool exitedNormally)
{
    const std::string saved = std::string(kStateName) + "." + std::to_string(pid);
    if (!exitedNormally || ::renameat(stateDir_.get(), saved.c_str(), stateDir_.get(), kStateName) != 0)
        ::unlinkat(stateDir_.get(), saved.c_str(), 0);
}

BashCall::BashCall(Outbox &out, std::uint32_t id, BashSession &session, ChildTable &children,
                   GroupKiller &killer, BashLimits limits)
    : Call(out, id)
    , session_(session)
    , children_(children)
    , killer_(killer)
    , limits_(limits)
{
}

BashCall::~BashCall()
{
    // Still running means the connection went away: nothing may outlive it.
    if (!done())
        killer_.kill(pid_);
    if (pid_ > 0 && !exited_)
        children_.forget(pid_);
}

std::optional<Failure> BashCall::start(const std::string &command)
{
    oomBefore_ = oomKills();
    started_ = Clock::now();
    Spawned child;
    if (const int err = spawnProcess(session_.request(command), child)) {
        std::string message = "cannot start /bin/bash: " + std::string(std::strerror(err));
        if (err == EAGAIN)
            message += " (the container's process limit is reached)";
        return Failure{proto::code::SpawnFailed, message, nullptr};
    }
    pid_ = child.pid;
    stdout_.fd = std::move(child.stdoutFd);
    stderr_.fd = std::move(child.stderrFd);
    children_.watch(pid_, this);
    if (limits_.timeoutMs > 0)
        timeoutAt_ = started_ + milliseconds(std::min(limits_.timeoutMs, kMaxTimeoutMs));
    return std::nullopt;
}

void BashCall::watchedFds(std::vector<int> &fds) const
{
    for (const Stream *s : {&stdout_, &stderr_})
        if (s->fd.valid())
            fds.push_back(s->fd.get());
}

void BashCall::onReadable(int fd)
{
    readChunk(fd == stdout_.fd.get() ? stdout_ : stderr_);
    finishIfDrained();
}

bool BashCall::readChunk(Stream &stream)
{
    const ssize_t n = readSome(stream.fd.get(), g_buffer, sizeof g_buffer);
    if (n > 0) {
        emit(stream, g_buffer, static_cast<std::size_t>(n));
        return true;
    }
    if (n == 0 || errno != EAGAIN)
        stream.fd.reset();
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

std::optional<Clock::time_point> BashCall::deadline() const
{
    return exited_ ? drainUntil_ : timeoutAt_;
}

void BashCall::onDeadline(Clock::time_point now)
{
    if (exited_) {
        if (drainUntil_ && now >= *drainUntil_)
            finish();
    } else if (timeoutAt_ && now >= *timeoutAt_) {
        timedOut_ = true;
        terminate();
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
    killer_.kill(pid_);
}

void BashCall::childExited(int status)
{
    exited_ = true;
    status_ = status;
    drainUntil_ = Clock::now() + kDrainGrace;
    // What is left of the group dies after the grace, whether or not the call
    // has ended by then: a background job that is on its way out of the group
    // (setsid cmd &) gets that long to leave it.
    killer_.killAt(pid_, *drainUntil_);
    finishIfDrained();
}

void BashCall::finishIfDrained()
{
    if (exited_ && !stdout_.fd.valid() && !stderr_.fd.valid())
        finish();
}

// Jobs meant to outlive the command must leave the group (setsid cmd &) and
// should not hold our pipes: a writer still holding them is not waited for
// beyond the grace. Bytes already in the pipes are still collected.
void BashCall::finish()
{
    if (done())
        return;
    for (Stream *s : {&stdout_, &stderr_}) {
        for (int i = 0; i < 16 && s->fd.valid() && readChunk(*s); ++i) {
        }
        s->fd.reset();
    }
    for (Stream *s : {&stdout_, &stderr_}) {
        if (s->total > s->shown) {
            const std::string marker =
                "\n[hako: output truncated: " + std::to_string(s->total - s->shown) + " bytes not shown]\n";
            out().send(s->type, id(), marker);
        }
    }
    session_.commit(pid_, WIFEXITED(status_));
    succeed(result());
}

Json BashCall::result() const
{
    const bool signalled = WIFSIGNALED(status_);
    const int sig = signalled ? WTERMSIG(status_) : 0;
    const int exitCode = signalled ? 128 + sig : WEXITSTATUS(status_);
    const auto oomAfter = oomBefore_ ? oomKills() : std::nullopt;
    // The count is the container's: a command whose compiler was OOM-killed
    // inside `make` counts too. Only a concurrent call's OOM could be misread.
    const bool oomKilled = oomBefore_ && oomAfter && *oomAfter > *oomBefore_;
    const auto elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - started_);
    return Json{{"exit_code", exitCode},
                {"signal", signalled ? Json(sig) : Json(nullptr)},
                {"timed_out", timedOut_},
                {"oom_killed", oomKilled},
                {"cancelled", cancelled_},
                {"truncated", stdout_.total > stdout_.shown || stderr_.total > stderr_.shown},
                {"stdout_bytes", stdout_.total},
                {"stderr_bytes", stderr_.total},
                {"duration_ms", elapsed.count()}};
}

} // namespace hako::agent
