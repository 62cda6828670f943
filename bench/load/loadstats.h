// What a load run counts, in memory that does not grow with the run's length:
// per tool a fixed-size reservoir of latencies (uniform sample of every call,
// Vitter's algorithm R) plus exact count, mean, min and max; errors by kind.
// A soak that keeps every sample would show its own bookkeeping as a leak.
#pragma once

#include "benchstats.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <cstdint>
#include <vector>

namespace hako::bench {

class Reservoir
{
public:
    static constexpr std::size_t kCapacity = 4096;

    Reservoir() { m_samples.reserve(kCapacity); }
    void add(double ms);
    std::uint64_t count() const { return m_count; }
    // p50/p90/p99 from the sample; mean, min and max exact.
    Stats stats() const;

private:
    std::vector<double> m_samples;
    std::uint64_t m_count = 0;
    std::uint64_t m_rng = 0x9e3779b97f4a7c15ULL;
    double m_sum = 0, m_min = 0, m_max = 0;
};

struct LoadStats
{
    QMap<QString, Reservoir> latency; // tool -> latency of successful calls
    QMap<QString, qint64> unforced;   // "tool:error code" -> count
    QMap<QString, qint64> forced;     // the same, for calls the driver cut on purpose
    qint64 calls = 0;                 // finished tool calls, every outcome
    qint64 conversationsStarted = 0;
    qint64 conversationsEnded = 0;
    qint64 expiries = 0;    // conversations left idle past the idle TTL
    qint64 revived = 0;     // of them, ones that came back and found their files
    qint64 endsMidCall = 0; // endConversation while a call was in flight
    qint64 gcSweeps = 0;    // sweeps the driver asked for next to an end

    void ok(const QString &tool, double ms) { ++calls, latency[tool].add(ms); }
    void failed(const QString &kind, bool wasForced) { ++calls, ++(wasForced ? forced : unforced)[kind]; }
    qint64 unforcedTotal() const;
    qint64 forcedTotal() const;
    QJsonObject toJson(double seconds) const;
};

} // namespace hako::bench
