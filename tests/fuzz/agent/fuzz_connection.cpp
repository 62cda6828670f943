// libFuzzer entry for the agent's side of the protocol: the bytes a host
// sends arrive in pieces the input chooses at a real Connection, over a
// socketpair: frame decoding, the handshake (the agent holds a fixed key and
// answers the challenge of a well-formed Hello; the seeds' Hellos carry one),
// JSON, request validation and the file tools, which work in a scratch workspace. No program ever runs: before
// the first input this process refuses itself execve and every fork, so a
// bash call fails to start as it would at the pids limit.
#include "bashsession.h"
#include "children.h"
#include "connection.h"
#include "pathguard.h"
#include "tools.h"

#include <seccomp.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ftw.h>
#include <sched.h>
#include <string>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace hako::agent;

namespace {

std::string g_root;
std::string g_workspace;
Tools *g_tools = nullptr;
// Any key will do: the fuzzer plays the host, which only checks the proof.
const AgentKey g_key = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16,
                        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

// Refuses exec and process creation; threads (CLONE_THREAD) stay possible
// for libFuzzer's own. clone3 fails with ENOSYS so that libc falls back to clone.
bool forbidPrograms()
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx)
        return false;
    bool ok = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(execve), 0) == 0
              && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(execveat), 0) == 0
              && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(fork), 0) == 0
              && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(vfork), 0) == 0
              && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) == 0
              && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                                  SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0))
                         == 0
              && ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 && seccomp_load(ctx) == 0;
    seccomp_release(ctx);
    return ok;
}

int removeEntry(const char *path, const struct stat *, int, struct FTW *ftw)
{
    if (ftw->level > 0)
        ::remove(path);
    return 0;
}

int removeAll(const char *path, const struct stat *, int, struct FTW *)
{
    ::remove(path);
    return 0;
}

void drain(int fd)
{
    char buffer[65536];
    while (::read(fd, buffer, sizeof buffer) > 0) {
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    char root[] = "/tmp/hako-fuzz-agent-XXXXXX";
    if (!::mkdtemp(root))
        std::abort();
    g_root = root;
    std::atexit([] { ::nftw(g_root.c_str(), removeAll, 16, FTW_DEPTH | FTW_PHYS); });
    g_workspace = g_root + "/workspace";
    const std::string state = g_root + "/state";
    ::mkdir(g_workspace.c_str(), 0700);
    static PathGuard guard;
    static ChildTable children;
    static BashSession bash(children);
    static GroupKiller killer;
    auto failure = guard.open(g_workspace);
    if (!failure)
        failure = bash.open(state, g_workspace);
    if (failure || !forbidPrograms()) {
        std::fprintf(stderr, "fuzz_agent: set-up failed: %s\n", failure ? failure->message.c_str() : "seccomp");
        std::abort();
    }
    static Tools tools{guard, bash, children, killer, "none"};
    g_tools = &tools;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
        return 0;
    {
        Connection connection(UniqueFd(fds[0]), *g_tools, g_key);
        const size_t piece = data[0] % 200 + 1;
        std::vector<Call *> calls;
        for (size_t at = 1; at < size && connection.open(); at += piece) {
            const size_t n = std::min(piece, size - at);
            if (::write(fds[1], data + at, n) != ssize_t(n))
                break;
            connection.onReadable();
            for (int turn = 0; turn < 4; ++turn) { // let transfers stream a little
                calls.clear();
                connection.activeCalls(calls);
                for (Call *call : calls)
                    if (call->wantsPump())
                        call->pump();
                connection.flush();
                drain(fds[1]);
                connection.dropRetired();
            }
            g_tools->children.reap();
        }
    }
    ::close(fds[1]);
    ::nftw(g_workspace.c_str(), removeEntry, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}
