#include "doctor.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <cstdio>

namespace hako::host {
namespace {

// The context lupdate gives tr() in namespace hako::host.
QString tr(const char *text) { return QCoreApplication::translate("hako::host", text); }

struct Check
{
    QString name;
    bool ok;
    bool required;
    QString detail;
    QString fix;
};

struct CommandOutput
{
    bool ok = false;
    QString text;
};

CommandOutput runCommand(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished(1000);
        return {false, p.errorString()};
    }
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
    return {p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, out};
}

// The effective value of a setting: what the user set, else the schema's default.
QString setting(ToolExecutor *executor, const QJsonObject &user, const QString &key)
{
    if (user.contains(key))
        return user.value(key).toVariant().toString();
    if (!executor)
        return {};
    const QJsonObject prop = executor->settingsSchema().value(QLatin1String("properties")).toObject().value(key).toObject();
    return prop.value(QLatin1String("default")).toVariant().toString();
}

// The plugin's own view of the engine (health()["engine"]); it asks the engine
// in the background, so give it the time one `info` takes.
QJsonObject engineInfo(ToolExecutor *executor)
{
    QElapsedTimer clock;
    clock.start();
    QJsonObject engine;
    while (executor && clock.elapsed() < 30000) {
        engine = executor->health().value(QLatin1String("engine")).toObject();
        if (engine.value(QLatin1String("known")).toBool())
            break;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    return engine;
}

QList<Check> engineChecks(const QJsonObject &e, const QString &runtime)
{
    const bool rootless = e.value(QLatin1String("rootless")).toBool();
    const QStringList runtimes = e.value(QLatin1String("runtimes")).toVariant().toStringList();
    QList<Check> checks;
    checks << Check{tr("Runtime \"%1\" registered").arg(runtime), runtimes.contains(runtime), true, runtimes.join(QLatin1String(", ")),
                    tr("Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd; "
                       "for Podman, in containers.conf [engine.runtimes].")};
    checks << Check{tr("gVisor (runsc) available"), runtimes.contains(QLatin1String("runsc")), false, {},
                    tr("apt-get install runsc and register it as in policies/docker/daemon.json.")};
    checks << Check{tr("Seccomp supported by the engine"), e.value(QLatin1String("seccomp")).toBool(), true, {},
                    tr("Use a kernel and engine build with seccomp support.")};
    checks << Check{tr("Engine runs without root (its socket is not root on this host)"), rootless, false,
                    tr("%1 runs as root: whoever reaches its socket controls the host.").arg(e.value(QLatin1String("engine")).toString()),
                    tr("Run hako-host as an unprivileged user with rootless Podman (docs/rootless.md): "
                       "apt-get install podman uidmap slirp4netns; give the user ranges in /etc/subuid and /etc/subgid; "
                       "on cgroup v1 set runtime = \"runc\" in ~/.config/containers/containers.conf; "
                       "copy the image (docker save IMAGE | podman load); set docker.binary=podman; "
                       "then take the user out of the docker group.")};
    checks << Check{tr("User namespace isolates container root"), rootless || e.value(QLatin1String("userns_remap")).toBool(), false, {},
                    tr("Optional: set \"userns-remap\": \"default\" in daemon.json (policies/docker/daemon-userns.json), or use a rootless engine.")};
    checks << Check{tr("Memory, CPU and process limits enforced"), e.value(QLatin1String("limits_enforced")).toBool(), false,
                    tr("a rootless engine on cgroup v%1 ignores --memory, --cpu-quota and --pids-limit: "
                       "a workload can use all of the host's memory and CPU, and fork without bound.")
                        .arg(e.value(QLatin1String("cgroup_version")).toInt()),
                    tr("Boot with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate the cpu, memory and pids "
                       "controllers to the user, or run a rootful engine with userns-remap.")};
    return checks;
}

QList<Check> dockerChecks(ToolExecutor *executor, const QString &docker, const QString &image, const QString &runtime)
{
    const QJsonObject engine = engineInfo(executor);
    const bool known = engine.value(QLatin1String("known")).toBool();
    const QString what = tr("%1 %2, %3").arg(engine.value(QLatin1String("engine")).toString(),
                                             engine.value(QLatin1String("version")).toString(),
                                             engine.value(QLatin1String("rootless")).toBool() ? tr("rootless") : tr("rootful"));
    QList<Check> checks;
    checks << Check{tr("Container engine reachable"), known, true, known ? what : QString(),
                    tr("Install docker.io and start dockerd (systemctl start docker), or set docker.binary/docker.host.")};
    if (!known)
        return checks;
    std::printf("%s\n", qPrintable(tr("Engine: %1").arg(what)));
    checks += engineChecks(engine, runtime);
    const CommandOutput img = runCommand(docker, {QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
                                                  QStringLiteral("{{.Id}}"), image});
    checks << Check{tr("Workspace image %1 present").arg(image), img.ok, true, img.text.left(100),
                    tr("Build it with scripts/build-image.sh.")};
    return checks;
}

QList<Check> hostChecks(ToolExecutor *executor, const QJsonObject &user)
{
    QList<Check> checks;
    checks << Check{tr("Plugin loads"), executor != nullptr, true, {}, tr("Build the project, or pass --plugin PATH.")};
    for (const QString key : {QStringLiteral("paths.workspaces"), QStringLiteral("paths.runtime")}) {
        QString dir = setting(executor, user, key);
        if (dir.isEmpty())
            dir = key == QLatin1String("paths.runtime") ? QStringLiteral("/run/hako") : QStringLiteral("/var/lib/hako/workspaces");
        const bool ok = QDir().mkpath(dir) && QFileInfo(dir).isWritable();
        checks << Check{tr("Directory %1 writable").arg(dir), ok, true, {}, tr("Create it and give this user write access, or set %1.").arg(key)};
    }
    return checks;
}

void print(const Check &c)
{
    const QString mark = c.ok ? QStringLiteral("ok  ") : c.required ? QStringLiteral("FAIL") : QStringLiteral("warn");
    std::printf("[%s] %s\n", qPrintable(mark), qPrintable(c.name));
    if (!c.ok) {
        if (!c.detail.isEmpty())
            std::printf("       %s\n", qPrintable(c.detail));
        std::printf("       %s %s\n", qPrintable(tr("Fix:")), qPrintable(c.fix));
    }
}

} // namespace

int runDoctor(ToolExecutor *executor, const Options &options)
{
    QJsonObject user;
    QString error;
    loadSettings(options, &user, &error);
    const QString docker = setting(executor, user, QStringLiteral("docker.binary"));
    const QList<Check> checks = hostChecks(executor, user)
        + dockerChecks(executor, docker.isEmpty() ? QStringLiteral("docker") : docker, setting(executor, user, QStringLiteral("image")),
                       setting(executor, user, QStringLiteral("runtime")));
    bool healthy = true;
    for (const Check &c : checks) {
        print(c);
        healthy = healthy && (c.ok || !c.required);
    }
    return healthy ? 0 : 1;
}

} // namespace hako::host
