#include "ratebudget.h"

namespace hako::proxy {

namespace {

constexpr qint64 kWindowMs = 60 * 1000;

} // namespace

RateBudget::RateBudget(int requestsPerMinute) : m_limit(requestsPerMinute)
{
    m_clock.start();
}

void RateBudget::prune(std::deque<qint64> &admitted, qint64 nowMs) const
{
    while (!admitted.empty() && nowMs - admitted.front() >= kWindowMs)
        admitted.pop_front();
}

bool RateBudget::admit(const QString &socket, qint64 nowMs)
{
    if (m_limit <= 0)
        return true;
    std::deque<qint64> &admitted = m_admitted[socket];
    prune(admitted, nowMs);
    if (qsizetype(admitted.size()) >= m_limit)
        return false;
    admitted.push_back(nowMs);
    return true;
}

int RateBudget::admittedLastMinute(const QString &socket, qint64 nowMs)
{
    const auto it = m_admitted.find(socket);
    if (it == m_admitted.end())
        return 0;
    prune(*it, nowMs);
    return int(it->size());
}

void RateBudget::forget(const QString &socket)
{
    m_admitted.remove(socket);
}

} // namespace hako::proxy
