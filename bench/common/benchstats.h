// Summary statistics every benchmark reports the same way: nearest-rank
// percentiles, mean, min and max of samples in milliseconds.
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>

#include <algorithm>
#include <cmath>

namespace hako::bench {

struct Stats
{
    double p50 = 0, p90 = 0, p99 = 0, mean = 0, min = 0, max = 0;

    QJsonObject toJson() const
    {
        const auto r = [](double v) { return std::round(v * 1000.0) / 1000.0; };
        return {{QStringLiteral("p50_ms"), r(p50)}, {QStringLiteral("p90_ms"), r(p90)},
                {QStringLiteral("p99_ms"), r(p99)}, {QStringLiteral("mean_ms"), r(mean)},
                {QStringLiteral("min_ms"), r(min)}, {QStringLiteral("max_ms"), r(max)}};
    }
};

// Nearest-rank percentile: the smallest sample with at least p of them at or below it.
inline double percentile(const QList<double> &sorted, double p)
{
    const qsizetype rank = qsizetype(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1)];
}

inline Stats statsOf(QList<double> v)
{
    Stats s;
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    s.p50 = percentile(v, 0.50);
    s.p90 = percentile(v, 0.90);
    s.p99 = percentile(v, 0.99);
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / double(v.size());
    s.min = v.first();
    s.max = v.last();
    return s;
}

inline double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace hako::bench
