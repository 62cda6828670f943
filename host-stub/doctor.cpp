#include "doctor.h"

#include <QCoreApplication>
#include <QDir>
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

QList<Check> dockerChecks(const QString &docker, const QString &image, const QString &runtime)
{
    QList<Check> checks;
    const CommandOutput version = runCommand(docker, {QStringLiteral("version"), QStringLiteral("--format"),
                                                      QStringLiteral("{{.Server.Version}}")});
    checks << Check{tr("Container engine reachable"), version.ok, true, version.text.left(300),
                    tr("Install docker.io and start dockerd (systemctl start docker), or set docker.binary/docker.host.")};
    if (!version.ok)
        return checks;
    const CommandOutput info = runCommand(docker, {QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .}}")});
    const QJsonObject o = QJsonDocument::fromJson(info.text.toUtf8()).object();
    const QString security = QJsonDocument(o.value(QLatin1String("SecurityOptions")).toArray()).toJson(QJsonDocument::Compact);
    const QStringList runtimes = o.value(QLatin1String("Runtimes")).toObject().keys();
    checks << Check{tr("Runtime \"%1\" registered").arg(runtime), runtimes.contains(runtime), true, runtimes.join(QLatin1String(", ")),
                    tr("Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd.")};
    checks << Check{tr("gVisor (runsc) available"), runtimes.contains(QLatin1String("runsc")), false, {},
                    tr("apt-get install runsc and register it as in policies/docker/daemon.json.")};
    checks << Check{tr("Seccomp supported by the engine"), security.contains(QLatin1String("seccomp")), true, security,
                    tr("Use a kernel and docker build with seccomp support.")};
    checks << Check{tr("userns-remap enabled"), security.contains(QLatin1String("userns")), false, {},
                    tr("Optional: set \"userns-remap\": \"default\" in daemon.json (policies/docker/daemon-userns.json).")};
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
        + dockerChecks(docker.isEmpty() ? QStringLiteral("docker") : docker, setting(executor, user, QStringLiteral("image")),
                       setting(executor, user, QStringLiteral("runtime")));
    bool healthy = true;
    for (const Check &c : checks) {
        print(c);
        healthy = healthy && (c.ok || !c.required);
    }
    return healthy ? 0 : 1;
}

} // namespace hako::host
