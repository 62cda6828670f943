// Drives many conversations through a ToolExecutor at once, each an agent
// working through its LoadScript one call at a time, at an overall call rate.
// With churn (the soak), conversations also end after a random number of
// calls (some with a call still in flight), and some go quiet past the idle
// TTL so that GC reaps their container, then either come back (their files
// must still be there) or are ended, at times next to a GC sweep they ask for.
// Failures of calls the driver cut itself (an end issued mid-call) count as
// forced; everything else that fails, hangs or answers wrongly is unforced.
#pragma once

#include "loadscript.h"
#include "loadstats.h"

#include <hako/toolexecutor.h>

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <vector>

namespace hako::bench {

struct LoadConfig
{
    int conversations = 10;
    double rate = 0; // calls per second, all conversations together; 0: no limit
    bool churn = false;
    int minCalls = 10, maxCalls = 60; // a conversation's length, with churn
    double expireShare = 0.25;        // conversations that go idle past the TTL once
    double midCallEndShare = 0.1;     // conversations ended with their last call in flight
    int idleTtlS = 30, gcIntervalS = 10;
    bool proxy = false;
    int callDeadlineMs = 300000; // a call or end not finished by then counts as hung
    QString prefix = QStringLiteral("load");
    quint64 seed = 1;
};

class LoadDriver final : public QObject
{
    Q_OBJECT
public:
    LoadDriver(ToolExecutor *executor, const LoadConfig &config, QObject *parent = nullptr);
    ~LoadDriver() override;

    void start();
    // No new call starts; every conversation is ended; finished() follows.
    void stop();
    const LoadStats &stats() const { return m_stats; }
    int alive() const;    // conversations started and not yet ended
    int inFlight() const; // calls and ends running now
    // What the driver itself keeps on the heap, in bytes (fixed once every tool has been seen).
    qint64 bookkeepingBytes() const;

Q_SIGNALS:
    void finished();

private:
    enum class Phase { Ready, Calling, Paused, Ending, Done };
    struct Slot
    {
        int index = 0;
        int generation = 0;
        QString id;
        Phase phase = Phase::Done;
        LoadScript script;
        int callsLeft = 0;
        int expireAt = -1;    // the call count at which it goes quiet
        bool revival = false; // the next call checks files after an expiry
        bool endIssued = false;
        bool used = false; // a call was issued in this conversation
        QString stepName;
        ScriptStep step;
        QPointer<ToolCall> call;
        QPointer<ToolCall> end;
        QElapsedTimer clock; // of the call or end in flight
        QTimer pause;
    };

    void begin(Slot *slot);
    void enqueue(Slot *slot);
    void dispatch();
    void issue(Slot *slot);
    void onCallFinished(Slot *slot);
    void afterCall(Slot *slot);
    void goQuiet(Slot *slot);
    void endConversation(Slot *slot);
    void onEnded(Slot *slot);
    void settle(Slot *slot);
    void checkDeadlines();
    void maybeFinish();

    ToolExecutor *m_executor;
    LoadConfig m_config;
    LoadStats m_stats;
    QRandomGenerator m_random;
    std::vector<Slot *> m_slots;
    std::vector<Slot *> m_ready; // FIFO of conversations waiting for the rate
    QTimer m_tick;
    QTimer m_watchdog;
    QElapsedTimer m_rateClock;
    double m_tokens = 0;
    int m_gcPending = 0;
    bool m_stopping = false;
    quint64 m_callSerial = 0;
};

} // namespace hako::bench
