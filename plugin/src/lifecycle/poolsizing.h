// How many warm containers to keep: a pure function of when new conversations
// arrived, so that the rule is tested without containers or clocks. The pool
// holds as many as arrived within the last window, between pool.min and
// pool.max: a burst that came once is likely to come again within the
// window, and an idle pool shrinks back to pool.min as arrivals age out of it.
#pragma once

#include <QtGlobal>

#include <deque>

namespace hako {

struct PoolBounds
{
    int min = 0;
    int max = 0;
    qint64 windowMs = 60000;
    bool isAdaptive() const { return max > min; }
};

class ArrivalHistory
{
public:
    // Arrivals older than `windowMs` before `nowMs` are forgotten.
    void record(qint64 nowMs, qint64 windowMs);
    // Arrivals within the window before `nowMs`.
    int countSince(qint64 nowMs, qint64 windowMs) const;
    // When the oldest arrival still counted leaves the window; -1 with none.
    qint64 nextChangeMs(qint64 nowMs, qint64 windowMs) const;
    // Arrivals kept: at most those of one window, however long the pool runs.
    qsizetype size() const { return qsizetype(m_times.size()); }

private:
    void forget(qint64 nowMs, qint64 windowMs);
    std::deque<qint64> m_times; // ascending
};

// The number of warm containers to hold now.
int poolTarget(const ArrivalHistory &history, qint64 nowMs, const PoolBounds &bounds);

} // namespace hako
