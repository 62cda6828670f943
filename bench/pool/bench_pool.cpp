// First-call latency of a new conversation: with a warm container waiting in
// the pool, against creating its container cold (issue 4, must-show 6).
//
//   cold  pool.size=0: call() of `echo hi` in a conversation never seen
//         before, timed from call() to ToolCall::finished(): docker ps, the
//         workspace (image, mkfs, mount as root), docker run, the agent's
//         start, the call itself
//   pool  pool.size=P: the same, with a warm container ready: the hand-over
//         (claim record, workspace and socket directory moved), the agent's
//         Hello, the call itself; the rename to the conversation's name runs after
//
// Both in one run, in alternating blocks (R rounds of N cold then N pool
// calls) so that both share the machine's state. Between two samples the
// benchmark ends the conversation (deleting its workspace), waits for the
// pool to be full again and lets the engine settle, none of it timed. The
// plugin is loaded from build/plugins/libhako.so and configured with fresh
// temporary paths, so its containers are its own; shutdown() removes them.
//
// Usage: bench_pool [--rounds R] [--per-block N] [--pool P]   (3, 10, 1)
//        bench_pool --burst N   an adaptive pool under a burst (burst.h)
// Prints a table, then one JSON line (the last line of stdout). Exit status:
// 0 when every call succeeded, 1 if one failed, 2 if the set-up failed.
#include "benchstats.h"
#include "burst.h"
#include "common/pluginhost.h"

#include <hako/toolcall.h>
#include <hako/toolexecutor.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <cstdio>

using hako::ToolCall;
using hako::ToolExecutor;
using hako::bench::msSince;
using hako::bench::Stats;
using hako::bench::statsOf;

namespace {

constexpr double kTargetRatio = 20.0;
constexpr int kSettleMs = 1000; // background work (rm, rename, refill) ends before the next sample

volatile std::sig_atomic_t g_interrupted = 0;
void onSignal(int)
{
    g_interrupted = 1;
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Waits for a call; returns its time in ms, or -1 with `failure` set.
double timedCall(ToolExecutor *executor, const QString &conversation, QString *failure)
{
    QElapsedTimer timer;
    timer.start();
    ToolCall *call = executor->call(conversation, QStringLiteral("first"), QStringLiteral("bash"),
                                    {{QStringLiteral("command"), QStringLiteral("echo hi")}});
    double ms = 0;
    QEventLoop loop;
    QObject::connect(call, &ToolCall::finished, &loop, [&] {
        ms = msSince(timer);
        loop.quit();
    });
    loop.exec();
    if (call->error())
        *failure = conversation + QStringLiteral(": ") + call->error().logMessage;
    else if (call->result().value(QLatin1String("stdout")).toString() != QLatin1String("hi\n"))
        *failure = conversation + QStringLiteral(": unexpected ")
                   + QString::fromUtf8(QJsonDocument(call->result()).toJson(QJsonDocument::Compact));
    delete call;
    return failure->isEmpty() ? ms : -1;
}

void await(ToolCall *call)
{
    QEventLoop loop;
    QObject::connect(call, &ToolCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    delete call;
}

int poolReady(ToolExecutor *executor)
{
    return executor->health().value(QLatin1String("pool")).toObject().value(QLatin1String("ready")).toInt();
}

bool waitForPool(ToolExecutor *executor, int size)
{
    QElapsedTimer clock;
    clock.start();
    while (poolReady(executor) < size && !g_interrupted) {
        if (clock.elapsed() > 120000)
            return false;
        pause(50);
    }
    return !g_interrupted;
}

struct Run
{
    QList<double> cold;
    QList<double> pool;
    QString failure;
};

void measure(ToolExecutor *executor, const QJsonObject &paths, int rounds, int perBlock, int poolSize, Run *run)
{
    for (int round = 0; round < rounds && run->failure.isEmpty() && !g_interrupted; ++round) {
        for (const bool warm : {false, true}) {
            QJsonObject settings = paths;
            settings.insert(QStringLiteral("pool.size"), warm ? poolSize : 0);
            if (!executor->configure(settings).isEmpty())
                return void(run->failure = QStringLiteral("configure failed"));
            executor->start();
            for (int i = 0; i < perBlock && run->failure.isEmpty() && !g_interrupted; ++i) {
                if (warm && !waitForPool(executor, poolSize))
                    return void(run->failure = QStringLiteral("the pool did not fill within 120 s"));
                pause(kSettleMs);
                const QString conversation = QStringLiteral("%1-%2-%3")
                                                     .arg(warm ? QStringLiteral("pool") : QStringLiteral("cold"))
                                                     .arg(round)
                                                     .arg(i);
                const double ms = timedCall(executor, conversation, &run->failure);
                if (ms >= 0)
                    (warm ? run->pool : run->cold).append(ms);
                pause(kSettleMs); // the rename to the conversation's name
                await(executor->endConversation(conversation, true));
            }
        }
    }
}

QString dockerOut(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void printRow(const char *label, const Stats &s, qsizetype n)
{
    std::printf("%-6s n=%-4lld p50 %9.2f  p90 %9.2f  mean %9.2f  min %9.2f  max %9.2f ms\n", label, (long long)n, s.p50,
                s.p90, s.mean, s.min, s.max);
}

int usage(const char *problem)
{
    if (problem)
        std::fprintf(stderr, "bench_pool: %s\n", problem);
    std::fprintf(stderr, "usage: bench_pool [--rounds R] [--per-block N] [--pool P] | --burst N\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int rounds = 3, perBlock = 10, poolSize = 1, burst = 0;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        int *target = args[i] == QLatin1String("--rounds")      ? &rounds
                      : args[i] == QLatin1String("--per-block") ? &perBlock
                      : args[i] == QLatin1String("--pool")      ? &poolSize
                      : args[i] == QLatin1String("--burst")     ? &burst
                                                                : nullptr;
        bool ok = false;
        if (target && i + 1 < args.size())
            *target = args[++i].toInt(&ok);
        if (!ok || *target < 1)
            return usage(qPrintable(QStringLiteral("bad argument %1").arg(args[i])));
    }
    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/hako-bench-pool-XXXXXX"));
    hako::host::PluginHost host;
    if (!temp.isValid())
        return usage(qPrintable(temp.errorString()));
    if (const hako::Error e = host.load(QString()))
        return usage(qPrintable(e.logMessage));
    ToolExecutor *executor = host.executor();
    const QJsonObject paths = {{QStringLiteral("paths.runtime"), temp.filePath(QStringLiteral("run"))},
                               {QStringLiteral("paths.workspaces"), temp.filePath(QStringLiteral("workspaces"))}};
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    Run run;
    QJsonObject burstJson;
    if (burst > 0)
        hako::bench::runBurst(executor, paths, burst, &burstJson, &run.failure);
    else
        measure(executor, paths, rounds, perBlock, poolSize, &run);
    const QJsonObject workspaces = executor->health().value(QLatin1String("workspaces")).toObject();
    const QString instance = executor->health().value(QLatin1String("instance")).toString();
    executor->shutdown();
    const QString left = dockerOut({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                    QStringLiteral("label=org.hako.instance=") + instance});
    if (!left.isEmpty()) {
        std::fprintf(stderr, "bench_pool: shutdown() left containers; removing them\n");
        dockerOut(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + left.split(QLatin1Char('\n')));
    }
    if (!run.failure.isEmpty()) {
        std::fprintf(stderr, "bench_pool: %s\n", qPrintable(run.failure));
        return 1;
    }
    if (burst > 0) {
        burstJson.insert(QStringLiteral("benchmark"), QStringLiteral("pool_burst"));
        std::printf("%s\n", QJsonDocument(burstJson).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    const Stats cold = statsOf(run.cold);
    const Stats pool = statsOf(run.pool);
    const double ratio = pool.p50 > 0 ? cold.p50 / pool.p50 : 0;
    std::printf("bench_pool: %d rounds of %d cold then %d pool first calls; pool.size=%d; workspace: %s\n", rounds,
                perBlock, perBlock, poolSize, qPrintable(workspaces.value(QLatin1String("method")).toString()));
    printRow("cold", cold, run.cold.size());
    printRow("pool", pool, run.pool.size());
    std::printf("ratio of p50s (cold / pool): %.1fx (target >= %.0fx): %s\n", ratio, kTargetRatio,
                ratio >= kTargetRatio ? "met" : "MISSED");
    const QJsonObject json = {{QStringLiteral("benchmark"), QStringLiteral("pool")},
                              {QStringLiteral("rounds"), rounds},
                              {QStringLiteral("per_block"), perBlock},
                              {QStringLiteral("pool_size"), poolSize},
                              {QStringLiteral("workspace"), workspaces.value(QLatin1String("method"))},
                              {QStringLiteral("cold"), cold.toJson()},
                              {QStringLiteral("pool"), pool.toJson()},
                              {QStringLiteral("ratio_p50"), std::round(ratio * 10) / 10},
                              {QStringLiteral("target_ratio"), kTargetRatio},
                              {QStringLiteral("target_met"), ratio >= kTargetRatio}};
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
