#include "doctor.h"

#include "doctorhealth.h"

#include "common/translate.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <cstdio>

namespace hako::host {
namespace {

constexpr int kHealthWaitMs = 30000;

// The effective value of a setting: what the user set, else the schema's default.
QString setting(ToolExecutor *executor, const QJsonObject &user, const QString &key)
{
    if (user.contains(key))
        return user.value(key).toVariant().toString();
    if (!executor)
        return {};
    const QJsonObject prop =
            executor->settingsSchema().value(QLatin1String("properties")).toObject().value(key).toObject();
    return prop.value(QLatin1String("default")).toVariant().toString();
}

// The plugin's health once its probe has finished (it starts on the first ask).
QJsonObject probedHealth(ToolExecutor *executor)
{
    const QDeadlineTimer deadline(kHealthWaitMs);
    QJsonObject health = executor->health();
    while (health.value(QLatin1String("checked_at")).isNull() && !deadline.hasExpired()) {
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
        health = executor->health();
    }
    return health;
}

Check imageCheck(ToolExecutor *executor, const QJsonObject &user)
{
    const QString image = setting(executor, user, QStringLiteral("image"));
    QString docker = setting(executor, user, QStringLiteral("docker.binary"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (const QString host = setting(executor, user, QStringLiteral("docker.host")); !host.isEmpty())
        env.insert(QStringLiteral("DOCKER_HOST"), host);
    p.setProcessEnvironment(env);
    p.start(docker.isEmpty() ? QStringLiteral("docker") : docker,
            {QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"), QStringLiteral("{{.Id}}"),
             image});
    const bool ok = p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    const QString detail = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed().left(200);
    return {tr("Workspace image %1 present").arg(image), ok, Check::Level::Required, detail,
            tr("Build it with scripts/build-image.sh.")};
}

QList<Check> hostChecks(ToolExecutor *executor, const QJsonObject &user, const QList<Error> &problems)
{
    QList<Check> checks;
    checks << Check{tr("Plugin loads"),
                    executor != nullptr,
                    Check::Level::Required,
                    {},
                    tr("Build the project, or pass --plugin PATH.")};
    QStringList messages;
    for (const Error &e : problems)
        messages << e.message;
    checks << Check{tr("Settings accepted"), problems.isEmpty(), Check::Level::Required,
                    messages.join(QLatin1Char(' ')),
                    tr("Correct the settings named (--config FILE, --set key=value).")};
    for (const QString &key : {QStringLiteral("paths.workspaces"), QStringLiteral("paths.runtime")}) {
        QString dir = setting(executor, user, key);
        if (dir.isEmpty())
            dir = key == QLatin1String("paths.runtime") ? QStringLiteral("/run/hako")
                                                        : QStringLiteral("/var/lib/hako/workspaces");
        const bool ok = QDir().mkpath(dir) && QFileInfo(dir).isWritable();
        checks << Check{tr("Directory %1 writable").arg(dir),
                        ok,
                        Check::Level::Required,
                        {},
                        tr("Create it and give this user write access, or set %1.").arg(key)};
    }
    return checks;
}

void print(const Check &c)
{
    const char *mark = c.level == Check::Level::Skipped    ? "skip"
                       : c.ok                              ? "ok  "
                       : c.level == Check::Level::Required ? "FAIL"
                                                           : "warn";
    std::printf("[%s] %s\n", mark, qPrintable(c.name));
    if (!c.detail.isEmpty())
        std::printf("       %s\n", qPrintable(c.detail));
    if (!c.ok)
        std::printf("       %s %s\n", qPrintable(tr("Fix:")), qPrintable(c.fix));
}

// Prints every check; the exit status says whether all the required ones passed.
int report(const QList<Check> &checks)
{
    bool healthy = true;
    for (const Check &c : checks) {
        print(c);
        healthy = healthy && (c.ok || c.level != Check::Level::Required);
    }
    return healthy ? 0 : 1;
}

} // namespace

int runDoctor(ToolExecutor *executor, const Options &options, const QList<Error> &settingsProblems)
{
    QJsonObject user;
    // A file or --set that cannot be read came back from configure() among settingsProblems.
    loadSettings(options, &user);
    QList<Check> checks = hostChecks(executor, user, settingsProblems);
    // --static: what this host has, without asking the engine or a serving host.
    if (options.staticChecks)
        return report(checks);
    // A plugin that refused the settings keeps its defaults: its probe would check something else.
    if (executor && settingsProblems.isEmpty()) {
        const QJsonObject health = probedHealth(executor);
        checks += healthChecks(health);
        if (health.value(QLatin1String("docker")).toObject().value(QLatin1String("reachable")).toBool())
            checks << imageCheck(executor, user);
    }
    checks += serveChecks(setting(executor, user, QStringLiteral("admin.listen")));
    return report(checks);
}

} // namespace hako::host
