#include "spawn.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace hako::agent {

namespace {

struct Pipe
{
    UniqueFd read;
    UniqueFd write;
    bool open()
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return false;
        read.reset(fds[0]);
        write.reset(fds[1]);
        return true;
    }
};

std::vector<char *> cStrings(const std::vector<std::string> &strings)
{
    std::vector<char *> out;
    out.reserve(strings.size() + 1);
    for (const std::string &s : strings)
        out.push_back(const_cast<char *>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

// Only async-signal-safe calls from here on: the child is a copy of the agent.
[[noreturn]] void failChild(int errfd)
{
    const int err = errno;
    writeAll(errfd, &err, sizeof err);
    ::_exit(127);
}

// Descriptors the child keeps are first copied up here, above anything the
// agent has open and any `as` number, so that placing one cannot overwrite
// another still to be placed, nor the report pipe.
constexpr int kStagingFloor = 1024;
constexpr std::size_t kMaxInherited = 4;

// Everything the agent opens is O_CLOEXEC already; this is the belt to those
// braces, so a missing close_range (gVisor) is no failure. `keep` is sorted.
void closeAllBut(const int *keep, std::size_t count)
{
    unsigned from = 3;
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned fd = static_cast<unsigned>(keep[i]);
        if (fd > from)
            ::close_range(from, fd - 1, 0);
        from = std::max(from, fd + 1);
    }
    ::close_range(from, ~0u, 0);
}

// Returns the report descriptor's new number, or -1.
int placeDescriptors(const SpawnRequest &request, int outfd, int errfd, int reportfd)
{
    const int report = ::fcntl(reportfd, F_DUPFD_CLOEXEC, kStagingFloor);
    int staged[kMaxInherited];
    int keep[kMaxInherited + 1];
    const std::size_t n = request.inherit.size();
    for (std::size_t i = 0; i < n; ++i)
        if ((staged[i] = ::fcntl(request.inherit[i].fd, F_DUPFD_CLOEXEC, kStagingFloor)) < 0)
            return -1;
    const int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (report < 0 || devnull < 0 || ::dup2(devnull, 0) < 0 || ::dup2(outfd, 1) < 0 || ::dup2(errfd, 2) < 0)
        return -1;
    // dup2 clears close-on-exec on the copy: these are what the program inherits.
    for (std::size_t i = 0; i < n; ++i)
        if (::dup2(staged[i], keep[i] = request.inherit[i].as) < 0)
            return -1;
    keep[n] = report;
    std::sort(keep, keep + n + 1);
    closeAllBut(keep, n + 1);
    return report;
}

[[noreturn]] void runChild(pid_t parent, const SpawnRequest &request, char *const *argv, char *const *envp, int outfd,
                           int errfd, int reportfd)
{
    ::setpgid(0, 0);
    // The agent is PID 1 in the container; outside it (tests) a dead agent
    // must not leave tools running unsupervised.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        ::_exit(127);
    // Under memory pressure the kernel should pick the tool, never the agent.
    // The agent is not dumpable, which makes /proc/self root's, so the child
    // is dumpable for this write only: until exec it holds a copy of the
    // agent's memory, agent key included, which a tool of the same uid could
    // read through /proc/<pid>/mem while it is dumpable. Exec makes the tool
    // dumpable again, with none of the agent's memory left.
    ::prctl(PR_SET_DUMPABLE, 1);
    const int oom = ::open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (oom >= 0) {
        writeAll(oom, "1000", 4);
        ::close(oom);
    }
    ::prctl(PR_SET_DUMPABLE, 0);
    // Tools start with default signal handling whatever the agent inherited or ignores.
    for (int sig = 1; sig < NSIG; ++sig)
        ::signal(sig, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);

    const int report = placeDescriptors(request, outfd, errfd, reportfd);
    if (report < 0)
        failChild(reportfd);
    reportfd = report;
    if (::chdir(request.cwd.c_str()) != 0 && ::chdir("/") != 0)
        failChild(reportfd);
    ::execve(argv[0], argv, envp);
    failChild(reportfd);
}

} // namespace

int spawnProcess(const SpawnRequest &request, Spawned &out)
{
    Pipe stdoutPipe, stderrPipe, report;
    const auto badTarget = [](const InheritedFd &f) { return f.as <= 2 || f.as >= kStagingFloor; };
    if (request.argv.empty() || request.inherit.size() > kMaxInherited
        || std::any_of(request.inherit.begin(), request.inherit.end(), badTarget))
        return EINVAL;
    if (!stdoutPipe.open() || !stderrPipe.open() || !report.open())
        return errno;
    // Built before fork so the child allocates nothing.
    std::vector<char *> argv = cStrings(request.argv);
    std::vector<char *> envp = cStrings(request.env);
    const pid_t parent = ::getpid();

    const pid_t pid = ::fork();
    if (pid < 0)
        return errno;
    if (pid == 0)
        runChild(parent, request, argv.data(), envp.data(), stdoutPipe.write.get(), stderrPipe.write.get(),
                 report.write.get());

    // Also set here: whichever of parent and child runs first, the group exists
    // before anyone could try to signal it.
    ::setpgid(pid, pid);
    stdoutPipe.write.reset();
    stderrPipe.write.reset();
    report.write.reset();
    int childErr = 0;
    if (readSome(report.read.get(), &childErr, sizeof childErr) == sizeof childErr)
        return childErr != 0 ? childErr : EIO; // the child exits 127; it is reaped like any other
    setNonBlocking(stdoutPipe.read.get());
    setNonBlocking(stderrPipe.read.get());
    out.pid = pid;
    out.stdoutFd = std::move(stdoutPipe.read);
    out.stderrFd = std::move(stderrPipe.read);
    return 0;
}

} // namespace hako::agent
