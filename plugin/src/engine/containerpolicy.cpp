#include "containerpolicy.h"

#include <QRegularExpression>

namespace hako {
namespace {

constexpr qint64 kCpuPeriod = 100000;

QString mount(const QString &source, const QString &target, bool readOnly)
{
    QString m = QStringLiteral("type=bind,source=%1,target=%2").arg(source, target);
    if (readOnly)
        m += QStringLiteral(",readonly");
    return m;
}

QStringList securityArguments(const ContainerSpec &spec)
{
    QStringList args = {QStringLiteral("--network"), QStringLiteral("none"),
                        QStringLiteral("--read-only"),
                        QStringLiteral("--cap-drop"), QStringLiteral("ALL"),
                        QStringLiteral("--security-opt"), QStringLiteral("no-new-privileges"),
                        QStringLiteral("--user"), spec.user,
                        QStringLiteral("--ipc"), QStringLiteral("private"),
                        // A core dump is a way to run code through core_pattern, and wastes disk.
                        QStringLiteral("--ulimit"), QStringLiteral("core=0")};
    if (!spec.seccompProfile.isEmpty())
        args << QStringLiteral("--security-opt") << QStringLiteral("seccomp=") + spec.seccompProfile;
    return args;
}

QStringList limitArguments(const ContainerSpec &spec)
{
    const QString memory = QString::number(spec.memoryBytes);
    return {QStringLiteral("--pids-limit"), QString::number(spec.pids),
            QStringLiteral("--cpu-period"), QString::number(kCpuPeriod),
            QStringLiteral("--cpu-quota"), QString::number(qint64(spec.cpus * kCpuPeriod)),
            QStringLiteral("--memory"), memory,
            // Equal to --memory: no swap on top of the memory limit.
            QStringLiteral("--memory-swap"), memory,
            QStringLiteral("--tmpfs"),
            QStringLiteral("/tmp:rw,noexec,nosuid,nodev,size=%1").arg(spec.tmpSizeBytes)};
}

QStringList mountArguments(const ContainerSpec &spec)
{
    QStringList args = {
        QStringLiteral("--mount"), mount(spec.workspaceDir, QLatin1String(kWorkspaceInContainer), false),
        QStringLiteral("--mount"), mount(spec.socketDir, QLatin1String(kSocketDirInContainer), false),
        QStringLiteral("--mount"), mount(spec.agentBinary, QLatin1String(kAgentPathInContainer), true)};
    if (!spec.agentSeccompRules.isEmpty())
        args << QStringLiteral("--mount")
             << mount(spec.agentSeccompRules, QLatin1String(kAgentSeccompInContainer), true);
    return args;
}

} // namespace

QStringList runArguments(const ContainerSpec &spec, CliDialect dialect)
{
    QStringList args = {QStringLiteral("run"), QStringLiteral("--detach"),
                        QStringLiteral("--name"), spec.name,
                        QStringLiteral("--hostname"), QStringLiteral("workspace"),
                        QStringLiteral("--runtime"), spec.runtime,
                        QStringLiteral("--pull"), QStringLiteral("never"),
                        QStringLiteral("--restart"), QStringLiteral("no"),
                        QStringLiteral("--workdir"), QLatin1String(kWorkspaceInContainer)};
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
    args << QStringLiteral("--entrypoint") << QLatin1String(kAgentPathInContainer) << spec.image
         << QStringLiteral("--socket") << QLatin1String(kSocketDirInContainer) + QStringLiteral("/agent.sock")
         << QStringLiteral("--workspace") << QLatin1String(kWorkspaceInContainer);
    if (!spec.agentSeccompRules.isEmpty())
        args << QStringLiteral("--seccomp") << QLatin1String(kAgentSeccompInContainer);
    return args;
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
