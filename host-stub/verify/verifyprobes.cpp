#include "verifyprobes.h"

#include "verifyhostside.h"
#include "verifyinspect.h"
#include "verifylifecycle.h"
#include "verifyscript.h"
#include "verifystress.h"
#include "verifytenant.h"

#include <QFile>

#include <vector>

namespace hako::host::verify {
namespace {

using Run = std::function<Outcome(Session &)>;

Run script(Tenant tenant, const char *name, int timeoutSeconds = 120)
{
    return [=](Session &s) { return runScript(s, tenant, QLatin1String(name), {}, timeoutSeconds); };
}

// A check on `docker inspect` of the main conversation's container.
Run outside(std::function<Outcome(const QJsonObject &, const Session &)> check)
{
    return [check](Session &s) {
        const QJsonObject container = s.inspect(Tenant::Main);
        if (container.isEmpty()) {
            Outcome o;
            o.evidence << QStringLiteral("FAIL: the main conversation has no running container");
            return o;
        }
        return check(container, s);
    };
}

QByteArray seccompProfileFile(const Session &s)
{
    // /healthz's seccomp.profile: the file whose content docker gets as the profile.
    QFile f(s.executor()
                    ->health()
                    .value(QLatin1String("seccomp"))
                    .toObject()
                    .value(QLatin1String("profile"))
                    .toString());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const Tenant M = Tenant::Main;

// A line of the catalogue below, in plain literals.
struct Entry
{
    const char *id;
    const char *title;
    std::vector<const char *> rows;
    Run run;
};

QList<Probe> toProbes(const std::vector<Entry> &entries)
{
    QList<Probe> probes;
    for (const Entry &e : entries) {
        QStringList rows;
        for (const char *row : e.rows)
            rows << QLatin1String(row);
        probes << Probe{QLatin1String(e.id), e.title, rows, e.run};
    }
    return probes;
}

} // namespace

const QList<Probe> &probeCatalogue()
{
    using namespace inspect;
    static const QList<Probe> probes = toProbes({
            // From outside: what docker was asked for and holds.
            {"runtime.kernel",
             QT_TR_NOOP("The container runs on the configured runtime's kernel"),
             {"T-8"},
             script(M, "probe-identity")},
            {"outside.network",
             QT_TR_NOOP("Network mode none, no published port"),
             {"T-5", "T-7", "L1", "C1-2"},
             outside([](const QJsonObject &c, const Session &) { return network(c); })},
            {"outside.readonly",
             QT_TR_NOOP("Read-only root filesystem in the container configuration"),
             {"T-1", "T-8", "L3", "C1-4"},
             outside([](const QJsonObject &c, const Session &) { return readOnlyRootfs(c); })},
            {"outside.pids",
             QT_TR_NOOP("Process limit in the container configuration"),
             {"T-2", "L2", "C1-3"},
             outside([](const QJsonObject &c, const Session &s) { return pidsLimit(c, s.expected()); })},
            {"outside.memory",
             QT_TR_NOOP("Memory limit without extra swap"),
             {"T-2", "L2", "C1-3"},
             outside([](const QJsonObject &c, const Session &s) { return memory(c, s.expected()); })},
            {"outside.cpu",
             QT_TR_NOOP("CPU quota"),
             {"T-2", "L2", "C1-3"},
             outside([](const QJsonObject &c, const Session &s) { return cpu(c, s.expected()); })},
            {"outside.tmpfs",
             QT_TR_NOOP("/tmp is a size-limited tmpfs with noexec, nosuid, nodev"),
             {"T-4", "L2", "L3", "C1-5"},
             outside([](const QJsonObject &c, const Session &s) { return tmpfs(c, s.expected()); })},
            {"outside.capabilities",
             QT_TR_NOOP("All capabilities dropped, not privileged, no devices"),
             {"T-8", "L5"},
             outside([](const QJsonObject &c, const Session &) { return capabilities(c); })},
            {"outside.nnp",
             QT_TR_NOOP("no-new-privileges in the container configuration"),
             {"T-8", "L5"},
             outside([](const QJsonObject &c, const Session &) { return noNewPrivileges(c); })},
            {"outside.seccomp",
             QT_TR_NOOP("The container's seccomp profile is Hako's whitelist"),
             {"T-8", "L2s", "C2-1", "C2-2"},
             outside([](const QJsonObject &c, const Session &s) { return seccomp(c, seccompProfileFile(s)); })},
            {"outside.user",
             QT_TR_NOOP("The container user is 1000:1000"),
             {"L5"},
             outside([](const QJsonObject &c, const Session &) { return user(c); })},
            {"outside.mounts",
             QT_TR_NOOP("Only the conversation's workspace, its sockets and the agent are mounted"),
             {"T-3", "T-8", "L3"},
             outside([](const QJsonObject &c, const Session &) { return mounts(c); })},
            {"outside.sockets",
             QT_TR_NOOP("The socket directory is mounted read-only, only its agent/ read-write"),
             {"T-9", "C9-1"},
             outside([](const QJsonObject &c, const Session &) { return socketMounts(c); })},
            {"outside.env",
             QT_TR_NOOP("No credential in the container's environment"),
             {"T-6", "L4", "C1-1"},
             outside([](const QJsonObject &c, const Session &s) { return environment(c, s.canary()); })},
            {"outside.namespaces",
             QT_TR_NOOP("Own PID, IPC and UTS namespaces; the configured runtime"),
             {"T-3", "T-8"},
             outside([](const QJsonObject &c, const Session &s) { return namespaces(c, s.expected()); })},
            {"outside.labels",
             QT_TR_NOOP("Managed-container labels for GC and adoption"),
             {"L6"},
             outside([](const QJsonObject &c, const Session &) { return labels(c); })},
            {"outside.filter",
             QT_TR_NOOP("The sandbox's first process is filtered on the host"),
             {"T-8", "L2s", "L5"},
             sandboxFilter},
            {"host.directories",
             QT_TR_NOOP("Workspace and socket directories: one per conversation; the workspace and the agent's 0700 "
                        "and the "
                        "container user's, the socket directory around it 0755 and the host's"),
             {"T-3", "L3", "C2-4"},
             hostDirectories},
            {"host.sockets",
             QT_TR_NOOP("The socket directory holds only proxy.sock and the agent.sock link; agent/ is a small tmpfs"),
             {"T-9", "C9-1"},
             hostSocketDirectory},
            {"host.userns",
             QT_TR_NOOP("userns-remap maps the container's users away from the host's"),
             {"L7", "C2-3"},
             usernsRemap},
            // Inside: filesystem.
            {"fs.rootfs",
             QT_TR_NOOP("Writing to the root filesystem fails: read-only"),
             {"T-1", "T-8", "L3", "C1-4"},
             script(M, "fs-rootfs")},
            {"fs.writable",
             QT_TR_NOOP("No writable directory on the root filesystem"),
             {"T-1", "L3"},
             script(M, "fs-writable")},
            {"fs.noexec",
             QT_TR_NOOP("Programs copied to /tmp or /dev/shm do not run"),
             {"L3", "C1-5"},
             script(M, "fs-noexec")},
            {"fs.tmpsize", QT_TR_NOOP("/tmp cannot grow past its size"), {"T-2", "L2"}, script(M, "fs-tmpsize", 300)},
            // Inside: network.
            {"net.interfaces",
             QT_TR_NOOP("Loopback only, no route"),
             {"T-5", "T-7", "L1", "C1-2"},
             script(M, "net-interfaces")},
            {"net.tcp", QT_TR_NOOP("No TCP over IPv4"), {"T-5", "L1", "L2s"}, script(M, "net-tcp")},
            {"net.udp", QT_TR_NOOP("No UDP over IPv4"), {"T-5", "L1", "L2s"}, script(M, "net-udp")},
            {"net.inet6", QT_TR_NOOP("No IPv6"), {"T-5", "L1", "L2s"}, script(M, "net-inet6")},
            {"net.raw", QT_TR_NOOP("No raw or packet sockets"), {"T-5", "T-8", "L1"}, script(M, "net-raw")},
            {"net.netlink", QT_TR_NOOP("No netlink sockets"), {"T-5", "L1", "L2s"}, script(M, "net-netlink")},
            {"net.families",
             QT_TR_NOOP("No other address family (vsock, AF_ALG, Bluetooth, ...)"),
             {"T-5", "T-8", "L1", "L2s"},
             script(M, "net-families")},
            {"net.dns", QT_TR_NOOP("DNS does not resolve"), {"T-5", "L1"}, script(M, "net-dns")},
            {"net.clients",
             QT_TR_NOOP("curl, bash /dev/tcp and urllib get no connection"),
             {"T-5", "L1"},
             script(M, "net-clients")},
            {"net.sockets",
             QT_TR_NOOP("Only the agent and proxy sockets; no docker.sock"),
             {"T-8", "L1"},
             script(M, "net-sockets")},
            // Inside: metadata service and the credential proxy.
            {"meta.direct",
             QT_TR_NOOP("The metadata address cannot be reached directly"),
             {"T-7", "L1"},
             script(M, "meta-direct")},
            {"meta.proxy",
             QT_TR_NOOP("The proxy refuses the metadata address in every spelling"),
             {"T-7", "L4", "C1-6"},
             script(M, "meta-proxy")},
            {"proxy.allowlist",
             QT_TR_NOOP("The proxy forwards to allowlisted hosts only"),
             {"T-5", "L4", "C1-6"},
             script(M, "proxy-allowlist")},
            {"proxy.credentials",
             QT_TR_NOOP("The client's own credentials are not passed through"),
             {"T-6", "L4", "C1-7"},
             script(M, "proxy-credentials")},
            // Inside: credentials.
            {"cred.env",
             QT_TR_NOOP("No credential in the tool's environment"),
             {"T-6", "L4", "C1-1"},
             script(M, "cred-env")},
            {"cred.proc",
             QT_TR_NOOP("No credential in any process's environment or command line"),
             {"T-6", "L4", "C1-1"},
             script(M, "cred-proc")},
            {"cred.files",
             QT_TR_NOOP("No credential file, no key in readable files"),
             {"T-6", "L4"},
             script(M, "cred-files", 300)},
            // Inside: privileges and kernel interfaces.
            {"priv.user",
             QT_TR_NOOP("Tools run as UID 1000 with no extra group"),
             {"T-8", "L5"},
             script(M, "priv-user")},
            {"priv.capabilities",
             QT_TR_NOOP("No capability, not even in the bounding set"),
             {"T-8", "L5"},
             script(M, "priv-caps")},
            {"priv.nnp", QT_TR_NOOP("no_new_privs is set on tools"), {"T-8", "L5"}, script(M, "priv-nnp")},
            {"priv.setuid", QT_TR_NOOP("No setuid or setgid program"), {"T-8", "L5"}, script(M, "priv-setuid", 300)},
            {"sys.procsys", QT_TR_NOOP("/proc/sys and sysrq refuse writes"), {"T-8"}, script(M, "sys-procsys")},
            {"sys.sysfs", QT_TR_NOOP("/sys refuses writes"), {"T-8"}, script(M, "sys-sysfs")},
            {"sys.core",
             QT_TR_NOOP("core_pattern cannot be used: no core dumps, not writable"),
             {"T-8"},
             script(M, "sys-core")},
            {"sys.cgroup", QT_TR_NOOP("The cgroup release_agent escape is closed"), {"T-8"}, script(M, "sys-cgroup")},
            {"sys.devices", QT_TR_NOOP("No dangerous device nodes; mknod refused"), {"T-8"}, script(M, "sys-devices")},
            // Inside: each dangerous system call.
            {"syscall.mount",
             QT_TR_NOOP("mount, umount2 and the new mount API refused"),
             {"T-8", "L2s"},
             script(M, "sc-mount")},
            {"syscall.reboot", QT_TR_NOOP("reboot refused"), {"T-8", "L2s"}, script(M, "sc-reboot")},
            {"syscall.kexec", QT_TR_NOOP("kexec_load refused"), {"T-8", "L2s"}, script(M, "sc-kexec")},
            {"syscall.ptrace",
             QT_TR_NOOP("ptrace and process_vm_readv cannot reach the agent"),
             {"T-8", "L2s"},
             script(M, "sc-ptrace")},
            {"syscall.modules",
             QT_TR_NOOP("init_module, finit_module and delete_module refused"),
             {"T-8", "L2s"},
             script(M, "sc-modules")},
            {"syscall.pivotroot",
             QT_TR_NOOP("pivot_root and chroot refused"),
             {"T-8", "L2s"},
             script(M, "sc-pivotroot")},
            {"syscall.namespaces",
             QT_TR_NOOP("unshare, setns and namespace clones refused"),
             {"T-8", "L2s"},
             script(M, "sc-namespaces")},
            {"syscall.iouring", QT_TR_NOOP("io_uring refused"), {"T-8", "L2s"}, script(M, "sc-iouring")},
            {"syscall.bpf",
             QT_TR_NOOP("bpf, perf_event_open and userfaultfd refused"),
             {"T-8", "L2s"},
             script(M, "sc-bpf")},
            {"syscall.keyring", QT_TR_NOOP("Kernel keyring calls refused"), {"T-8", "L2s"}, script(M, "sc-keyring")},
            {"syscall.handles",
             QT_TR_NOOP("open_by_handle_at and name_to_handle_at refused"),
             {"T-8", "L2s"},
             script(M, "sc-handles")},
            {"syscall.admin",
             QT_TR_NOOP("Host administration calls refused (acct, swapon, clock, syslog, ioperm, ...)"),
             {"T-8", "L2s"},
             script(M, "sc-admin")},
            // Between conversations.
            {"tenant.search",
             QT_TR_NOOP("Nothing of the neighbour conversation is visible"),
             {"T-3"},
             searchForNeighbour},
            {"tenant.editor",
             QT_TR_NOOP("The file tools refuse '..', absolute and host paths"),
             {"T-3", "L3"},
             editorEscapes},
            {"tenant.symlinks",
             QT_TR_NOOP("The file tools refuse paths through planted symbolic links"),
             {"T-3", "L3"},
             symlinkEscapes},
            {"pip.system",
             QT_TR_NOOP("pip cannot install into the image"),
             {"T-4", "L3"},
             script(M, "pip-system", 300)},
            {"pip.user",
             QT_TR_NOOP("pip install --user stays in the conversation"),
             {"T-4", "T-3"},
             userInstallsStayHome},
            {"limits.inside",
             QT_TR_NOOP("The limits as the container sees them"),
             {"T-2", "L2", "C1-3"},
             script(M, "res-limits")},
            // The sandbox against the host side (T-9).
            {"sock.readonly",
             QT_TR_NOOP("Nothing in /var/run/hako can be changed; /var/run/hako/agent fills up at once"),
             {"T-9", "C9-1"},
             script(M, "sock-readonly")},
            {"cred.agentkey",
             QT_TR_NOOP("The agent's key is in no environment, file or memory a tool can read"),
             {"T-9", "C9-2"},
             agentKeyOutOfReach},
            {"agent.impostor",
             QT_TR_NOOP("A fake agent left running at agent.sock is refused, and its container replaced"),
             {"T-9", "C9-3"},
             fakeAgentRefused},
            {"agent.link",
             QT_TR_NOOP("agent.sock linked to the neighbour's agent is refused; nothing runs next door"),
             {"T-9", "C9-4"},
             plantedLinkRefused},
            // Destructive, in the scratch conversation.
            {"stress.memory", QT_TR_NOOP("A memory bomb is killed at the limit"), {"T-2", "L2", "C1-3"}, memoryBomb},
            {"stress.fork", QT_TR_NOOP("A fork bomb stops at the process limit"), {"T-2", "L2", "C1-3"}, forkBomb},
            {"stress.agent", QT_TR_NOOP("A tool cannot stop the agent for good"), {"T-8", "L5"}, agentSignals},
            {"stress.rmrf",
             QT_TR_NOOP("rm -rf / harms neither the image nor the host"),
             {"T-1", "L3"},
             removeEverything},
            {"stress.aftermath",
             QT_TR_NOOP("The other conversations are unharmed"),
             {"T-1", "T-2", "T-3"},
             othersUnharmed},
            {"outside.layer",
             QT_TR_NOOP("No probe changed the container's image layer"),
             {"T-1", "L3"},
             containerLayer},
            // Lifecycle and observability.
            {"life.health", QT_TR_NOOP("The health check reports the container system"), {"C1-10", "L6"}, healthReport},
            {"life.metrics",
             QT_TR_NOOP("Security events reach the Prometheus metrics"),
             {"C2-5", "C2-6"},
             securityMetrics},
            {"life.alerts", QT_TR_NOOP("Alert rules cover seccomp violations"), {"C2-7"}, alertRules},
            {"life.gc", QT_TR_NOOP("GC removes containers past their TTL"), {"L6", "C1-8"}, garbageCollection},
            {"life.shutdown", QT_TR_NOOP("Shutdown removes every container"), {"L6", "C1-9"}, shutdownRemovesAll},
    });
    return probes;
}

} // namespace hako::host::verify
