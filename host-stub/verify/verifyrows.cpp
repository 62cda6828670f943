#include "verifyrows.h"

#include <QCoreApplication>

namespace hako::host::verify {

const QList<Row> &checklistRows()
{
    static const QList<Row> rows = {
            {"T-1", Section::Threats, QT_TR_NOOP("rm -rf / destroying the host"),
             QT_TR_NOOP("--network none, read-only rootfs, container isolation"), false},
            {"T-2", Section::Threats, QT_TR_NOOP("Fork bomb / resource exhaustion"),
             QT_TR_NOOP("PID limit (100), CPU limit (200000), memory limit (2 GB)"), false},
            {"T-3", Section::Threats, QT_TR_NOOP("Cross-tenant file access"),
             QT_TR_NOOP("One container per conversation, separate /workspace mounts"), false},
            {"T-4", Section::Threats, QT_TR_NOOP("Environment pollution by pip install"),
             QT_TR_NOOP("Isolated container, writes on tmpfs"), false},
            {"T-5", Section::Threats, QT_TR_NOOP("Arbitrary outbound communication"),
             QT_TR_NOOP("--network none, communication only through the proxy"), false},
            {"T-6", Section::Threats, QT_TR_NOOP("AWS credential leak"),
             QT_TR_NOOP("No credentials in the environment, SigV4 injected by the proxy"), false},
            {"T-7", Section::Threats, QT_TR_NOOP("Metadata service (169.254.169.254) access"),
             QT_TR_NOOP("Cut off completely by --network none"), false},
            {"T-8", Section::Threats, QT_TR_NOOP("Container escape"),
             QT_TR_NOOP("seccomp, no-new-privileges, read-only rootfs"), false},
            // Added after the first eight, once it had been exploited (docs/threat-model.md T-9).
            {"T-9", Section::Threats, QT_TR_NOOP("The sandbox attacks the host side"),
             QT_TR_NOOP("The host's socket directory read-only inside, the agent's own a small tmpfs; the agent proves "
                        "its key (HMAC over the host's challenge) and, under runc, that it is the container's PID 1; "
                        "an impostor's container is replaced"),
             false},

            {"L1", Section::Layers, QT_TR_NOOP("Layer 1: network isolation"),
             QT_TR_NOOP("NetworkMode none; Unix domain sockets only (agent.sock, proxy.sock)"), false},
            {"L2", Section::Layers, QT_TR_NOOP("Layer 2: resource limits"),
             QT_TR_NOOP("CPU quota 200000, memory 2 GB, PIDs 100, size-limited tmpfs"), false},
            {"L2s", Section::Layers, QT_TR_NOOP("Layer 2 (Phase 2): custom seccomp profile"),
             QT_TR_NOOP("Whitelist (SCMP_ACT_ERRNO default); mount, umount2, reboot, kexec_load, ptrace, init_module, "
                        "pivot_root and socket(AF_INET/AF_INET6) blocked"),
             false},
            {"L3", Section::Layers, QT_TR_NOOP("Layer 3: filesystem protection"),
             QT_TR_NOOP("Read-only rootfs; writable only /workspace (bind mount) and /tmp (tmpfs, noexec)"), false},
            {"L4", Section::Layers, QT_TR_NOOP("Layer 4: credential protection"),
             QT_TR_NOOP("No credentials in the environment; the SigV4 proxy injects them for Bedrock only; domain "
                        "allowlist"),
             false},
            {"L5", Section::Layers, QT_TR_NOOP("Layer 5: process security"),
             QT_TR_NOOP("no-new-privileges, seccomp, non-root user (UID 1000)"), false},
            {"L6", Section::Layers, QT_TR_NOOP("Layer 6: container lifecycle management"),
             QT_TR_NOOP("Idle TTL 60 min, absolute TTL 8 h, GC every 60 s, all containers destroyed at shutdown"),
             false},
            {"L7", Section::Layers, QT_TR_NOOP("Layer 7 (Phase 2): userns-remap"),
             QT_TR_NOOP("UID 0 in the container maps to an unprivileged host UID (100000+)"), true},

            {"C1-1", Section::Phase1, QT_TR_NOOP("AWS credentials are removed from environment variables"), "", false},
            {"C1-2", Section::Phase1, QT_TR_NOOP("Containers start with --network none"), "", false},
            {"C1-3", Section::Phase1, QT_TR_NOOP("PID, CPU and memory limits are set"), "", false},
            {"C1-4", Section::Phase1, QT_TR_NOOP("The read-only rootfs is enabled"), "", false},
            {"C1-5", Section::Phase1, QT_TR_NOOP("The tmpfs has the noexec flag"), "", false},
            {"C1-6", Section::Phase1, QT_TR_NOOP("The credential proxy applies the domain allowlist"), "", false},
            {"C1-7", Section::Phase1, QT_TR_NOOP("SigV4 signing happens only in the proxy"), "", false},
            {"C1-8", Section::Phase1, QT_TR_NOOP("GC destroys containers past their TTL"), "", false},
            {"C1-9", Section::Phase1, QT_TR_NOOP("Graceful shutdown destroys every container"), "", false},
            {"C1-10", Section::Phase1, QT_TR_NOOP("The health check includes the container system's state"), "", false},

            {"C2-1", Section::Phase2, QT_TR_NOOP("A custom seccomp profile exists"), "", false},
            {"C2-2", Section::Phase2,
             QT_TR_NOOP("The seccomp profile path is reflected in the container configuration"), "", false},
            {"C2-3", Section::Phase2, QT_TR_NOOP("userns-remap is configured"), "", true},
            {"C2-4", Section::Phase2,
             QT_TR_NOOP("Socket directory permissions fit the container user (userns-remap aware)"), "", false},
            {"C2-5", Section::Phase2, QT_TR_NOOP("Prometheus metrics record security events"), "", false},
            {"C2-6", Section::Phase2,
             QT_TR_NOOP("The seccomp violation metric (workspace_seccomp_violations_total) is defined"), "", false},
            {"C2-7", Section::Phase2, QT_TR_NOOP("Alert rules include security rules"), "", false},
            {"C2-8", Section::Phase2, QT_TR_NOOP("Integration checks run against the live system"), "", false},

            {"C9-1", Section::HostSide,
             QT_TR_NOOP(
                     "The host's socket directory is read-only inside; only the agent's directory, a small file system "
                     "of its own, is writable"),
             "", false},
            {"C9-2", Section::HostSide, QT_TR_NOOP("The agent's key is out of reach of tools"), "", false},
            {"C9-3", Section::HostSide,
             QT_TR_NOOP("A fake agent bound at agent.sock is refused as an impostor, and its container replaced"), "",
             false},
            {"C9-4", Section::HostSide,
             QT_TR_NOOP("A link planted at agent.sock to another conversation's agent is refused"), "", false},
    };
    return rows;
}

const Row *findRow(const QString &id)
{
    for (const Row &row : checklistRows())
        if (id == QLatin1String(row.id))
            return &row;
    return nullptr;
}

} // namespace hako::host::verify
