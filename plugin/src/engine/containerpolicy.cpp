#include "containerpolicy.h"

#include <hako/protocol/wire.h>

#include <QRegularExpression>

namespace hako {
namespace {

constexpr qint64 kCpuPeriod = 100000;
// Host tasks of a gVisor sandbox (runsc 2022-12, ptrace platform), measured in
// docs/process-limits.md: 38 when idle, 8 to 13 per task inside at full load,
// and host tasks are kept after their task exits. The bound lets a sandbox
// meet its own limit (a fork bomb) several times before the host's, which
// ends the sandbox, while keeping it to a tenth of a default pid_max (32768).
constexpr int kGvisorHostTasksPerTask = 32;
constexpr int kGvisorHostTasksBase = 512;

QString mount(const QString &source, const QString &target, bool readOnly)
{
    QString m = QStringLiteral("type=bind,source=%1,target=%2").arg(source, target);
    if (readOnly)
        m += QStringLiteral(",readonly");
    return m;
}

QStringList securityArguments(const ContainerSpec &spec)
{
    QStringList args = {QStringLiteral("--network"), QStringLiteral("none"), QStringLiteral("--cap-drop"),
                        QStringLiteral("ALL"), QStringLiteral("--security-opt"), QStringLiteral("no-new-privileges"),
                        QStringLiteral("--user"), spec.user, QStringLiteral("--ipc"), QStringLiteral("private"),
                        // A core dump is a way to run code through core_pattern, and wastes disk.
                        QStringLiteral("--ulimit"), QStringLiteral("core=0")};
    if (spec.readOnlyRootfs)
        args << QStringLiteral("--read-only");
    if (!spec.seccompProfile.isEmpty())
        args << QStringLiteral("--security-opt") << QStringLiteral("seccomp=") + spec.seccompProfile;
    if (!spec.appArmorProfile.isEmpty())
        args << QStringLiteral("--security-opt") << QStringLiteral("apparmor=") + spec.appArmorProfile;
    return args;
}

// runc: the pids cgroup counts exactly the container's tasks. gVisor: the
// sandbox counts its own tasks against RLIMIT_NPROC (per user, inside the
// sandbox only; threads included), and the cgroup bounds the Sentry. Under
// runc RLIMIT_NPROC would count every process of uid 1000 on the host.
QStringList pidsArguments(const ContainerSpec &spec)
{
    if (spec.pids <= 0)
        return {};
    const QString pids = QString::number(spec.pids);
    if (!isGvisorRuntime(spec.runtime))
        return {QStringLiteral("--pids-limit"), pids};
    return {QStringLiteral("--pids-limit"), QString::number(gvisorHostPidsLimit(spec.pids)), QStringLiteral("--ulimit"),
            QStringLiteral("nproc=%1:%1").arg(pids)};
}

QStringList limitArguments(const ContainerSpec &spec)
{
    const QString memory = QString::number(spec.memoryBytes);
    const QStringList rest = {QStringLiteral("--cpu-period"), QString::number(kCpuPeriod),
                              QStringLiteral("--cpu-quota"), QString::number(qint64(spec.cpus * kCpuPeriod)),
                              QStringLiteral("--memory"), memory,
                              // Equal to --memory: no swap on top of the memory limit.
                              QStringLiteral("--memory-swap"), memory, QStringLiteral("--tmpfs"),
                              QStringLiteral("/tmp:rw,noexec,nosuid,nodev,size=%1").arg(spec.tmpSizeBytes)};
    return pidsArguments(spec) + rest;
}

QStringList mountArguments(const ContainerSpec &spec)
{
    QStringList args = {
            QStringLiteral("--mount"), mount(spec.workspaceDir, QLatin1String(kWorkspaceInContainer), false),
            // Read-only: the host binds proxy.sock there and must not share a writable directory with the sandbox.
            QStringLiteral("--mount"),
            mount(spec.socketDir, QLatin1String(kSocketDirInContainer), spec.socketDirReadOnly),
            QStringLiteral("--mount"),
            mount(agentDirOf(spec.socketDir), agentDirOf(QLatin1String(kSocketDirInContainer)), false),
            QStringLiteral("--mount"), mount(spec.agentBinary, QLatin1String(kAgentPathInContainer), true)};
    if (!spec.agentSeccompRules.isEmpty())
        args << QStringLiteral("--mount")
             << mount(spec.agentSeccompRules, QLatin1String(kAgentSeccompInContainer), true);
    return args;
}

} // namespace

QString agentDirOf(const QString &socketDir)
{
    return socketDir + QLatin1Char('/') + QLatin1String(kAgentDirName);
}

QStringList runArguments(const ContainerSpec &spec, CliDialect dialect)
{
    QStringList args = {QStringLiteral("run"),        QStringLiteral("--detach"),
                        QStringLiteral("--name"),     spec.name,
                        QStringLiteral("--hostname"), QStringLiteral("workspace"),
                        QStringLiteral("--runtime"),  spec.runtime,
                        QStringLiteral("--pull"),     QStringLiteral("never"),
                        QStringLiteral("--restart"),  QStringLiteral("no"),
                        QStringLiteral("--workdir"),  QLatin1String(kWorkspaceInContainer)};
    args += securityArguments(spec);
    // Podman's --read-only still mounts writable, executable tmpfs on /run,
    // /var/tmp and /dev/shm (--read-only-tmpfs defaults to true).
    if (dialect == CliDialect::Podman)
        args << QStringLiteral("--read-only-tmpfs=false");
    args += limitArguments(spec);
    args += mountArguments(spec);
    for (auto it = spec.labels.begin(); it != spec.labels.end(); ++it)
        args << QStringLiteral("--label") << it.key() + QLatin1Char('=') + it.value();
    for (const QString &variable : spec.environment)
        if (!isSecretVariable(variable.section(QLatin1Char('='), 0, 0)))
            args << QStringLiteral("--env") << variable;
    // Without a value the CLI takes it from its own environment (agentEnvironment()).
    if (!spec.agentKey.isEmpty())
        args << QStringLiteral("--env") << QLatin1String(proto::kAgentKeyEnv);
    args << QStringLiteral("--entrypoint") << QLatin1String(kAgentPathInContainer) << spec.image
         << QStringLiteral("--socket")
         << agentDirOf(QLatin1String(kSocketDirInContainer)) + QLatin1Char('/') + QLatin1String(kAgentSocketName)
         << QStringLiteral("--workspace") << QLatin1String(kWorkspaceInContainer) << QStringLiteral("--home")
         << QLatin1String(kHomeInContainer);
    if (!spec.agentSeccompRules.isEmpty())
        args << QStringLiteral("--seccomp") << QLatin1String(kAgentSeccompInContainer);
    return args;
}

bool isGvisorRuntime(const QString &runtime)
{
    return runtime == QLatin1String("runsc");
}

int gvisorHostPidsLimit(int pids)
{
    return kGvisorHostTasksPerTask * pids + kGvisorHostTasksBase;
}

bool isSecretVariable(const QString &name)
{
    static const QRegularExpression secret(
            QStringLiteral("^(AWS_|AZURE_|GOOGLE_|GCP_|ANTHROPIC_|OPENAI_)|(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|"
                           "API_?KEY|PRIVATE_?KEY|SESSION)"),
            QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

} // namespace hako
