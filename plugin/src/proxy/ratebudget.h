// A conversation's request budget: at most `requestsPerMinute` requests
// admitted in any sliding minute, per listening socket (one socket is one
// conversation's sandbox). A request past it is refused with 429
// budget_exhausted before it is forwarded; the socket's count goes when the
// socket is closed.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <deque>

namespace hako::proxy {

class RateBudget
{
public:
    explicit RateBudget(int requestsPerMinute); // 0: no limit

    qint64 now() const { return m_clock.elapsed(); } // monotonic, ms
    // Counts a request at nowMs and says whether it fits.
    bool admit(const QString &socket, qint64 nowMs);
    int admittedLastMinute(const QString &socket, qint64 nowMs);
    void forget(const QString &socket);

private:
    void prune(std::deque<qint64> &admitted, qint64 nowMs) const;

    int m_limit;
    QElapsedTimer m_clock;
    QHash<QString, std::deque<qint64>> m_admitted; // at most m_limit times each
};

} // namespace hako::proxy
