#include "loadstats.h"

#include <cmath>

namespace hako::bench {
namespace {

qint64 total(const QMap<QString, qint64> &counts)
{
    qint64 sum = 0;
    for (qint64 n : counts)
        sum += n;
    return sum;
}

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject o;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        o.insert(it.key(), double(it.value()));
    return o;
}

} // namespace

void Reservoir::add(double ms)
{
    m_sum += ms;
    m_min = m_count == 0 ? ms : std::min(m_min, ms);
    m_max = m_count == 0 ? ms : std::max(m_max, ms);
    ++m_count;
    if (m_samples.size() < kCapacity)
        return m_samples.push_back(ms);
    // xorshift64: a replacement index uniform in [0, count).
    m_rng ^= m_rng << 13;
    m_rng ^= m_rng >> 7;
    m_rng ^= m_rng << 17;
    if (const std::uint64_t slot = m_rng % m_count; slot < kCapacity)
        m_samples[slot] = ms;
}

Stats Reservoir::stats() const
{
    Stats s = statsOf(QList<double>(m_samples.begin(), m_samples.end()));
    if (m_count > 0) {
        s.mean = m_sum / double(m_count);
        s.min = m_min;
        s.max = m_max;
    }
    return s;
}

qint64 LoadStats::unforcedTotal() const
{
    return total(unforced);
}
qint64 LoadStats::forcedTotal() const
{
    return total(forced);
}

QJsonObject LoadStats::toJson(double seconds) const
{
    QJsonObject tools;
    for (auto it = latency.begin(); it != latency.end(); ++it) {
        QJsonObject o = it.value().stats().toJson();
        o.insert(QStringLiteral("ok"), double(it.value().count()));
        tools.insert(it.key(), o);
    }
    return {{QStringLiteral("calls"), double(calls)},
            {QStringLiteral("calls_per_s"), seconds > 0 ? std::round(double(calls) / seconds * 100) / 100 : 0.0},
            {QStringLiteral("latency"), tools},
            {QStringLiteral("unforced_failures"), double(unforcedTotal())},
            {QStringLiteral("forced_failures"), double(forcedTotal())},
            {QStringLiteral("errors_unforced"), countsJson(unforced)},
            {QStringLiteral("errors_forced"), countsJson(forced)},
            {QStringLiteral("conversations_started"), double(conversationsStarted)},
            {QStringLiteral("conversations_ended"), double(conversationsEnded)},
            {QStringLiteral("expiries"), double(expiries)},
            {QStringLiteral("revived_after_expiry"), double(revived)},
            {QStringLiteral("ends_mid_call"), double(endsMidCall)},
            {QStringLiteral("gc_sweeps_next_to_end"), double(gcSweeps)}};
}

} // namespace hako::bench
