#include "warmpool.h"

#include "../logging.h"

#include "../channel/agentchannel.h"
#include "../policy/conversationid.h"
#include "../policy/errors.h"
#include "filelock.h"
#include "poolclaims.h"
#include "sandbox.h"
#include "sandboxspec.h"
#include "socketdir.h"
#include "workspacestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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

constexpr int kAgentStartTimeoutMs = 30000;
// Background work after a hand-over waits this long, so as not to slow the
// conversation's first call down (a few ms to a few tens of ms).
constexpr int kBackgroundDelayMs = 500;
// After a failed start (engine down, image missing) the pool waits this long.
constexpr int kRetryAfterFailureMs = 5000;

QString socketDirFor(const QString &runtimeDir, const QString &slot)
{
    return runtimeDir + QStringLiteral("/pool/sockets/") + slot;
}

bool isSlotId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{12}$"));
    return pattern.match(text).hasMatch();
}

// Slot IDs named by the files under the pool's directories.
QSet<QString> slotsOnDisk(const SandboxContext &context)
{
    QSet<QString> ids;
    const QString runtimeDir = context.settings.runtimeDir;
    for (const QString &dir : {runtimeDir + QStringLiteral("/pool"), runtimeDir + QStringLiteral("/pool/sockets"),
                               context.settings.workspacesDir + QStringLiteral("/.pool")})
        for (const QString &entry : QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
            if (const QString id = entry.section(QLatin1Char('.'), 0, 0); isSlotId(id))
                ids.insert(id);
    return ids;
}

} // namespace

WarmPool::WarmPool(const SandboxContext *context, QObject *parent) : QObject(parent), m_context(context) {}

WarmPool::~WarmPool() = default;

QString WarmPool::containerName(const QString &instanceId, const QString &slot)
{
    return hako::containerName(instanceId, QStringLiteral("pool-") + slot);
}

QString WarmPool::lockPath(const QString &runtimeDir, const QString &slot)
{
    return runtimeDir + QStringLiteral("/pool/") + slot + QStringLiteral(".lock");
}

void WarmPool::start()
{
    m_running = true;
    reconcile();
}

void WarmPool::stop()
{
    m_running = false;
    for (Slot *slot : std::as_const(m_slots))
        delete std::exchange(slot->channel, nullptr);
}

void WarmPool::discardSlots()
{
    const QList<Slot *> all = std::exchange(m_slots, {});
    for (Slot *slot : all) {
        const QString id = slot->id;
        delete slot; // releases its lock
        discardLeftovers(*m_context, id);
    }
}

int WarmPool::readyCount() const
{
    return int(std::count_if(m_slots.begin(), m_slots.end(), [](const Slot *s) { return s->ready; }));
}

QJsonObject WarmPool::health() const
{
    return {{QStringLiteral("size"), m_context->settings.poolSize},
            {QStringLiteral("ready"), readyCount()},
            {QStringLiteral("starting"), int(m_slots.size()) - readyCount()}};
}

void WarmPool::discardLeftovers(const SandboxContext &context, const QString &slot)
{
    const QString lock = lockPath(context.settings.runtimeDir, slot);
    FileLock hold;
    if (FileLock::tryLock(lock, FileLock::Mode::Exclusive, false, &hold) == FileLock::Result::Busy)
        return; // a live pool keeps it
    const QString dir = context.workspaces->poolDirFor(slot);
    context.workspaces->remove(dir);
    QFile::remove(WorkspaceStore::imageOf(dir) + QStringLiteral(".new"));
    socketdir::remove(socketDirFor(context.settings.runtimeDir, slot));
    QFile::remove(lock);
}

// Pool containers of this instance that no live pool holds and no
// conversation took go, and so do the files of such slots.
void WarmPool::reconcile()
{
    const QMap<QString, QString> labels = {{QLatin1String(label::kManaged), QStringLiteral("true")},
                                           {QLatin1String(label::kInstance), m_context->instanceId},
                                           {QLatin1String(label::kPool), QString()}};
    m_context->engine->list(labels, this, [this](const Error &error, const QList<ContainerInfo> &found) {
        if (error)
            return refill(); // the refill's own failures back off
        const QHash<QString, QString> claims = poolclaims::all(m_context->settings.runtimeDir);
        QStringList abandoned;
        for (const ContainerInfo &c : found) {
            const QString slot = c.labels.value(QLatin1String(label::kPool));
            if (c.name == containerName(m_context->instanceId, slot) && !claims.contains(c.name)
                && !FileLock::isLocked(lockPath(m_context->settings.runtimeDir, slot)))
                abandoned << c.name;
        }
        m_context->engine->remove(abandoned, this, [this](const Error &removeError, const QStringList &) {
            if (!removeError)
                for (const QString &slot : slotsOnDisk(*m_context))
                    discardLeftovers(*m_context, slot);
            refill();
        });
    });
}

void WarmPool::refill()
{
    if (!m_running || m_filling || int(m_slots.size()) >= m_context->settings.poolSize)
        return;
    m_filling = true;
    startSlot();
}

void WarmPool::startSlot()
{
    auto *slot = new Slot;
    slot->setParent(this);
    slot->id = QUuid::createUuid().toString(QUuid::Id128).left(12);
    slot->name = containerName(m_context->instanceId, slot->id);
    m_slots.append(slot);
    const QString lock = lockPath(m_context->settings.runtimeDir, slot->id);
    if (FileLock::tryLock(lock, FileLock::Mode::Exclusive, true, &slot->lock) != FileLock::Result::Held)
        return slotFailed(slot);
    whenEngineKnown(*m_context, slot, [this, slot] {
        if (!m_running)
            return;
        m_context->workspaces->prepare(m_context->workspaces->poolDirFor(slot->id), slot, [this, slot](const Error &error) {
            if (!m_running)
                return;
            if (error) {
                qCWarning(lcPool).noquote() << "pool workspace:" << error.logMessage;
                return slotFailed(slot);
            }
            launch(slot);
        });
    });
}

void WarmPool::launch(Slot *slot)
{
    const QString sockets = socketDirFor(m_context->settings.runtimeDir, slot->id);
    if (const Error error = prepareSocketDir(*m_context, sockets))
        return slotFailed(slot);
    const ContainerSpec spec = sandboxSpec(*m_context, slot->name, m_context->workspaces->poolDirFor(slot->id), sockets,
                                           {{QLatin1String(label::kPool), slot->id}});
    m_context->engine->start(spec, slot, [this, slot, sockets, key = spec.agentKey](const Error &error) {
        if (!m_running)
            return; // shutting down: the container goes with all the others
        if (error)
            return slotFailed(slot);
        slot->channel = new AgentChannel(slot);
        connect(slot->channel, &AgentChannel::ready, slot, [this, slot] {
            slot->ready = true;
            m_filling = false;
            qCDebug(lcPool).noquote() << "ready:" << slot->name;
            refill();
        });
        connect(slot->channel, &AgentChannel::failed, slot, [this, slot] { slotFailed(slot); });
        // Killed, OOM, reaped at its absolute TTL: replaced.
        connect(slot->channel, &AgentChannel::lost, slot, [this, slot] {
            qCInfo(lcPool).noquote() << "lost:" << slot->name;
            discard(slot);
            refill();
        });
        slot->channel->open(agentEndpoint(*m_context, sockets, key), kAgentStartTimeoutMs);
    });
}

void WarmPool::slotFailed(Slot *slot)
{
    qCWarning(lcPool).noquote() << "could not start" << slot->name << "; trying again in"
                                << kRetryAfterFailureMs / 1000 << "s";
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
    m_context->engine->remove({name}, this, [this, id](const Error &error, const QStringList &) {
        if (!error)
            discardLeftovers(*m_context, id);
    });
}

WarmPool::Handed WarmPool::handOver(const QString &key, const QString &workspaceDir, const QString &socketDir)
{
    const auto found = std::find_if(m_slots.begin(), m_slots.end(), [](const Slot *s) { return s->ready; });
    if (found == m_slots.end() || m_context->workspaces->exists(workspaceDir))
        return {};
    Slot *slot = *found;
    const QString runtimeDir = m_context->settings.runtimeDir;
    // The claim first: from here on GC counts the container as the conversation's.
    if (!poolclaims::write(runtimeDir, key, slot->name))
        return {};
    Error moved = m_context->workspaces->handOver(m_context->workspaces->poolDirFor(slot->id), workspaceDir);
    socketdir::remove(socketDir);
    if (!moved && !(QDir().mkpath(QFileInfo(socketDir).absolutePath())
                    && QDir().rename(socketDirFor(runtimeDir, slot->id), socketDir)))
        moved = makeError(ErrorCode::HostIo, {socketDir});
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
    QFile::remove(lockPath(runtimeDir, slot->id));
    delete slot;
    // Starting the next container competes for the CPU: not during the first call.
    QTimer::singleShot(kBackgroundDelayMs, this, &WarmPool::refill);
    return handed;
}

} // namespace hako
