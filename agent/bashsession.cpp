#include "bashsession.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

namespace hako::agent {

namespace {

// Two serve a second concurrent call at once; a burst beyond that pays for a start.
constexpr std::size_t kMaxIdleShells = 2;
constexpr const char *kStateName = "session";
constexpr const char *kDefaultPath = "PATH=/usr/local/bin:/usr/bin:/bin";

std::string shellQuote(const std::string &s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The loop every shell runs (the header's layout is Shell's). State is saved
// to session.<pid> and the agent renames it into place once it has the status
// line (or, after `exit`, once the shell is reaped), so a shell killed
// mid-save leaves nothing half-written where the next one would load it. The
// pipe is read in the C locale, where a character is a byte, and with -N,
// which bash reads in blocks rather than a byte at a time. The loop is at top
// level so that the command's `declare` behaves as in a script; the control
// pipes are closed around the command so that what it starts does not hold
// them (its stdin is the shell's, /dev/null). The loop's read, eval and printf
// are named as builtins, so that a function of that name the command defines
// does not stand in for them. The one-pass loop around the command takes its
// `break` and `continue`, which would otherwise skip the answer. A command that
// breaks out further (`break 2`), `exec`s or exits ends its shell: the call
// reports that exit and the next call gets a new shell.
std::string makeScript(const std::string &dir)
{
    const std::string q = shellQuote(dir);
    const std::string cmd = std::to_string(Shell::kCommandFd);
    const std::string status = std::to_string(Shell::kStatusFd);
    const std::string header = std::to_string(Shell::kHeaderSize);
    const std::string token = std::to_string(Shell::kTokenSize);
    const std::string length = "$((16#${__hako_head:" + std::to_string(2 + Shell::kTokenSize) + ":8}))";
    const std::string fromFile(1, Shell::kFromFile);
    const std::string load(1, Shell::kLoad);
    return "__hako_save() { { builtin export -p; builtin printf 'cd -- %q\\n' \"$PWD\"; } >" + q
           + "/session.$$ 2>/dev/null; }\n"
             "trap __hako_save EXIT\n"
             "while LC_ALL=C IFS= builtin read -r -u "
           + cmd + " -N " + header + " __hako_head"
           + "; do\n"
             "  __hako_cmd=\n"
             "  if [ \"${__hako_head:1:1}\" = "
           + fromFile + " ]; then\n    LC_ALL=C IFS= builtin read -r -d '' __hako_cmd <" + q
           + "/command.$$\n"
             "  elif [ "
           + length + " -gt 0 ]; then\n    LC_ALL=C IFS= builtin read -r -u " + cmd + " -N " + length
           + " __hako_cmd\n"
             "  fi\n"
             "  if [ \"${__hako_head:0:1}\" = "
           + load + " ] && [ -r " + q + "/session ]; then . " + q
           + "/session 2>/dev/null; fi\n"
             "  for __hako_once in 1; do builtin eval \"$__hako_cmd\" "
           + cmd + "<&- " + status
           + ">&-; done\n"
             "  __hako_status=$?\n"
             "  __hako_save\n"
             "  builtin printf '%s %d\\n' \"${__hako_head:2:"
           + token + "}\" \"$__hako_status\" >&" + status
           + "\n"
             "done\n";
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

} // namespace

std::optional<Failure> BashSession::open(const std::string &stateDir, const std::string &workspace)
{
    if (auto failure = openStateDir(stateDir))
        return failure;
    stateDirPath_ = stateDir;
    workspace_ = workspace;
    script_ = makeScript(stateDir);
    baseEnv_ = captureEnvironment();
    return std::nullopt;
}

std::optional<Failure> BashSession::openStateDir(const std::string &stateDir)
{
    if (::mkdir(stateDir.c_str(), 0700) != 0 && errno != EEXIST)
        return systemFailure(errno, stateDir);
    stateDir_.reset(::open(stateDir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st
    {};
    if (!stateDir_.valid() || ::fstat(stateDir_.get(), &st) != 0)
        return systemFailure(errno, stateDir);
    // Another user's directory here could feed our shells a state of its choosing.
    if (st.st_uid != ::geteuid() || ::fchmod(stateDir_.get(), 0700) != 0)
        return Failure{proto::code::IoError, stateDir + ": exists and is not the agent's own directory"};
    return std::nullopt;
}

// Compared by identity, not by errno: gVisor lets files be created in a deleted directory.
bool BashSession::stateDirInPlace() const
{
    struct stat open
    {
    }, named{};
    return ::fstat(stateDir_.get(), &open) == 0 && ::lstat(stateDirPath_.c_str(), &named) == 0
           && open.st_dev == named.st_dev && open.st_ino == named.st_ino;
}

std::string BashSession::fileOf(const char *kind, pid_t pid) const
{
    return std::string(kind) + "." + std::to_string(pid);
}

bool BashSession::haveState() const
{
    struct stat st
    {};
    return ::fstatat(stateDir_.get(), kStateName, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

SpawnRequest BashSession::spawnRequest() const
{
    SpawnRequest req;
    req.argv = {"/bin/bash", "--noprofile", "--norc", "-c", script_, "hako"};
    // With saved state the environment is exactly what was exported, so a
    // variable the user unset stays unset; bash supplies a default PATH.
    if (!haveState())
        req.env = baseEnv_;
    req.cwd = workspace_;
    return req;
}

Shell *BashSession::acquire(int &err)
{
    prune();
    for (auto &shell : shells_)
        if (!shell->busy && !shell->retired && shell->alive()) {
            shell->busy = true;
            return shell.get();
        }
    auto shell = std::make_unique<Shell>(children_);
    if ((err = shell->start(spawnRequest())) != 0)
        return nullptr;
    shell->busy = true;
    shells_.push_back(std::move(shell));
    return shells_.back().get();
}

bool BashSession::run(Shell &shell, const std::string &command)
{
    // The user may delete /tmp (even `rm -rf /`); the shells save their state there by
    // path, so the directory comes back where it was. Its saved state went with it.
    if (!stateDirInPlace() && !openStateDir(stateDirPath_))
        ++stateVersion_;
    const bool fromFile = command.size() > shell.inlineCapacity();
    if (fromFile) {
        const std::string name = fileOf("command", shell.pid());
        UniqueFd fd(
                ::openat(stateDir_.get(), name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd.valid() || !writeAll(fd.get(), command.data(), command.size()))
            return false;
    }
    const bool reload = shell.stateSeen != stateVersion_ && haveState();
    shell.stateSeen = stateVersion_;
    return shell.go(reload, fromFile, command);
}

void BashSession::release(Shell &shell, bool saved)
{
    const std::string save = fileOf("session", shell.pid());
    if (saved && ::renameat(stateDir_.get(), save.c_str(), stateDir_.get(), kStateName) == 0)
        shell.stateSeen = ++stateVersion_;
    shell.busy = false;
    shell.setOwner(nullptr);
    const auto idle = std::count_if(shells_.begin(), shells_.end(), [](const auto &s) { return !s->busy; });
    if (static_cast<std::size_t>(idle) > kMaxIdleShells)
        shell.retired = true;
    prune();
}

void BashSession::restart()
{
    ::unlinkat(stateDir_.get(), kStateName, 0);
    ++stateVersion_;
    for (auto &shell : shells_)
        shell->retired = true;
    prune();
}

// Idle shells that died or were retired go, with their files. A busy one stays
// until its call is done with it, whatever its state.
void BashSession::prune()
{
    const auto gone = [this](const std::unique_ptr<Shell> &shell) {
        if (shell->busy || (shell->alive() && !shell->retired))
            return false;
        for (const char *kind : {"command", "session"})
            ::unlinkat(stateDir_.get(), fileOf(kind, shell->pid()).c_str(), 0);
        return true; // the destructor kills a live one
    };
    shells_.erase(std::remove_if(shells_.begin(), shells_.end(), gone), shells_.end());
}

} // namespace hako::agent
