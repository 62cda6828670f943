#include "verifytenant.h"

#include "verifyscript.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <sys/stat.h>
#include <unistd.h>

namespace hako::host::verify {
namespace {

const QString kEditor = QStringLiteral("str_replace_based_edit_tool");

// A tool call that must be refused, and must not hand out what it was after.
void expectRefused(Outcome &o, Session &s, const QString &label, const QString &tool, const QJsonObject &input,
                   const QStringList &leaks)
{
    const ToolReply r = s.call(Tenant::Main, tool, input);
    const QString text = QString::fromUtf8(QJsonDocument(r.result).toJson(QJsonDocument::Compact));
    bool leaked = false;
    for (const QString &leak : leaks)
        leaked = leaked || text.contains(leak);
    o.check(r.error && !leaked,
            QStringLiteral("%1: %2").arg(label, r.error ? r.error.code : QStringLiteral("answered")));
}

QJsonObject view(const QString &path)
{
    return {{QStringLiteral("command"), QStringLiteral("view")}, {QStringLiteral("path"), path}};
}

QJsonObject create(const QString &path)
{
    return {{QStringLiteral("command"), QStringLiteral("create")},
            {QStringLiteral("path"), path},
            {QStringLiteral("file_text"), QStringLiteral("hako verify escape\n")}};
}

QJsonObject pathOnly(const QString &path)
{
    return {{QStringLiteral("path"), path}};
}

// Nothing named `name` appeared in the host directories around the workspace.
void expectNoFile(Outcome &o, const QString &dir, const QString &name)
{
    const bool exists = QFileInfo::exists(dir + QLatin1Char('/') + name);
    o.check(!exists, QStringLiteral("host %1/%2 %3")
                             .arg(dir, name, exists ? QStringLiteral("was created") : QStringLiteral("absent")));
}

} // namespace

Outcome editorEscapes(Session &s)
{
    Outcome o = Outcome::start();
    const QString neighbour = s.workspaceOnHost(Tenant::Neighbour);
    const QString secretOnHost = neighbour + QLatin1Char('/') + s.secretFileName();
    const QStringList leaks = {QStringLiteral("root:x:0"), s.secret()};
    for (const QString &path :
         {QStringLiteral("../etc/passwd"), QStringLiteral("/etc/passwd"), QStringLiteral("/workspace/../etc/passwd"),
          QStringLiteral("./../../../../etc/passwd"), QStringLiteral("../proc/1/environ"), secretOnHost,
          QStringLiteral("../../../../../..") + secretOnHost})
        expectRefused(o, s, QStringLiteral("view %1").arg(path), kEditor, view(path), leaks);
    const QString escape = QStringLiteral("hako-verify-escape.txt");
    for (const QString &path :
         {QStringLiteral("../") + escape, QStringLiteral("/tmp/../") + escape,
          QStringLiteral("/var/run/hako/") + escape, QStringLiteral("..//workspace/../") + escape})
        expectRefused(o, s, QStringLiteral("create %1").arg(path), kEditor, create(path), {});
    expectRefused(o, s, QStringLiteral("read_file /etc/passwd"), QStringLiteral("read_file"),
                  pathOnly(QStringLiteral("/etc/passwd")), leaks);
    expectRefused(o, s, QStringLiteral("write_file ../%1").arg(escape), QStringLiteral("write_file"),
                  {{QStringLiteral("path"), QStringLiteral("../") + escape},
                   {QStringLiteral("content"), QStringLiteral("x")}},
                  {});
    const QString main = s.workspaceOnHost(Tenant::Main);
    expectNoFile(o, QFileInfo(main).path(), escape);
    expectNoFile(o, QFileInfo(main).path(), QStringLiteral("../") + escape);
    return o;
}

Outcome symlinkEscapes(Session &s)
{
    Outcome o = Outcome::start();
    const QString neighbour = s.workspaceOnHost(Tenant::Neighbour);
    const ToolReply links =
            s.bash(Tenant::Main,
                   QStringLiteral("cd /workspace && ln -sfn / v-root && ln -sfn /etc/passwd v-passwd && "
                                  "ln -sfn '%1' v-neighbour && ln -sfn /var/run/hako v-sockets && "
                                  "{ ln /etc/passwd v-hard 2>&1 | sed 's/.*: //'; true; }")
                           .arg(neighbour),
                   30);
    o.check(links.exitCode() == 0, QStringLiteral("symbolic links made (%1); hard link to /etc/passwd: %2")
                                           .arg(links.summary(), links.stdoutText().trimmed()));
    const QStringList leaks = {QStringLiteral("root:x:0"), s.secret(), QStringLiteral("agent.sock")};
    for (const QString &path :
         {QStringLiteral("v-passwd"), QStringLiteral("v-root/etc/passwd"), QStringLiteral("v-root"),
          QStringLiteral("v-neighbour/") + s.secretFileName(), QStringLiteral("v-sockets")})
        expectRefused(o, s, QStringLiteral("view %1").arg(path), kEditor, view(path), leaks);
    for (const QString &path : {QStringLiteral("v-root/tmp/hako-verify-x"), QStringLiteral("v-sockets/hako-verify-x")})
        expectRefused(o, s, QStringLiteral("create %1").arg(path), kEditor, create(path), {});
    expectRefused(o, s, QStringLiteral("str_replace in v-passwd"), kEditor,
                  {{QStringLiteral("command"), QStringLiteral("str_replace")},
                   {QStringLiteral("path"), QStringLiteral("v-passwd")},
                   {QStringLiteral("old_str"), QStringLiteral("root")},
                   {QStringLiteral("new_str"), QStringLiteral("toor")}},
                  leaks);
    expectRefused(o, s, QStringLiteral("read_file v-passwd"), QStringLiteral("read_file"),
                  pathOnly(QStringLiteral("v-passwd")), leaks);
    expectRefused(o, s, QStringLiteral("write_file v-sockets/hako-verify-x"), QStringLiteral("write_file"),
                  {{QStringLiteral("path"), QStringLiteral("v-sockets/hako-verify-x")},
                   {QStringLiteral("content"), QStringLiteral("x")}},
                  {});
    return o;
}

Outcome userInstallsStayHome(Session &s)
{
    Outcome o = runScript(s, Tenant::Main, QStringLiteral("pip-user"));
    o.merge(runScript(s, Tenant::Neighbour, QStringLiteral("pip-absent")));
    return o;
}

Outcome searchForNeighbour(Session &s)
{
    const QString secret = s.secret();
    return runScript(s, Tenant::Main, QStringLiteral("tenant-search"),
                     {{QStringLiteral("V_NEIGHBOUR_FILE"), s.secretFileName()},
                      {QStringLiteral("V_SECRET_A"), secret.left(secret.size() / 2)},
                      {QStringLiteral("V_SECRET_B"), secret.mid(secret.size() / 2)}});
}

Outcome hostDirectories(Session &s)
{
    Outcome o = Outcome::start();
    QSet<QString> seen;
    for (Tenant t : {Tenant::Main, Tenant::Neighbour}) {
        struct stat markerStat = {};
        const QString marker = s.workspaceOnHost(t) + QStringLiteral("/.hako-verify-tenant");
        // The marker was written by the container's user: its owner is that user on the host.
        const bool marked = ::stat(marker.toLocal8Bit().constData(), &markerStat) == 0;
        for (const QJsonValue &v : s.inspect(t).value(QLatin1String("Mounts")).toArray()) {
            const QString target = v.toObject().value(QLatin1String("Destination")).toString();
            // The workspace and the agent's directory are the container user's alone; the
            // socket directory around the agent's is the host's, which binds proxy.sock there.
            const bool hostOwn = target == QLatin1String("/var/run/hako");
            if (target != QLatin1String("/workspace") && target != QLatin1String("/var/run/hako/agent") && !hostOwn)
                continue;
            const QString dir = v.toObject().value(QLatin1String("Source")).toString();
            struct stat dirStat = {};
            const bool ok = marked && ::stat(dir.toLocal8Bit().constData(), &dirStat) == 0;
            const uint owner = hostOwn ? ::geteuid() : markerStat.st_uid;
            const uint mode = hostOwn ? 0755 : 0700;
            o.check(ok && (dirStat.st_mode & 07777) == mode && dirStat.st_uid == owner && !seen.contains(dir),
                    QStringLiteral("%1: mode %2, owner %3 (%4 %5)")
                            .arg(dir)
                            .arg(dirStat.st_mode & 07777, 4, 8, QLatin1Char('0'))
                            .arg(dirStat.st_uid)
                            .arg(hostOwn ? QStringLiteral("host user") : QStringLiteral("container user"))
                            .arg(owner));
            seen.insert(dir);
        }
    }
    o.check(seen.size() == 6, QStringLiteral("%1 distinct host directories for two conversations").arg(seen.size()));
    return o;
}

} // namespace hako::host::verify
