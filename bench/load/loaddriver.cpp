#include "loaddriver.h"

#include <algorithm>

namespace hako::bench {
namespace {

constexpr int kTickMs = 10;
constexpr int kWatchdogMs = 1000;
// The delay before a deliberate mid-call end: long enough that the call has
// usually reached the agent, short enough that it is still running.
constexpr int kMidCallEndMaxMs = 300;

QString failureKind(const QString &step, const QString &why)
{
    return step + QLatin1Char(':') + why;
}

} // namespace

LoadDriver::LoadDriver(ToolExecutor *executor, const LoadConfig &config, QObject *parent)
    : QObject(parent), m_executor(executor), m_config(config), m_random(quint32(config.seed))
{
    m_slots.reserve(std::size_t(config.conversations));
    m_ready.reserve(std::size_t(config.conversations));
    for (int i = 0; i < config.conversations; ++i) {
        auto *slot = new Slot;
        slot->index = i;
        slot->pause.setSingleShot(true);
        m_slots.push_back(slot);
    }
    connect(&m_tick, &QTimer::timeout, this, &LoadDriver::dispatch);
    connect(&m_watchdog, &QTimer::timeout, this, &LoadDriver::checkDeadlines);
}

LoadDriver::~LoadDriver()
{
    for (Slot *slot : m_slots) {
        delete slot->call.data();
        delete slot->end.data();
        delete slot;
    }
}

void LoadDriver::start()
{
    m_rateClock.start();
    m_tick.start(kTickMs);
    m_watchdog.start(kWatchdogMs);
    for (Slot *slot : m_slots)
        begin(slot);
}

void LoadDriver::begin(Slot *slot)
{
    ++slot->generation;
    slot->id = QStringLiteral("%1-%2-%3").arg(m_config.prefix).arg(slot->index).arg(slot->generation);
    slot->script = LoadScript(m_config.seed * 1000003ULL + quint64(slot->index) * 7919ULL + quint64(slot->generation),
                              m_config.proxy);
    slot->callsLeft = m_config.churn ? m_random.bounded(m_config.minCalls, m_config.maxCalls + 1) : -1;
    // Quiet only after a file exists, so that coming back has something to find.
    slot->expireAt = m_config.churn && m_random.generateDouble() < m_config.expireShare
                             ? m_random.bounded(3, std::max(4, slot->callsLeft))
                             : -1;
    slot->revival = false;
    slot->endIssued = false;
    slot->used = false;
    ++m_stats.conversationsStarted;
    enqueue(slot);
}

void LoadDriver::enqueue(Slot *slot)
{
    slot->phase = Phase::Ready;
    m_ready.push_back(slot);
    if (m_config.rate <= 0)
        dispatch();
}

void LoadDriver::dispatch()
{
    if (m_config.rate > 0) {
        const double seconds = double(m_rateClock.nsecsElapsed()) / 1e9;
        m_rateClock.restart();
        // A burst of at most one second's worth after a stall of the event loop.
        m_tokens = std::min(m_tokens + seconds * m_config.rate, std::max(1.0, m_config.rate));
    }
    while (!m_ready.empty() && (m_config.rate <= 0 || m_tokens >= 1)) {
        Slot *slot = m_ready.front();
        m_ready.erase(m_ready.begin());
        m_tokens -= 1;
        if (slot->phase == Phase::Ready)
            issue(slot);
    }
}

void LoadDriver::issue(Slot *slot)
{
    if (m_stopping)
        return endConversation(slot);
    slot->step = slot->revival ? slot->script.revivalCheck() : slot->script.next();
    slot->stepName = slot->revival ? QStringLiteral("revival_read") : slot->step.tool;
    const QString tool = slot->step.tool == QLatin1String("proxy") ? QStringLiteral("bash") : slot->step.tool;
    slot->phase = Phase::Calling;
    slot->used = true;
    slot->clock.start();
    slot->call = m_executor->call(slot->id, QStringLiteral("c%1").arg(++m_callSerial), tool, slot->step.input);
    connect(slot->call, &ToolCall::finished, this, [this, slot] { onCallFinished(slot); });
    if (m_config.churn && slot->callsLeft == 1 && m_random.generateDouble() < m_config.midCallEndShare) {
        QTimer::singleShot(m_random.bounded(kMidCallEndMaxMs), this, [this, slot, call = slot->call] {
            if (slot->phase == Phase::Calling && slot->call == call && !slot->endIssued) {
                ++m_stats.endsMidCall;
                endConversation(slot);
            }
        });
    }
}

void LoadDriver::onCallFinished(Slot *slot)
{
    ToolCall *call = slot->call;
    slot->call = nullptr;
    const double ms = msSince(slot->clock);
    const QString why = call->error() ? call->error().code : slot->step.check(call->result());
    call->deleteLater();
    slot->step = {};
    if (!why.isEmpty())
        m_stats.failed(failureKind(slot->stepName, why), slot->endIssued);
    else
        m_stats.ok(slot->stepName, ms);
    if (slot->endIssued) {
        if (!slot->end)
            settle(slot); // the end that cut it is already done
        return;
    }
    if (!why.isEmpty())
        return endConversation(slot); // an unknown state: start over with a fresh conversation
    if (slot->revival) {
        slot->revival = false;
        ++m_stats.revived;
    } else {
        slot->script.advance();
        if (slot->callsLeft > 0)
            --slot->callsLeft;
    }
    afterCall(slot);
}

void LoadDriver::afterCall(Slot *slot)
{
    if (m_stopping || slot->callsLeft == 0)
        return endConversation(slot);
    if (slot->expireAt >= 0 && slot->callsLeft == slot->expireAt && slot->script.hasFile())
        return goQuiet(slot);
    enqueue(slot);
}

// Quiet for about the idle TTL plus up to two GC periods: some come back just
// before the sweep, most after it; those that end do it whenever they wake.
void LoadDriver::goQuiet(Slot *slot)
{
    slot->expireAt = -1;
    slot->phase = Phase::Paused;
    ++m_stats.expiries;
    const int ms = m_config.idleTtlS * 1000 + m_random.bounded(0, 2 * m_config.gcIntervalS * 1000 + 2000);
    slot->pause.disconnect();
    connect(&slot->pause, &QTimer::timeout, this, [this, slot] {
        if (m_stopping || m_random.generateDouble() < 0.5)
            return endConversation(slot);
        slot->revival = true;
        enqueue(slot);
    });
    slot->pause.start(ms);
}

void LoadDriver::endConversation(Slot *slot)
{
    slot->pause.stop();
    m_ready.erase(std::remove(m_ready.begin(), m_ready.end(), slot), m_ready.end());
    slot->endIssued = true;
    // A conversation that never got a call does not exist: ending it would
    // rightly fail with conversation_not_found.
    if (!slot->used) {
        ++m_stats.conversationsEnded;
        return settle(slot);
    }
    if (slot->phase != Phase::Calling)
        slot->phase = Phase::Ending;
    // An end racing a sweep that may remove the same container.
    if (m_config.churn && m_random.generateDouble() < 0.25) {
        ++m_stats.gcSweeps;
        ++m_gcPending;
        ToolCall *gc = m_executor->collectGarbage();
        connect(gc, &ToolCall::finished, this, [this, gc] {
            if (gc->error())
                m_stats.failed(failureKind(QStringLiteral("gc"), gc->error().code), false);
            gc->deleteLater();
            --m_gcPending;
            maybeFinish();
        });
    }
    slot->end = m_executor->endConversation(slot->id, true);
    if (slot->phase == Phase::Ending)
        slot->clock.start();
    connect(slot->end, &ToolCall::finished, this, [this, slot] { onEnded(slot); });
}

void LoadDriver::onEnded(Slot *slot)
{
    ToolCall *end = slot->end;
    slot->end = nullptr;
    if (end->error())
        m_stats.failed(failureKind(QStringLiteral("end"), end->error().code), false);
    end->deleteLater();
    ++m_stats.conversationsEnded;
    if (!slot->call) // else the call this end cut finishes it
        settle(slot);
}

// The conversation is over: the next one starts in its place, unless the run ends.
void LoadDriver::settle(Slot *slot)
{
    slot->phase = Phase::Done;
    if (m_stopping || !m_config.churn)
        return maybeFinish();
    begin(slot);
}

void LoadDriver::checkDeadlines()
{
    for (Slot *slot : m_slots) {
        if ((slot->phase != Phase::Calling && slot->phase != Phase::Ending)
            || slot->clock.elapsed() < m_config.callDeadlineMs)
            continue;
        // Hung: given up on, counted, and the conversation abandoned.
        const bool ending = slot->end != nullptr;
        m_stats.failed(failureKind(ending ? QStringLiteral("end") : slot->stepName, QStringLiteral("hung")), false);
        delete slot->call.data();
        delete slot->end.data();
        settle(slot);
    }
}

void LoadDriver::stop()
{
    m_stopping = true;
    // Sweeps asked for and never answered: hung too.
    QTimer::singleShot(m_config.callDeadlineMs, this, [this] {
        if (m_gcPending > 0 && m_tick.isActive()) {
            m_stats.failed(failureKind(QStringLiteral("gc"), QStringLiteral("hung")), false);
            m_gcPending = 0;
            maybeFinish();
        }
    });
    m_ready.clear();
    for (Slot *slot : m_slots)
        if (slot->phase == Phase::Ready || slot->phase == Phase::Paused)
            endConversation(slot);
    maybeFinish();
}

void LoadDriver::maybeFinish()
{
    if (!m_stopping || m_gcPending > 0 || !m_tick.isActive())
        return;
    for (const Slot *slot : m_slots)
        if (slot->phase != Phase::Done)
            return;
    m_tick.stop();
    m_watchdog.stop();
    Q_EMIT finished();
}

int LoadDriver::alive() const
{
    return int(std::count_if(m_slots.begin(), m_slots.end(), [](const Slot *s) { return s->phase != Phase::Done; }));
}

int LoadDriver::inFlight() const
{
    return int(std::count_if(m_slots.begin(), m_slots.end(),
                             [](const Slot *s) { return s->phase == Phase::Calling || s->phase == Phase::Ending; }));
}

qint64 LoadDriver::bookkeepingBytes() const
{
    qint64 bytes = qint64(m_slots.capacity() + m_ready.capacity()) * qint64(sizeof(void *));
    bytes += qint64(m_slots.size()) * qint64(sizeof(Slot));
    bytes += qint64(m_stats.latency.size()) * qint64(Reservoir::kCapacity * sizeof(double) + sizeof(Reservoir));
    return bytes;
}

} // namespace hako::bench
