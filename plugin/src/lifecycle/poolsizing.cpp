#include "poolsizing.h"

#include <algorithm>

namespace hako {

void ArrivalHistory::record(qint64 nowMs, qint64 windowMs)
{
    forget(nowMs, windowMs);
    m_times.push_back(nowMs);
}

void ArrivalHistory::forget(qint64 nowMs, qint64 windowMs)
{
    while (!m_times.empty() && m_times.front() <= nowMs - windowMs)
        m_times.pop_front();
}

int ArrivalHistory::countSince(qint64 nowMs, qint64 windowMs) const
{
    const auto first = std::upper_bound(m_times.begin(), m_times.end(), nowMs - windowMs);
    return int(std::distance(first, m_times.end()));
}

qint64 ArrivalHistory::nextChangeMs(qint64 nowMs, qint64 windowMs) const
{
    const auto first = std::upper_bound(m_times.begin(), m_times.end(), nowMs - windowMs);
    return first == m_times.end() ? -1 : *first + windowMs;
}

int poolTarget(const ArrivalHistory &history, qint64 nowMs, const PoolBounds &bounds)
{
    if (!bounds.isAdaptive())
        return bounds.min;
    return std::clamp(history.countSince(nowMs, bounds.windowMs), bounds.min, bounds.max);
}

} // namespace hako
