#include "burst.h"

#include "benchstats.h"

#include <hako/toolcall.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace hako::bench {
namespace {

constexpr double kTargetRatio = 10.0;
constexpr int kWarmCalls = 20;
constexpr int kFillBoundMs = 300000;

void pauseFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// `echo hi` in each of `conversations` at once; ms of each, or a failure.
QList<double> callAll(ToolExecutor *executor, const QStringList &conversations, QString *failure)
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<ToolCall>> calls;
    QList<double> ms(conversations.size(), -1);
    int pending = int(conversations.size());
    for (qsizetype i = 0; i < conversations.size(); ++i) {
        calls.emplace_back(executor->call(conversations[i], QStringLiteral("c%1").arg(i), QStringLiteral("bash"),
                                          {{QStringLiteral("command"), QStringLiteral("echo hi")}}));
        QObject::connect(calls.back().get(), &ToolCall::finished, calls.back().get(), [&, i] {
            ms[i] = msSince(clock);
            --pending;
        });
    }
    while (pending > 0 && clock.elapsed() < kFillBoundMs)
        pauseFor(5);
    for (const auto &call : calls)
        if (!call->isFinished() || call->error()
            || call->result().value(QLatin1String("stdout")).toString() != QLatin1String("hi\n"))
            *failure = call->conversationId() + QStringLiteral(": ")
                       + (call->isFinished() ? call->error().logMessage : QStringLiteral("hung"));
    return ms;
}

int poolReady(ToolExecutor *executor)
{
    return executor->health().value(QLatin1String("pool")).toObject().value(QLatin1String("ready")).toInt();
}

} // namespace

bool runBurst(ToolExecutor *executor, const QJsonObject &paths, int burst, QJsonObject *json, QString *failure)
{
    QJsonObject settings = paths;
    settings.insert(QStringLiteral("pool.min"), 1);
    settings.insert(QStringLiteral("pool.max"), burst);
    if (!executor->configure(settings).isEmpty())
        return *failure = QStringLiteral("configure failed"), false;
    executor->start();
    // Warm-up: new conversations one after another, each answered before the next.
    QStringList warm, all;
    for (int i = 0; i < burst && failure->isEmpty(); ++i) {
        warm << QStringLiteral("warmup-%1").arg(i);
        callAll(executor, {warm.last()}, failure);
    }
    QElapsedTimer fill;
    fill.start();
    while (failure->isEmpty() && poolReady(executor) < burst && fill.elapsed() < kFillBoundMs)
        pauseFor(50);
    if (failure->isEmpty() && poolReady(executor) < burst)
        *failure = QStringLiteral("the pool did not grow to %1").arg(burst);
    pauseFor(1000);
    QList<double> warmCalls;
    for (int i = 0; i < kWarmCalls && failure->isEmpty(); ++i)
        warmCalls << callAll(executor, {warm.first()}, failure);
    QStringList fresh;
    for (int i = 0; i < burst; ++i)
        fresh << QStringLiteral("burst-%1").arg(i);
    const QList<double> firstCalls = failure->isEmpty() ? callAll(executor, fresh, failure) : QList<double>();
    for (const QString &c : warm + fresh) {
        std::unique_ptr<ToolCall> end(executor->endConversation(c, true));
        QEventLoop loop;
        QObject::connect(end.get(), &ToolCall::finished, &loop, &QEventLoop::quit);
        if (!end->isFinished())
            loop.exec();
    }
    if (!failure->isEmpty())
        return false;
    const Stats w = statsOf(warmCalls), b = statsOf(firstCalls);
    const double ratio = w.p50 > 0 ? b.p50 / w.p50 : 0;
    std::printf("bench_pool --burst %d: adaptive pool (pool.min 1, pool.max %d) after %d new conversations\n", burst,
                burst, burst);
    std::printf("warm call   p50 %8.2f  p90 %8.2f  max %8.2f ms (n=%d)\n", w.p50, w.p90, w.max, int(warmCalls.size()));
    std::printf("burst first p50 %8.2f  p90 %8.2f  max %8.2f ms (n=%d at once)\n", b.p50, b.p90, b.max, burst);
    std::printf("ratio of p50s (burst first call / warm call): %.1fx (target <= %.0fx): %s\n", ratio, kTargetRatio,
                ratio <= kTargetRatio ? "met" : "MISSED");
    *json = {{QStringLiteral("burst"), burst},
             {QStringLiteral("warm"), w.toJson()},
             {QStringLiteral("burst_first_call"), b.toJson()},
             {QStringLiteral("ratio_p50"), std::round(ratio * 10) / 10},
             {QStringLiteral("target_ratio"), kTargetRatio},
             {QStringLiteral("target_met"), ratio <= kTargetRatio}};
    return true;
}

} // namespace hako::bench
