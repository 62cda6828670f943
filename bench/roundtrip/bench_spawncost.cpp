// What creating a process costs on this machine, the floor under every
// `bash` tool call (each forks the agent and execs a fresh shell). Used by the
// analysis of bench_roundtrip in docs/benchmarks.md.
//
//   page fault     first touch of fresh anonymous memory, per 4 KiB page,
//                  wall and CPU time
//   fork+exec      /bin/true and `bash --noprofile --norc -c 'echo hi'` from
//                  this small process, with fork() and with vfork()
//   socket RTT     one byte there and back between two processes over a Unix
//                  socket pair: the floor under any agent round trip
//   live builtin   `echo hi` written to a bash that is already running and
//                  waiting on a pipe, until "hi" is read back: the floor under
//                  a builtin call, with no agent and no plugin
//   pre-spawned    a shell started ahead and blocked reading its command: the
//                  time from writing `echo hi` to it until it has exited, with
//                  the agent's state restore and EXIT-trap save, i.e. what a
//                  call would still cost if the agent kept the next shell ready
//
// Usage: bench_spawncost [--runs N]   (default 50; min and p50 printed)
// Runs on the host, no docker needed; the shell inside the workspace image is
// the same kind of dynamically linked bash.
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double cpuMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall and CPU time per fault: under load the wall time also holds waits for a CPU.
void pageFaultMicros(double *wallUs, double *cpuUs)
{
    constexpr std::size_t kPages = 20000, kPage = 4096;
    auto *p = static_cast<char *>(
            ::mmap(nullptr, kPages * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (p == MAP_FAILED) {
        *wallUs = *cpuUs = -1;
        return;
    }
    const double start = nowMs(), startCpu = cpuMs();
    for (std::size_t i = 0; i < kPages; ++i)
        p[i * kPage] = 1;
    *wallUs = (nowMs() - start) * 1000.0 / double(kPages);
    *cpuUs = (cpuMs() - startCpu) * 1000.0 / double(kPages);
    ::munmap(p, kPages * kPage);
}

// The child runs argv with `in` and `out` (when not -1) as its standard input
// and output. A function of its own, so that no caller's variable lives
// across vfork(), where the child may clobber it.
pid_t launch(bool useVfork, char *const argv[], const int in[2] = nullptr, const int out[2] = nullptr)
{
    const pid_t pid = useVfork ? ::vfork() : ::fork();
    if (pid == 0) {
        if (in && out) {
            ::dup2(in[0], 0);
            ::dup2(out[1], 1);
            ::close(in[0]), ::close(in[1]), ::close(out[0]), ::close(out[1]);
        }
        ::execv(argv[0], argv);
        ::_exit(127);
    }
    return pid;
}

void spawn(const char *label, bool useVfork, char *const argv[], int runs)
{
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const double start = nowMs();
        const pid_t pid = launch(useVfork, argv);
        int status = 0;
        ::waitpid(pid, &status, 0);
        t.push_back(nowMs() - start);
    }
    std::sort(t.begin(), t.end());
    std::printf("  %-34s min %7.2f ms   p50 %7.2f ms\n", label, t.front(), t[t.size() / 2]);
}

void printMicros(const char *label, std::vector<double> t)
{
    std::sort(t.begin(), t.end());
    std::printf("  %-34s min %7.1f us   p50 %7.1f us   p99 %7.1f us\n", label, t.front() * 1000, t[t.size() / 2] * 1000,
                t[t.size() * 99 / 100] * 1000);
}

void socketRoundTrip(int runs)
{
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(sv[0]);
        char c;
        while (::read(sv[1], &c, 1) == 1 && ::write(sv[1], &c, 1) == 1) {
        }
        ::_exit(0);
    }
    ::close(sv[1]);
    std::vector<double> t;
    char c = 'x';
    for (int i = 0; i < runs * 20; ++i) {
        const double start = nowMs();
        if (::write(sv[0], &c, 1) != 1 || ::read(sv[0], &c, 1) != 1)
            break;
        t.push_back(nowMs() - start);
    }
    ::close(sv[0]);
    ::waitpid(pid, nullptr, 0);
    if (!t.empty())
        printMicros("Unix socket round trip", t);
}

void liveShellBuiltin(int runs)
{
    char bashBin[] = "/bin/bash", np[] = "--noprofile", nr[] = "--norc", c[] = "-c",
         script[] = "while IFS= read -r l; do eval \"$l\"; done";
    char *const argv[] = {bashBin, np, nr, c, script, nullptr};
    int in[2], out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0)
        return;
    const pid_t pid = launch(false, argv, in, out);
    ::close(in[0]);
    ::close(out[1]);
    std::vector<double> t;
    for (int i = 0; i < runs * 20; ++i) {
        char buf[8];
        const double start = nowMs();
        if (::write(in[1], "echo hi\n", 8) != 8 || ::read(out[0], buf, sizeof buf) != 3)
            break;
        t.push_back(nowMs() - start);
    }
    ::close(in[1]);
    ::close(out[0]);
    ::waitpid(pid, nullptr, 0);
    if (!t.empty())
        printMicros("builtin in a live bash (echo hi)", t);
}

void preSpawned(int runs)
{
    char bashBin[] = "/bin/bash", np[] = "--noprofile", nr[] = "--norc", c[] = "-c";
    // A shell per command, started ahead of its command: the design the agent
    // had before its shells became persistent, kept as the measured alternative.
    char script[] =
            "IFS= read -r __cmd\n"
            "if [ -r /tmp/bench_spawncost.state ]; then . /tmp/bench_spawncost.state 2>/dev/null; fi\n"
            "__save() { { export -p; printf 'cd -- %q\\n' \"$PWD\"; } > /tmp/bench_spawncost.state 2>/dev/null; }\n"
            "trap __save EXIT\n"
            "eval \"$__cmd\"\n";
    char *const argv[] = {bashBin, np, nr, c, script, nullptr};
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        int in[2], out[2];
        if (::pipe(in) != 0 || ::pipe(out) != 0)
            return;
        const pid_t pid = launch(true, argv, in, out);
        ::close(in[0]);
        ::close(out[1]);
        ::usleep(100 * 1000); // let it start and block in read
        const double start = nowMs();
        (void)!::write(in[1], "echo hi\n", 8);
        char buf[64];
        while (::read(out[0], buf, sizeof buf) > 0) {
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        t.push_back(nowMs() - start);
        ::close(in[1]);
        ::close(out[0]);
    }
    ::unlink("/tmp/bench_spawncost.state");
    std::sort(t.begin(), t.end());
    std::printf("  %-34s min %7.2f ms   p50 %7.2f ms\n", "pre-spawned bash: command to exit", t.front(),
                t[t.size() / 2]);
}

} // namespace

int main(int argc, char **argv)
{
    int runs = 50;
    if (argc == 3 && std::strcmp(argv[1], "--runs") == 0 && std::atoi(argv[2]) > 0)
        runs = std::atoi(argv[2]);
    else if (argc != 1) {
        std::fprintf(stderr, "usage: bench_spawncost [--runs N]\n");
        return 2;
    }
    char trueBin[] = "/bin/true", bashBin[] = "/bin/bash", np[] = "--noprofile", nr[] = "--norc", c[] = "-c",
         cmd[] = "echo hi >/dev/null";
    char *const trueArgv[] = {trueBin, nullptr};
    char *const bashArgv[] = {bashBin, np, nr, c, cmd, nullptr};
    std::printf("bench_spawncost: %d runs each\n", runs);
    double wallUs = 0, cpuUs = 0;
    pageFaultMicros(&wallUs, &cpuUs);
    std::printf("  %-34s %.2f us per 4 KiB page (cpu %.2f us)\n", "anonymous page fault", wallUs, cpuUs);
    spawn("fork + exec /bin/true", false, trueArgv, runs);
    spawn("vfork + exec /bin/true", true, trueArgv, runs);
    spawn("fork + exec bash -c 'echo hi'", false, bashArgv, runs);
    spawn("vfork + exec bash -c 'echo hi'", true, bashArgv, runs);
    socketRoundTrip(runs);
    liveShellBuiltin(runs);
    preSpawned(runs);
    return 0;
}
