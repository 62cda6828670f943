#include "eventthrottle.h"

#include <QElapsedTimer>

namespace hako::telemetry {
namespace {

qint64 monotonicMs()
{
    static const QElapsedTimer start = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return start.elapsed();
}

} // namespace

EventThrottle::EventThrottle(qint64 intervalMs, Clock clock)
    : m_intervalMs(intervalMs), m_clock(clock ? std::move(clock) : Clock(monotonicMs))
{}

qint64 EventThrottle::record(const QString &key)
{
    const qint64 now = m_clock();
    const auto it = m_keys.find(key);
    if (it == m_keys.end()) {
        m_keys.insert(key, {now, 0});
        return 1;
    }
    if (now - it->lastLine < m_intervalMs) {
        ++it->held;
        return 0;
    }
    const qint64 count = it->held + 1;
    *it = {now, 0};
    return count;
}

QList<EventThrottle::Line> EventThrottle::due()
{
    const qint64 now = m_clock();
    QList<Line> lines;
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (now - it->lastLine < m_intervalMs) {
            ++it;
        } else if (it->held > 0) {
            lines.append({it.key(), it->held});
            *it = {now, 0};
            ++it;
        } else {
            it = m_keys.erase(it);
        }
    }
    return lines;
}

QList<EventThrottle::Line> EventThrottle::drain(const QString &prefix)
{
    QList<Line> lines;
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (!it.key().startsWith(prefix)) {
            ++it;
            continue;
        }
        if (it->held > 0)
            lines.append({it.key(), it->held});
        it = m_keys.erase(it);
    }
    return lines;
}

} // namespace hako::telemetry
