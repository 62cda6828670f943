// hako-agent: the container's PID 1. It serves tool calls from the host over a
// Unix socket and reaps every process in the container.
#include "agentkey.h"
#include "bashsession.h"
#include "children.h"
#include "decoys.h"
#include "pathguard.h"
#include "seccomplayer.h"
#include "seccompnotify.h"
#include "server.h"
#include "tools.h"

#include <hako/protocol/layout.h>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <malloc.h>
#include <optional>
#include <string>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hako::agent;

namespace {

struct Options
{
    std::string socket = std::string(hako::proto::kSocketDirInContainer) + "/" + hako::proto::kAgentSocketName;
    std::string workspace = hako::proto::kWorkspaceInContainer;
    // On the container's private /tmp tmpfs; tests on a shared host pick their own.
    std::string stateDir = "/tmp/hako-state";
    // The plugin always passes its rules; tests of the agent on a host may not.
    std::string seccompRules;
    // Where the decoys go (the tools' home); none without it.
    std::string home;
};

void usage()
{
    std::fputs("usage: HAKO_AGENT_KEY=<64 lowercase hex digits> hako-agent [--socket PATH] [--workspace DIR]\n"
               "           [--state-dir DIR] [--seccomp RULES.json] [--home DIR]\n",
               stderr);
}

bool parseOptions(int argc, char **argv, Options &options)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        std::string *target = arg == "--socket"      ? &options.socket
                              : arg == "--workspace" ? &options.workspace
                              : arg == "--state-dir" ? &options.stateDir
                              : arg == "--seccomp"   ? &options.seccompRules
                              : arg == "--home"      ? &options.home
                                                     : nullptr;
        if (!target || i + 1 >= argc)
            return false;
        *target = argv[++i];
    }
    return true;
}

// Pipes created for tools must never land on 0-2 and be clobbered by dup2.
void ensureStandardFds()
{
    for (int fd = 0; fd < 3; ++fd)
        if (::fcntl(fd, F_GETFD) < 0)
            ::open("/dev/null", O_RDWR);
}

// Signals arrive through a signalfd so the loop handles them between polls.
// As PID 1 a blocked signal still stays pending, where a default-action one
// would be dropped by the kernel.
int blockSignals()
{
    std::signal(SIGPIPE, SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGCHLD, SIGTERM, SIGINT, SIGHUP})
        sigaddset(&set, sig);
    if (::sigprocmask(SIG_BLOCK, &set, nullptr) != 0)
        return -1;
    return ::signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

void hardenProcess()
{
    // Tools run as the same uid; they must not ptrace or read the agent.
    ::prctl(PR_SET_DUMPABLE, 0);
    // Outside a container (tests) orphans should still come back to us for reaping.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    ::umask(022);
    // A fixed threshold keeps big transfer buffers in mmap, returned on free,
    // instead of letting glibc's adaptive threshold park them on the heap.
    ::mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    ::mallopt(M_TRIM_THRESHOLD, 128 * 1024);
}

int fail(const Failure &failure, int status = 1)
{
    std::fprintf(stderr, "hako-agent: %s\n", failure.message.c_str());
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    // First of all, while no tool can exist yet: afterwards the key is only
    // in this process's memory, which PR_SET_DUMPABLE 0 keeps from the tools.
    // Without a valid key there is no unauthenticated fallback.
    AgentKey key;
    if (const auto failure = takeAgentKey(key))
        return fail(*failure, 2);
    Options options;
    if (!parseOptions(argc, argv, options)) {
        usage();
        return 2;
    }
    ensureStandardFds();
    hardenProcess();
    UniqueFd signals(blockSignals());
    if (!signals.valid())
        return fail(systemFailure(errno, "signalfd"));

    std::optional<SeccompSupervisor> supervisor;
    const char *seccomp = "none";
    if (!options.seccompRules.empty()) {
        SeccompLayer layer;
        // Before any tool exists: every process the agent starts inherits the layer.
        if (const auto failure = installSeccompLayer(options.seccompRules, layer))
            return fail(*failure);
        seccomp = layer.listener.valid() ? "counted" : "uncounted";
        if (layer.listener.valid())
            supervisor.emplace(std::move(layer));
    }
    PathGuard guard;
    if (const auto failure = guard.open(options.workspace))
        return fail(*failure);
    ChildTable children;
    BashSession bash(children);
    if (const auto failure = bash.open(options.stateDir, guard.root()))
        return fail(*failure);
    // Before any tool exists, in the home the tools are given.
    Decoys decoys;
    const bool planted = !options.home.empty();
    const auto decoyFailure = planted ? decoys.plant(key, options.home) : std::nullopt;
    if (decoyFailure)
        std::fprintf(stderr, "hako-agent: no decoys: %s\n", decoyFailure->message.c_str());
    GroupKiller killer;
    Tools tools{guard, bash, children, killer, seccomp};
    Server server(tools, key, std::move(signals), supervisor ? &*supervisor : nullptr,
                  planted && !decoyFailure ? &decoys : nullptr);
    if (const auto failure = server.listen(options.socket))
        return fail(*failure);
    std::fprintf(stderr, "hako-agent: listening on %s (workspace %s, path resolution: %s, seccomp denials: %s)\n",
                 options.socket.c_str(), guard.root().c_str(), guard.usesOpenat2() ? "openat2" : "component walk",
                 seccomp);
    return server.run();
}
