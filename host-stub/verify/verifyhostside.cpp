#include "verifyhostside.h"

#include "verifylifecycle.h"
#include "verifyscript.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>

#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace hako::host::verify {
namespace {

constexpr char kImpostorLog[] = ".hako-verify-impostor"; // in the scratch workspace
constexpr char kEvents[] = "workspace_security_events_total";
constexpr char kImpersonation[] = "type=\"agent_impersonation\"";
constexpr long kTmpfsMagic = 0x01021994;
constexpr qint64 kAgentDirMaxBytes = 1 << 20;

QString mountSource(const QJsonObject &container, const QString &target)
{
    for (const QJsonValue &m : container.value(QLatin1String("Mounts")).toArray())
        if (m.toObject().value(QLatin1String("Destination")).toString() == target)
            return m.toObject().value(QLatin1String("Source")).toString();
    return {};
}

// The agent's key as docker holds it for the container (`--env HAKO_AGENT_KEY`
// took it from the CLI's environment); the host can read it, tools must not.
QString agentKey(const QJsonObject &container)
{
    const QString prefix = QStringLiteral("HAKO_AGENT_KEY=");
    for (const QJsonValue &v :
         container.value(QLatin1String("Config")).toObject().value(QLatin1String("Env")).toArray())
        if (v.toString().startsWith(prefix))
            return v.toString().mid(prefix.size());
    return {};
}

QString shortId(const QString &id)
{
    return id.left(12);
}

// Plants an impostor in the scratch conversation with script sock-impostor.
Outcome plant(Session &s, const Params &params)
{
    return runScript(s, Tenant::Scratch, QStringLiteral("sock-impostor"),
                     Params{{QStringLiteral("V_LOG"), QStringLiteral("/workspace/") + QLatin1String(kImpostorLog)}}
                             + params,
                     60);
}

// The host connects to agent.sock afresh: configured again, the plugin drops
// its sandboxes, so the next call adopts the running container and opens a new
// channel, as a second host process would. That call must fail as an
// impersonation, counted, and the conversation go on in a new container. The
// call's command must have run in none of `elsewhere` (host directories).
void expectRefusedOnReconnect(Outcome &o, Session &s, const QString &before, const QStringList &elsewhere)
{
    const double events = metricSum(s, kEvents, kImpersonation);
    for (const Error &e : s.reconfigure({}))
        o.check(false, QStringLiteral("configured again: %1").arg(e.logMessage));
    const QString ran =
            QStringLiteral("hako-verify-ran-%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    const ToolReply r = s.bash(Tenant::Scratch, QStringLiteral("touch /workspace/%1; echo ran").arg(ran), 60);
    o.check(r.error.code == QLatin1String("agent_impersonation"),
            QStringLiteral("the next call, on a new connection: %1").arg(r.summary()));
    const double after = metricSum(s, kEvents, kImpersonation);
    o.check(events >= 0 && after >= events + 1, QStringLiteral("%1{%2}: %3 -> %4")
                                                        .arg(QLatin1String(kEvents), QLatin1String(kImpersonation))
                                                        .arg(events)
                                                        .arg(after));
    for (const QString &dir : elsewhere)
        o.check(!QFileInfo::exists(dir + QLatin1Char('/') + ran),
                QStringLiteral("the call's command did not run with %1").arg(dir));
    o.check(!s.containers().contains(before), QStringLiteral("container %1 removed").arg(shortId(before)));
    const ToolReply alive = s.bash(Tenant::Scratch, QStringLiteral("echo alive"), 60);
    const QString now = s.inspect(Tenant::Scratch).value(QLatin1String("Id")).toString();
    o.check(!alive.error && alive.stdoutText() == QLatin1String("alive\n") && !now.isEmpty() && now != before,
            QStringLiteral("the conversation answers afterwards (%1) in container %2")
                    .arg(alive.summary(), shortId(now)));
}

} // namespace

Outcome hostSocketDirectory(Session &s)
{
    Outcome o = Outcome::start();
    const QString dir = mountSource(s.inspect(Tenant::Main), QStringLiteral("/var/run/hako"));
    const QString agent = dir + QStringLiteral("/agent");
    QStringList entries = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    entries.sort();
    o.check(!dir.isEmpty()
                    && entries
                               == QStringList{QStringLiteral("agent"), QStringLiteral("agent.sock"),
                                              QStringLiteral("proxy.sock")},
            QStringLiteral("%1 holds: %2").arg(dir, entries.join(QLatin1Char(' '))));
    struct stat proxy = {};
    const bool haveProxy = ::lstat(QFile::encodeName(dir + QStringLiteral("/proxy.sock")).constData(), &proxy) == 0;
    o.check(haveProxy && S_ISSOCK(proxy.st_mode) && proxy.st_uid == ::geteuid() && (proxy.st_mode & 07777) == 0666,
            QStringLiteral("proxy.sock: a socket of the host user %1, mode %2")
                    .arg(proxy.st_uid)
                    .arg(proxy.st_mode & 07777, 4, 8, QLatin1Char('0')));
    const QString link = QFile::symLinkTarget(dir + QStringLiteral("/agent.sock"));
    o.check(link == agent + QStringLiteral("/agent.sock"),
            QStringLiteral("agent.sock -> %1")
                    .arg(link.isEmpty() ? QStringLiteral("nothing") : QDir(dir).relativeFilePath(link)));
    struct stat dirStat = {}, agentStat = {};
    struct statfs agentFs = {};
    struct statvfs agentVfs = {};
    const bool measured = ::stat(QFile::encodeName(dir).constData(), &dirStat) == 0
                          && ::stat(QFile::encodeName(agent).constData(), &agentStat) == 0
                          && ::statfs(QFile::encodeName(agent).constData(), &agentFs) == 0
                          && ::statvfs(QFile::encodeName(agent).constData(), &agentVfs) == 0;
    const qint64 size = qint64(agentVfs.f_blocks) * qint64(agentVfs.f_frsize);
    // Only a root host can mount the tmpfs; otherwise the plugin makes a plain directory.
    if (::geteuid() != 0) {
        o.check(measured, QStringLiteral("agent/: a plain directory, the host is not root"));
        o.notes << QStringLiteral("agent-dir-plain");
        return o;
    }
    o.check(measured && long(agentFs.f_type) == kTmpfsMagic && agentStat.st_dev != dirStat.st_dev,
            QStringLiteral("agent/ is a tmpfs of its own (f_type 0x%1)").arg(ulong(agentFs.f_type), 0, 16));
    o.check(size > 0 && size <= kAgentDirMaxBytes,
            QStringLiteral("agent/ holds %1 KiB and %2 inodes").arg(size / 1024).arg(agentVfs.f_files));
    return o;
}

Outcome agentKeyOutOfReach(Session &s)
{
    const QByteArray key = agentKey(s.inspect(Tenant::Main)).toLatin1();
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex();
    return runScript(s, Tenant::Main, QStringLiteral("cred-agentkey"),
                     {{QStringLiteral("V_KEY_SHA256"), QString::fromLatin1(digest)}});
}

Outcome fakeAgentRefused(Session &s)
{
    const QString before = s.inspect(Tenant::Scratch).value(QLatin1String("Id")).toString();
    Outcome o = plant(s, {{QStringLiteral("V_IMPOSTOR"), QStringLiteral("fake")}});
    if (!o.passed)
        return o;
    const QString workspace = s.workspaceOnHost(Tenant::Scratch);
    expectRefusedOnReconnect(o, s, before, {});
    QFile log(workspace + QLatin1Char('/') + QLatin1String(kImpostorLog));
    const QStringList lines = log.open(QIODevice::ReadOnly)
                                      ? QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                      : QStringList();
    const qsizetype connected = lines.indexOf(QStringLiteral("the host connected"));
    o.check(connected > 0, QStringLiteral("the host connected to the fake agent"));
    for (const QString &line : lines.mid(connected + 1))
        o.check(!line.startsWith(QLatin1String("ACCEPTED")), QStringLiteral("the fake agent: ") + line);
    return o;
}

Outcome plantedLinkRefused(Session &s)
{
    const QString before = s.inspect(Tenant::Scratch).value(QLatin1String("Id")).toString();
    const QString scratchAgent = mountSource(s.inspect(Tenant::Scratch), QStringLiteral("/var/run/hako/agent"));
    const QString neighbourAgent = mountSource(s.inspect(Tenant::Neighbour), QStringLiteral("/var/run/hako/agent"));
    // Relative, as a sandbox that guessed the neighbour's key would write it:
    // from <sockets>/<key>/agent to <sockets>/<other key>/agent/agent.sock.
    const QString target = QDir(scratchAgent).relativeFilePath(neighbourAgent + QStringLiteral("/agent.sock"));
    Outcome o = plant(s, {{QStringLiteral("V_IMPOSTOR"), QStringLiteral("link")}, {QStringLiteral("V_LINK"), target}});
    if (!o.passed)
        return o;
    expectRefusedOnReconnect(o, s, before, {s.workspaceOnHost(Tenant::Neighbour), s.workspaceOnHost(Tenant::Scratch)});
    const ToolReply neighbour = s.bash(Tenant::Neighbour, QStringLiteral("echo alive"), 60);
    o.check(!neighbour.error && neighbour.stdoutText() == QLatin1String("alive\n"),
            QStringLiteral("the neighbour answers afterwards (%1)").arg(neighbour.summary()));
    return o;
}

} // namespace hako::host::verify
