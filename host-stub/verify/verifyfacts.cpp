#include "verifyfacts.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

#include <sys/utsname.h>

namespace hako::host::verify {
namespace {

constexpr int kHealthWaitMs = 30000;
constexpr char kAppArmorProfile[] = "hako-workspace";

QString unknown(const QString &why)
{
    return QStringLiteral("unknown: ") + why.trimmed().left(200);
}

QString dockerLine(Session &s, const QStringList &args)
{
    const CommandRun run = s.docker(args, 30000);
    return run.exitCode == 0 ? QString::fromUtf8(run.out).trimmed() : unknown(QString::fromUtf8(run.err));
}

QString kernel()
{
    struct utsname u = {};
    if (::uname(&u) != 0)
        return unknown(QStringLiteral("uname failed"));
    return QStringLiteral("%1 %2 %3")
            .arg(QString::fromUtf8(u.sysname), QString::fromUtf8(u.release), QString::fromUtf8(u.version));
}

// runc reports its commit to the engine; another runtime answers for itself
// at the path the engine runs it from, with the arguments it is given.
QString runtimeVersion(Session &s, const QString &runtime)
{
    const QString info = dockerLine(s, {QStringLiteral("info"), QStringLiteral("--format"),
                                        QStringLiteral("{{json .Runtimes}}|{{json .RuncCommit}}")});
    const QJsonObject registered =
            QJsonDocument::fromJson(info.section(QLatin1Char('|'), 0, 0).toUtf8()).object().value(runtime).toObject();
    if (registered.isEmpty())
        return unknown(QStringLiteral("%1 is not registered with the engine").arg(runtime));
    const QString path = registered.value(QLatin1String("path")).toString();
    if (runtime == QLatin1String("runc"))
        return QJsonDocument::fromJson(info.section(QLatin1Char('|'), 1).toUtf8())
                .object()
                .value(QLatin1String("ID"))
                .toString(unknown(QStringLiteral("no RuncCommit")));
    QProcess p;
    p.start(path, {QStringLiteral("--version")});
    const bool ran = p.waitForFinished(10000) && p.exitCode() == 0;
    const QString args = QString::fromUtf8(
            QJsonDocument(registered.value(QLatin1String("runtimeArgs")).toArray()).toJson(QJsonDocument::Compact));
    return QStringLiteral("%1 %2 %3")
            .arg(path, args,
                 ran ? QString::fromUtf8(p.readAllStandardOutput()).section(QLatin1Char('\n'), 0, 0)
                     : unknown(QStringLiteral("%1 --version failed").arg(path)));
}

// The profile as the kernel holds it: its mode and, where the kernel keeps
// one, the hash of the policy that was loaded.
QString appArmor()
{
    QFile enabled(QStringLiteral("/sys/module/apparmor/parameters/enabled"));
    if (!enabled.open(QIODevice::ReadOnly) || !enabled.readAll().startsWith('Y'))
        return QStringLiteral("unavailable");
    QFile profiles(QStringLiteral("/sys/kernel/security/apparmor/profiles"));
    QString mode = QStringLiteral("not loaded");
    if (profiles.open(QIODevice::ReadOnly))
        for (const QByteArray &line : profiles.readAll().split('\n'))
            if (line.startsWith(QByteArray(kAppArmorProfile) + " ("))
                mode = QString::fromLatin1(line.trimmed());
    const QDir policy(QStringLiteral("/sys/kernel/security/apparmor/policy/profiles"));
    for (const QString &dir : policy.entryList({QLatin1String(kAppArmorProfile) + QStringLiteral(".*")}, QDir::Dirs)) {
        QFile sha(policy.filePath(dir + QStringLiteral("/sha1")));
        if (sha.open(QIODevice::ReadOnly))
            return mode + QStringLiteral(" sha1 ") + QString::fromLatin1(sha.readAll().trimmed());
    }
    return mode;
}

} // namespace

QJsonObject measureFacts(Session &s)
{
    QJsonObject health;
    s.waitFor(
            [&] {
        health = s.executor()->health();
        return !health.value(QLatin1String("checked_at")).isNull();
            },
            kHealthWaitMs);
    const QJsonObject seccomp = health.value(QLatin1String("seccomp")).toObject();
    const auto hash = [&seccomp](const char *key) {
        const QString value = seccomp.value(QLatin1String(key)).toString();
        return value.isEmpty() ? unknown(QStringLiteral("the plugin could not read the file")) : value;
    };
    const QString image = s.setting(QStringLiteral("image")).toString();
    const QString runtime = s.setting(QStringLiteral("runtime")).toString();
    return {{QStringLiteral("hako_version"), QStringLiteral(HAKO_VERSION)},
            {QStringLiteral("kernel"), kernel()},
            {QStringLiteral("engine_version"), dockerLine(s, {QStringLiteral("version"), QStringLiteral("--format"),
                                                              QStringLiteral("{{.Server.Version}}")})},
            {QStringLiteral("runtime"), runtime},
            {QStringLiteral("runtime_version"), runtimeVersion(s, runtime)},
            {QStringLiteral("image"), image},
            {QStringLiteral("image_id"), dockerLine(s, {QStringLiteral("image"), QStringLiteral("inspect"),
                                                        QStringLiteral("--format"), QStringLiteral("{{.Id}}"), image})},
            {QStringLiteral("seccomp_sha256"), hash("sha256")},
            {QStringLiteral("agent_rules_sha256"), hash("agent_rules_sha256")},
            {QStringLiteral("apparmor"), appArmor()}};
}

QList<FactDifference> factDifferences(const QJsonObject &bound, const QJsonObject &now)
{
    QList<FactDifference> differences;
    for (auto it = bound.begin(); it != bound.end(); ++it) {
        const QString was = it.value().toVariant().toString();
        const QString is = now.value(it.key()).toVariant().toString();
        if (!it.value().isString() || was != is || was.startsWith(QLatin1String("unknown: ")))
            differences << FactDifference{it.key(), was, is};
    }
    if (bound.isEmpty())
        differences << FactDifference{};
    return differences;
}

} // namespace hako::host::verify
