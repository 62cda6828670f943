// bench_load soak: the LoadDriver with churn for a duration, the heap sampled
// every --sample seconds; the trend is fitted to the samples after warm-up.
#include "loaddriver.h"
#include "loadmodes.h"
#include "memprobe.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>

namespace hako::bench {

int runSoak(const LoadRun &run, const LoadOptions &options, QJsonObject *report)
{
    LoadConfig config;
    config.conversations = options.conversations;
    config.rate = options.rate;
    config.churn = true;
    config.idleTtlS = options.idleTtlS;
    config.gcIntervalS = options.gcIntervalS;
    config.proxy = options.proxy;
    config.prefix = QStringLiteral("soak");
    LoadDriver driver(run.executor, config);

    const int samples = options.durationS / options.sampleS + 2;
    QList<double> minutes, heapKiB, rssKiB;
    minutes.reserve(samples), heapKiB.reserve(samples), rssKiB.reserve(samples);
    QJsonArray perMinute;
    QElapsedTimer clock;
    clock.start();
    driver.start();
    int nextSample = options.sampleS, nextMinute = 60;
    while (clock.elapsed() < qint64(options.durationS) * 1000) {
        pauseFor(200);
        const qint64 s = clock.elapsed() / 1000;
        if (s >= nextSample) {
            nextSample += options.sampleS;
            if (s >= options.warmupS) {
                minutes << double(clock.elapsed()) / 60000.0;
                heapKiB << kib(heapInUse());
                rssKiB << double(residentOf(QStringLiteral("self")).rssKiB);
            }
        }
        if (s >= nextMinute) {
            nextMinute += 60;
            const LoadStats &st = driver.stats();
            const AgentMemory agents = agentMemory(run.instance);
            const double heap = kib(heapInUse());
            std::printf("[%3lld min] calls %lld (%.1f/s), unforced %lld, forced %lld, conversations %lld started, "
                        "alive %d; agents running %d, mean RSS %.0f KiB; heap %.0f KiB\n",
                        (long long)(s / 60), (long long)st.calls, double(st.calls) / double(s),
                        (long long)st.unforcedTotal(), (long long)st.forcedTotal(), (long long)st.conversationsStarted,
                        driver.alive(), agents.count, agents.meanRssKiB, heap);
            std::fflush(stdout);
            perMinute.append(QJsonObject{{QStringLiteral("minute"), double(s / 60)},
                                         {QStringLiteral("heap_kib"), std::round(heap)},
                                         {QStringLiteral("calls"), double(st.calls)},
                                         {QStringLiteral("agents"), agents.count},
                                         {QStringLiteral("agent_mean_rss_kib"), std::round(agents.meanRssKiB)},
                                         {QStringLiteral("agent_max_rss_kib"), agents.maxRssKiB}});
        }
    }
    const double seconds = double(clock.elapsed()) / 1000.0;
    bool drained = false;
    QObject::connect(&driver, &LoadDriver::finished, [&] { drained = true; });
    driver.stop();
    QElapsedTimer bound;
    bound.start();
    while (!drained && bound.elapsed() < 600000)
        pauseFor(100);
    const double drainSeconds = double(bound.elapsed()) / 1000.0;
    // Conversations that expired are ended, but a sweep may still be removing the last of them.
    pauseFor(options.gcIntervalS * 1000 + 2000);
    const Leftovers left = leftovers(run.instance, run.setup->runtimeDir(), run.setup->workspacesDir());

    const Trend heap = trendOf(minutes, heapKiB);
    const Trend rss = trendOf(minutes, rssKiB);
    const double span = minutes.isEmpty() ? 0 : minutes.last() - minutes.first();
    const LoadStats &st = driver.stats();
    int verified = 0;
    const int proxied = run.setup->standInRequests(&verified);
    std::printf(
            "bench_load soak: %d conversations, %.0f s, rate %.1f/s, idle TTL %d s, GC every %d s, absolute TTL %d s\n",
            options.conversations, seconds, options.rate, options.idleTtlS, options.gcIntervalS, options.absoluteTtlS);
    std::printf("calls %lld (%.2f/s); unforced failures %lld; forced %lld; conversations %lld started, %lld ended; "
                "expiries %lld (%lld came back to their files); ends mid-call %lld; sweeps next to an end %lld\n",
                (long long)st.calls, double(st.calls) / seconds, (long long)st.unforcedTotal(),
                (long long)st.forcedTotal(), (long long)st.conversationsStarted, (long long)st.conversationsEnded,
                (long long)st.expiries, (long long)st.revived, (long long)st.endsMidCall, (long long)st.gcSweeps);
    for (auto it = st.latency.begin(); it != st.latency.end(); ++it) {
        const Stats s = it.value().stats();
        std::printf("  %-28s ok %7llu  p50 %8.1f  p90 %8.1f  p99 %8.1f  max %8.1f ms\n", qPrintable(it.key()),
                    (unsigned long long)it.value().count(), s.p50, s.p90, s.p99, s.max);
    }
    for (auto it = st.unforced.begin(); it != st.unforced.end(); ++it)
        std::printf("  unforced %s: %lld\n", qPrintable(it.key()), (long long)it.value());
    for (auto it = st.forced.begin(); it != st.forced.end(); ++it)
        std::printf("  forced %s: %lld\n", qPrintable(it.key()), (long long)it.value());
    std::printf("proxy: %d requests reached the stand-in, %d with a valid signature\n", proxied, verified);
    std::printf("heap after warm-up (%d samples over %.1f min): slope %+.2f KiB/min (%+.0f KiB over the span), "
                "spread %.0f KiB; RSS slope %+.2f KiB/min; driver bookkeeping %.0f KiB\n",
                heap.points, span, heap.slope, heap.slope * span, heap.residualStd, rss.slope,
                kib(driver.bookkeepingBytes()));
    std::printf("drained in %.1f s; left before shutdown(): containers %d, socket dirs %lld, workspace mounts %lld, "
                "entries %lld\n",
                drainSeconds, left.containers, (long long)left.socketDirs.size(),
                (long long)left.workspaceMounts.size(), (long long)left.workspaceFiles.size());
    QJsonObject json = st.toJson(seconds);
    json.insert(QStringLiteral("duration_s"), std::round(seconds));
    json.insert(QStringLiteral("rate"), options.rate);
    json.insert(QStringLiteral("heap_slope_kib_per_min"), std::round(heap.slope * 100) / 100);
    json.insert(QStringLiteral("heap_change_over_span_kib"), std::round(heap.slope * span));
    json.insert(QStringLiteral("heap_spread_kib"), std::round(heap.residualStd));
    json.insert(QStringLiteral("heap_samples"), heap.points);
    json.insert(QStringLiteral("heap_first_kib"), heapKiB.isEmpty() ? 0.0 : std::round(heapKiB.first()));
    json.insert(QStringLiteral("heap_last_kib"), heapKiB.isEmpty() ? 0.0 : std::round(heapKiB.last()));
    json.insert(QStringLiteral("rss_slope_kib_per_min"), std::round(rss.slope * 100) / 100);
    json.insert(QStringLiteral("driver_bookkeeping_kib"), std::round(kib(driver.bookkeepingBytes())));
    json.insert(QStringLiteral("heap_empty_plugin_kib"), std::round(kib(run.heapEmptyPlugin - run.heapBeforePlugin)));
    json.insert(QStringLiteral("per_minute"), perMinute);
    json.insert(QStringLiteral("proxy_requests"), proxied);
    json.insert(QStringLiteral("proxy_verified"), verified);
    json.insert(QStringLiteral("drained"), drained);
    json.insert(QStringLiteral("leftovers_before_shutdown"), left.toJson());
    *report = json;
    return st.unforcedTotal() == 0 && drained && left.clean() ? 0 : 1;
}

} // namespace hako::bench
