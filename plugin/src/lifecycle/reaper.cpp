#include "reaper.h"

#include "../instanceconfig.h"
#include "../logging.h"
#include "../policy/conversationid.h"
#include "activitystore.h"
#include "containerrecord.h"
#include "poolclaims.h"
#include "sandboxpaths.h"
#include "socketdir.h"
#include "warmpool.h"
#include "workspacestore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cerrno>
#include <sys/stat.h>
#include <vector>

namespace hako {

// One sweep's state. A child of the engine: when its configuration goes
// mid-sweep, the callbacks never come, and this goes with it, claims included.
class SweepRun final : public QObject
{
public:
    using QObject::QObject;
    QElapsedTimer clock;
    QDateTime startedAt;
    std::vector<FileLock> claims;
    QList<Reaping> chosen;
    QHash<QString, QString> keys; // container name -> conversation key, where known
};

namespace {

// Label values end up in paths: only what conversationKey() produces passes.
bool isSafeKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
    return pattern.match(key).hasMatch();
}

// An instance lives as long as its runtime directory carries its identity
// (hostpaths.h keeps it there for every process of that host).
OwnerState ownerState(const QString &instance, const QString &runtimeDir)
{
    if (instance.isEmpty() || !runtimeDir.startsWith(QLatin1Char('/')))
        return OwnerState::Unknown;
    const QString path = runtimeDir + QStringLiteral("/instance-id");
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return errno == ENOENT || errno == ENOTDIR ? OwnerState::Gone : OwnerState::Unknown;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return OwnerState::Unknown;
    return QString::fromLatin1(file.readAll()).trimmed() == instance ? OwnerState::Alive : OwnerState::Gone;
}

QString labelOf(const ContainerInfo &c, const char *name)
{
    return c.labels.value(QLatin1String(name));
}

// The conversation a container serves: its label, or for a warm pool container
// the claim record (until renamed) or the name it was given (hako-<instance>-<key>).
QString conversationOf(const ContainerInfo &c, const QHash<QString, QString> &claims)
{
    if (const QString key = labelOf(c, label::kConversation); !key.isEmpty())
        return key;
    if (const QString key = claims.value(c.name); !key.isEmpty())
        return key;
    const QString prefix = containerName(labelOf(c, label::kInstance), QString());
    const QString rest = c.name.mid(prefix.size());
    return c.name.startsWith(prefix) && !labelOf(c, label::kPool).isEmpty() && !rest.startsWith(QLatin1String("pool-"))
                   ? rest
                   : QString();
}

} // namespace

QJsonObject GcReport::toJson() const
{
    QJsonObject counts;
    QJsonArray containers;
    for (const Reaping &r : removed) {
        counts.insert(r.reason, counts.value(r.reason).toInt() + 1);
        containers.append(QJsonObject{{QStringLiteral("name"), r.container.name},
                                      {QStringLiteral("instance"), labelOf(r.container, label::kInstance)},
                                      {QStringLiteral("reason"), r.reason}});
    }
    QJsonObject json = {{QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("duration_ms"), double(durationMs)},
                        {QStringLiteral("reaped"), counts},
                        {QStringLiteral("containers"), containers}};
    if (error)
        json.insert(QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}});
    return json;
}

Reaper::Reaper(const InstanceConfig &config, ContainerEngine &engine, const ActivityStore &activity,
               WorkspaceStore &workspaces, QObject *parent)
    : QObject(parent), m_config(config), m_engine(engine), m_activity(activity), m_workspaces(workspaces)
{
    connect(&m_timer, &QTimer::timeout, this, &Reaper::sweep);
}

Reaper::~Reaper()
{
    delete m_run;
}

void Reaper::start()
{
    resume();
    sweep();
}

void Reaper::resume()
{
    m_timer.start(qMax(1, m_config.settings.gcInterval) * 1000);
}

void Reaper::stop()
{
    m_timer.stop();
}

QJsonValue Reaper::lastRun() const
{
    return m_last.time.isValid() ? QJsonValue(m_last.toJson()) : QJsonValue();
}

void Reaper::sweep()
{
    if (m_run)
        return;
    auto *run = new SweepRun(&m_engine);
    run->clock.start();
    run->startedAt = QDateTime::currentDateTimeUtc();
    m_run = run;
    // Every instance's containers in one call: orphans of a gone host are ours to collect.
    const QMap<QString, QString> managed = {{QLatin1String(label::kManaged), QStringLiteral("true")}};
    m_engine.list(managed, run, [this, run](const Error &error, const QList<ContainerInfo> &found) {
        if (error)
            return finish(run, error);
        decide(run, found);
    });
}

SweepInput Reaper::observe(const QList<ContainerInfo> &found, qint64 listedAt, QHash<QString, QString> *keys) const
{
    SweepInput in;
    in.containers = found;
    in.now = QDateTime::currentSecsSinceEpoch();
    in.instance = m_config.instanceId;
    in.idleTtl = m_config.settings.idleTtl;
    in.absoluteTtl = m_config.settings.absoluteTtl;
    in.listedAt = listedAt;
    const QSet<QString> busy = m_activity.inFlight();
    const QHash<QString, QString> claims = poolclaims::all(m_config.settings.runtimeDir);
    for (const ContainerInfo &c : found) {
        const QString owner = labelOf(c, label::kInstance);
        const bool own = owner == in.instance;
        const QString key = conversationOf(c, own ? claims : QHash<QString, QString>());
        if (!key.isEmpty())
            keys->insert(c.name, key);
        const QString runtimeDir = own ? m_config.settings.runtimeDir : labelOf(c, label::kRuntime);
        if (const QString slot = labelOf(c, label::kPool); own && key.isEmpty() && !slot.isEmpty()) {
            in.waitingPool.insert(c.name);
            if (FileLock::isLocked(SandboxPaths::poolSlot(runtimeDir, QString(), slot).lockPath))
                in.heldPool.insert(c.name);
        }
        if (!own && !in.owners.contains(owner))
            in.owners.insert(owner, ownerState(owner, runtimeDir));
        if (own && busy.contains(key))
            in.inFlight.insert(c.name);
        if (isSafeKey(key) && (own || in.owners.value(owner) == OwnerState::Gone))
            in.lastActivity.insert(c.name, ActivityStore::lastActivity(runtimeDir, key));
    }
    return in;
}

// Claims a container of ours so that no call starts on it while it is removed,
// then checks the decision again: a call may have come and gone since `docker ps`.
bool Reaper::claimStillDue(SweepRun *run, SweepInput *input, Reaping *reaping) const
{
    const QString key = run->keys.value(reaping->container.name);
    if (!isSafeKey(key))
        return true; // not made by a Sandbox: no call can use it
    const QString runtimeDir = m_config.settings.runtimeDir;
    FileLock claim = ActivityStore::claim(runtimeDir, key);
    if (!claim.isHeld()) {
        qCDebug(lcGc).noquote() << "kept" << reaping->container.name << "(a call is in flight)";
        return false;
    }
    input->lastActivity.insert(reaping->container.name, ActivityStore::lastActivity(runtimeDir, key));
    reaping->reason = reapReason(reaping->container, *input);
    if (reaping->reason.isEmpty())
        return false;
    run->claims.push_back(std::move(claim));
    return true;
}

void Reaper::decide(SweepRun *run, const QList<ContainerInfo> &found)
{
    SweepInput input = observe(found, run->startedAt.toSecsSinceEpoch(), &run->keys);
    QStringList names;
    for (Reaping reaping : chooseContainersToReap(input)) {
        const bool own = labelOf(reaping.container, label::kInstance) == input.instance;
        if (own && !claimStillDue(run, &input, &reaping))
            continue;
        run->chosen.append(reaping);
        names << reaping.container.name;
    }
    qCDebug(lcGc) << "sweep:" << found.size() << "managed containers," << names.size() << "to reap";
    // One `docker rm -f` for all: the daemon removes them in parallel.
    m_engine.remove(names, run,
                    [this, run](const Error &error, const QStringList &removed) { finish(run, error, removed); });
}

void Reaper::finish(SweepRun *run, const Error &error, const QStringList &removed)
{
    GcReport report;
    report.time = run->startedAt;
    report.durationMs = run->clock.elapsed();
    report.error = error;
    if (error)
        qCWarning(lcGc).noquote() << "sweep failed:" << error.logMessage;
    QStringList keys;
    for (const Reaping &r : std::as_const(run->chosen)) {
        // A failed `rm` may still have removed some: their workspaces are released too.
        if (error && !removed.contains(r.container.name))
            continue;
        report.removed.append(r);
        qCInfo(lcGc).noquote() << "reaped" << r.container.name << "reason" << r.reason;
        if (labelOf(r.container, label::kInstance) != m_config.instanceId)
            continue;
        const QString key = run->keys.value(r.container.name);
        if (isSafeKey(key)) {
            keys << key;
            const SandboxPaths paths =
                    SandboxPaths::conversation(m_config.settings.runtimeDir, m_config.settings.workspacesDir, key);
            // The files stay in the image; the next container mounts it again.
            m_workspaces.release(paths.workspaceDir);
            // Its sockets are of no use without it; the next container gets a fresh directory.
            socketdir::remove(paths);
            containerrecord::remove(m_config.settings.runtimeDir, key);
        } else if (const QString slot = labelOf(r.container, label::kPool); !slot.isEmpty()) {
            WarmPool::discardLeftovers(m_workspaces, SandboxPaths::poolSlot(m_config.settings.runtimeDir,
                                                                            m_config.settings.workspacesDir, slot));
        }
    }
    // Before the claims go: a call waiting for one must not find a stale sandbox.
    if (!keys.isEmpty())
        Q_EMIT conversationsReaped(keys);
    run->claims.clear();
    run->deleteLater();
    m_run = nullptr;
    m_last = report;
    Q_EMIT swept(report);
}

} // namespace hako
