#include "warmpool.h"

#include "../channel/agentchannel.h"
#include "../instanceconfig.h"
#include "../logging.h"
#include "../policy/conversationid.h"
#include "../policy/errors.h"
#include "enginefacts.h"
#include "filelock.h"
#include "launcher.h"
#include "poolclaims.h"
#include "socketdir.h"
#include "workspacestore.h"

#include <hako/protocol/tools.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace hako {

// A QObject so that callbacks of a slot discarded meanwhile never run.
struct WarmPool::Slot final : QObject
{
    QString id;
    QString name;
    FileLock lock;
    AgentChannel *channel = nullptr;
    bool ready = false;
};

namespace {

// Background work after a hand-over waits this long, so as not to slow the
// conversation's first call down (a few ms to a few tens of ms).
constexpr int kBackgroundDelayMs = 500;
// After a failed start (engine down, image missing) the pool waits this long.
constexpr int kRetryAfterFailureMs = 5000;

bool isSlotId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{12}$"));
    return pattern.match(text).hasMatch();
}

// Slot IDs named by the files under the pool's directories: those of a slot
// sit in the parents of its lock, socket directory and workspace.
QSet<QString> slotsOnDisk(const SandboxPaths &anySlot)
{
    QSet<QString> ids;
    for (const QString &path : {anySlot.lockPath, anySlot.socketDir, anySlot.workspaceDir})
        for (const QString &entry : QFileInfo(path).dir().entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
            if (const QString id = entry.section(QLatin1Char('.'), 0, 0); isSlotId(id))
                ids.insert(id);
    return ids;
}

// pool.size, when set, is a fixed size.
PoolBounds boundsOf(const Settings &s)
{
    if (s.poolSize > 0)
        return {s.poolSize, s.poolSize, 0};
    return {s.poolMin, std::max(s.poolMin, s.poolMax), qint64(s.poolWindow) * 1000};
}

} // namespace

WarmPool::WarmPool(const InstanceConfig &config, ContainerEngine &engine, EngineFacts &facts,
                   WorkspaceStore &workspaces, Launcher &launcher, QObject *parent)
    : QObject(parent), m_config(config), m_engine(engine), m_facts(facts), m_workspaces(workspaces),
      m_launcher(launcher), m_bounds(boundsOf(config.settings))
{
    m_clock.start();
    m_resize.setSingleShot(true);
    connect(&m_resize, &QTimer::timeout, this, &WarmPool::resize);
}

WarmPool::~WarmPool() = default;

QString WarmPool::containerName(const QString &instanceId, const QString &slot)
{
    return hako::containerName(instanceId, QStringLiteral("pool-") + slot);
}

SandboxPaths WarmPool::pathsOf(const QString &slot) const
{
    return SandboxPaths::poolSlot(m_config.settings.runtimeDir, m_config.settings.workspacesDir, slot);
}

void WarmPool::start()
{
    m_running = true;
    m_filling = false; // a fill a stop() cut short never ends
    reconcile();
}

void WarmPool::stop()
{
    m_running = false;
    m_resize.stop();
    for (Slot *slot : std::as_const(m_slots))
        delete std::exchange(slot->channel, nullptr);
}

void WarmPool::discardSlots()
{
    const QList<Slot *> all = std::exchange(m_slots, {});
    for (Slot *slot : all) {
        const QString id = slot->id;
        delete slot; // releases its lock
        discardLeftovers(m_workspaces, pathsOf(id));
    }
}

int WarmPool::readyCount() const
{
    return int(std::count_if(m_slots.begin(), m_slots.end(), [](const Slot *s) { return s->ready; }));
}

int WarmPool::target() const
{
    return poolTarget(m_arrivals, m_clock.elapsed(), m_bounds);
}

QJsonObject WarmPool::health() const
{
    return {{QStringLiteral("size"), target()},
            {QStringLiteral("min"), m_bounds.min},
            {QStringLiteral("max"), m_bounds.max},
            {QStringLiteral("ready"), readyCount()},
            {QStringLiteral("starting"), int(m_slots.size()) - readyCount()}};
}

void WarmPool::discardLeftovers(WorkspaceStore &workspaces, const SandboxPaths &slot)
{
    FileLock hold;
    if (FileLock::tryLock(slot.lockPath, FileLock::Mode::Exclusive, false, &hold) == FileLock::Result::Busy)
        return; // a live pool keeps it
    workspaces.remove(slot.workspaceDir);
    QFile::remove(WorkspaceStore::imageOf(slot.workspaceDir) + QStringLiteral(".new"));
    socketdir::remove(slot);
    QFile::remove(slot.lockPath);
}

// Pool containers of this instance that no live pool holds and no
// conversation took go, and so do the files of such slots.
void WarmPool::reconcile()
{
    const QMap<QString, QString> labels = {{QLatin1String(label::kManaged), QStringLiteral("true")},
                                           {QLatin1String(label::kInstance), m_config.instanceId},
                                           {QLatin1String(label::kPool), QString()}};
    m_engine.list(labels, this, [this](const Error &error, const QList<ContainerInfo> &found) {
        if (error)
            return refill(); // the refill's own failures back off
        const QHash<QString, QString> claims = poolclaims::all(m_config.settings.runtimeDir);
        QStringList abandoned;
        for (const ContainerInfo &c : found) {
            const QString slot = c.labels.value(QLatin1String(label::kPool));
            if (c.name == containerName(m_config.instanceId, slot) && !claims.contains(c.name)
                && !FileLock::isLocked(pathsOf(slot).lockPath))
                abandoned << c.name;
        }
        m_engine.remove(abandoned, this, [this](const Error &removeError, const QStringList &) {
            if (!removeError)
                for (const QString &slot : slotsOnDisk(pathsOf(QString())))
                    discardLeftovers(m_workspaces, pathsOf(slot));
            refill();
        });
    });
}

void WarmPool::refill()
{
    if (!m_running || m_filling || int(m_slots.size()) >= target())
        return;
    m_filling = true;
    startSlot();
}

void WarmPool::resize()
{
    if (!m_running)
        return;
    const qint64 now = m_clock.elapsed();
    int extra = int(m_slots.size()) - target();
    // Ready ones only: a container still starting would come up after its removal.
    for (Slot *slot : QList<Slot *>(m_slots))
        if (extra > 0 && slot->ready) {
            qCDebug(lcPool).noquote() << "shrinking:" << slot->name;
            discard(slot);
            --extra;
        }
    refill();
    if (const qint64 next = m_arrivals.nextChangeMs(now, m_bounds.windowMs); next >= 0)
        m_resize.start(int(std::max<qint64>(next - now, 0)));
}

void WarmPool::startSlot()
{
    auto *slot = new Slot;
    slot->setParent(this);
    slot->id = QUuid::createUuid().toString(QUuid::Id128).left(12);
    slot->name = containerName(m_config.instanceId, slot->id);
    m_slots.append(slot);
    const QString lock = pathsOf(slot->id).lockPath;
    if (FileLock::tryLock(lock, FileLock::Mode::Exclusive, true, &slot->lock) != FileLock::Result::Held)
        return slotFailed(slot, makeError(ErrorCode::HostIo, {lock}));
    m_facts.whenKnown(slot, [this, slot] {
        if (!m_running)
            return;
        m_workspaces.prepare(pathsOf(slot->id).workspaceDir, slot, [this, slot](const Error &error) {
            if (!m_running)
                return;
            if (error)
                return slotFailed(slot, error);
            launch(slot);
        });
    });
}

void WarmPool::launch(Slot *slot)
{
    m_launcher.launch(
            slot->name, pathsOf(slot->id), {{QLatin1String(label::kPool), slot->id}}, slot,
            [this, slot](AgentChannel *channel) { wire(slot, channel); },
            [this, slot](const Error &error) {
        if (m_running)
            slotFailed(slot, error);
            });
}

void WarmPool::wire(Slot *slot, AgentChannel *channel)
{
    if (!m_running)
        return; // shutting down: the container goes with all the others, the channel with its slot
    slot->channel = channel;
    connect(channel, &AgentChannel::ready, slot, [this, slot] { startShell(slot); });
    connect(channel, &AgentChannel::failed, slot, [this, slot](const Error &error) { slotFailed(slot, error); });
    // Killed, OOM, reaped at its absolute TTL: replaced.
    connect(channel, &AgentChannel::lost, slot, [this, slot] {
        qCInfo(lcPool).noquote() << "lost:" << slot->name;
        discard(slot);
        refill();
    });
}

// The agent starts a shell on a conversation's first call; a pool container
// starts it ahead, so that a burst of first calls finds shells waiting. No
// conversation has the container yet: `true` runs for nobody.
void WarmPool::startShell(Slot *slot)
{
    const QJsonObject call = {
            {QStringLiteral("tool"), QLatin1String(proto::tool::kBash)},
            {QStringLiteral("input"), QJsonObject{{QStringLiteral("command"), QStringLiteral("true")}}},
            {QStringLiteral("timeout_ms"), double(Launcher::kAgentStartTimeoutMs)},
            {QStringLiteral("output_limit"), 1024.0}};
    slot->channel->startCall(call, [this, slot = QPointer<Slot>(slot)](const Frame &frame) {
        if (!slot || slot->ready)
            return;
        if (frame.type == proto::Type::Error)
            return slotFailed(slot, makeError(ErrorCode::SpawnFailed));
        if (frame.type != proto::Type::Result)
            return; // its empty output
        slot->ready = true;
        m_filling = false;
        qCDebug(lcPool).noquote() << "ready:" << slot->name;
        refill();
    });
}

void WarmPool::slotFailed(Slot *slot, const Error &error)
{
    qCWarning(lcPool).noquote() << "could not start" << slot->name + QLatin1Char(':') << error.logMessage
                                << "- trying again in" << kRetryAfterFailureMs / 1000 << "s";
    discard(slot);
    QTimer::singleShot(kRetryAfterFailureMs, this, [this] {
        m_filling = false;
        refill();
    });
}

void WarmPool::discard(Slot *slot)
{
    m_slots.removeOne(slot);
    const QString id = slot->id;
    const QString name = slot->name;
    slot->deleteLater(); // releases its lock; this may run in one of its own callbacks
    m_engine.remove({name}, this, [this, id](const Error &error, const QStringList &) {
        if (!error)
            discardLeftovers(m_workspaces, pathsOf(id));
    });
}

WarmPool::Handed WarmPool::handOver(const QString &key, const SandboxPaths &paths)
{
    if (m_workspaces.exists(paths.workspaceDir))
        return {};
    // A new conversation: whether the pool serves it or not, the pool grows for the next ones.
    m_arrivals.record(m_clock.elapsed(), m_bounds.windowMs);
    // Starting the next container competes for the CPU: not during the first call.
    QTimer::singleShot(kBackgroundDelayMs, this, &WarmPool::resize);
    const auto found = std::find_if(m_slots.begin(), m_slots.end(), [](const Slot *s) { return s->ready; });
    if (found == m_slots.end())
        return {};
    Slot *slot = *found;
    const QString runtimeDir = m_config.settings.runtimeDir;
    const SandboxPaths from = pathsOf(slot->id);
    // The claim first: from here on GC counts the container as the conversation's.
    if (!poolclaims::write(runtimeDir, key, slot->name))
        return {};
    Error moved = m_workspaces.handOver(from.workspaceDir, paths.workspaceDir);
    socketdir::remove(paths);
    if (!moved
        && !(QDir().mkpath(QFileInfo(paths.socketDir).absolutePath())
             && QDir().rename(from.socketDir, paths.socketDir)))
        moved = makeError(ErrorCode::HostIo, {paths.socketDir});
    if (moved) {
        qCWarning(lcPool).noquote() << "could not hand" << slot->name << "over:" << moved.logMessage;
        poolclaims::remove(runtimeDir, key);
        discard(slot);
        refill();
        return {};
    }
    const Handed handed = {slot->name, std::exchange(slot->channel, nullptr)};
    handed.channel->disconnect(slot);
    handed.channel->setParent(nullptr);
    m_slots.removeOne(slot);
    QFile::remove(from.lockPath);
    delete slot;
    return handed;
}

} // namespace hako
