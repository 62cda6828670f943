// bench_load scale: N conversations at once. Every conversation's ID and the
// driver's record of it exist before the baseline is taken, so the heap
// difference with N idle conversations is the plugin's (and Qt's) alone.
#include "loadmodes.h"
#include "cpuprobe.h"
#include "loadstats.h"
#include "memprobe.h"
#include "rawdocker.h"

#include <hako/toolcall.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace hako::bench {
namespace {

constexpr int kSettleMs = 5000; // pool renames, health checks and docker CLIs of the last starts end
// Raw `docker run -d`s timed for the engine's own rate: enough for a steady rate, not a second run's worth.
constexpr int kRawContainers = 200;

struct Wave
{
    double seconds = 0;
    Reservoir latency;
    QMap<QString, qint64> errors;
    qint64 ok = 0;
    QList<bool> answered; // per conversation
};

// One call per conversation, all issued at once; `command(i)` and its expected stdout.
Wave wave(ToolExecutor *executor, const QStringList &ids, const QString &tag)
{
    Wave w;
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<ToolCall>> calls;
    std::vector<double> ms(std::size_t(ids.size()), -1);
    int pending = int(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        calls.emplace_back(executor->call(ids[i], tag + QString::number(i), QStringLiteral("bash"),
                                          {{QStringLiteral("command"), QStringLiteral("echo %1-%2").arg(tag).arg(i)}}));
        QObject::connect(calls.back().get(), &ToolCall::finished, calls.back().get(), [&, i] {
            ms[std::size_t(i)] = msSince(clock);
            --pending;
        });
    }
    QElapsedTimer bound;
    bound.start();
    while (pending > 0 && bound.elapsed() < 900000)
        pauseFor(20);
    w.seconds = msSince(clock) / 1000.0;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        ToolCall *call = calls[std::size_t(i)].get();
        const QString want = QStringLiteral("%1-%2\n").arg(tag).arg(i);
        QString failure;
        if (!call->isFinished())
            failure = QStringLiteral("hung");
        else if (call->error())
            failure = call->error().code;
        else if (call->result().value(QLatin1String("stdout")).toString() != want)
            failure = QStringLiteral("mismatch");
        w.answered << failure.isEmpty();
        if (!failure.isEmpty())
            ++w.errors[failure];
        else
            ++w.ok, w.latency.add(ms[std::size_t(i)]);
    }
    return w;
}

QJsonObject waveJson(const Wave &w)
{
    QJsonObject errors;
    for (auto it = w.errors.begin(); it != w.errors.end(); ++it)
        errors.insert(it.key(), double(it.value()));
    return {{QStringLiteral("seconds"), std::round(w.seconds * 100) / 100},
            {QStringLiteral("answered"), double(w.ok)},
            {QStringLiteral("errors"), errors},
            {QStringLiteral("latency"), w.latency.stats().toJson()}};
}

void printWave(const char *label, const Wave &w, int n)
{
    const Stats s = w.latency.stats();
    std::printf("%-6s %lld/%d answered in %.1f s; latency p50 %.0f  p90 %.0f  p99 %.0f  max %.0f ms; errors %s\n",
                label, (long long)w.ok, n, w.seconds, s.p50, s.p90, s.p99, s.max,
                w.errors.isEmpty() ? "none"
                                   : QJsonDocument(waveJson(w).value(QLatin1String("errors")).toObject())
                                             .toJson(QJsonDocument::Compact)
                                             .constData());
}

// A setting's value in this run: as given, else the plugin's default.
QJsonValue settingOf(const LoadRun &run, const LoadOptions &options, const QString &key)
{
    if (options.settings.contains(key))
        return options.settings.value(key);
    const QJsonObject properties = run.executor->settingsSchema().value(QLatin1String("properties")).toObject();
    return properties.value(key).toObject().value(QLatin1String("default"));
}

} // namespace

int runScale(const LoadRun &run, const LoadOptions &options, QJsonObject *report)
{
    const int n = options.conversations;
    QStringList ids;
    ids.reserve(n);
    for (int i = 0; i < n; ++i)
        ids << QStringLiteral("scale-%1").arg(i);
    // The engine's own rate first, at the parallelism Hako gives its starts.
    const int parallel = settingOf(run, options, QStringLiteral("docker.parallelStarts")).toVariant().toInt();
    const QString image = settingOf(run, options, QStringLiteral("image")).toString();
    const RawRate rawBefore = measureRawDocker(image, std::min(n, kRawContainers), parallel);
    const qint64 before = heapInUse();
    const Resident rssBefore = residentOf(QStringLiteral("self"));

    const CpuSample cpuBefore = sampleCpu();
    const Wave up = wave(run.executor, ids, QStringLiteral("up"));
    const CpuProfile cpu = profileOf(cpuBefore, sampleCpu(), n);
    pauseFor(kSettleMs);
    const qint64 idle = heapInUse();
    const Resident rssIdle = residentOf(QStringLiteral("self"));
    const int alive = containersAlive(run.instance);
    const QStringList stopped = stoppedContainers(run.instance);
    const AgentMemory agents = agentMemory(run.instance);
    const Wave again = wave(run.executor, ids, QStringLiteral("again"));

    QElapsedTimer endClock;
    endClock.start();
    std::vector<std::unique_ptr<ToolCall>> ends;
    for (const QString &id : ids)
        ends.emplace_back(run.executor->endConversation(id, true));
    QMap<QString, qint64> endErrors;
    qint64 endsOfUnanswered = 0;
    for (std::size_t i = 0; i < ends.size(); ++i) {
        ToolCall *end = ends[i].get();
        QElapsedTimer bound;
        bound.start();
        while (!end->isFinished() && bound.elapsed() < 300000)
            pauseFor(20);
        // A conversation none of whose calls was answered may have nothing to end: counted apart.
        const bool unanswered = !up.answered.value(qsizetype(i)) && !again.answered.value(qsizetype(i));
        if (unanswered && end->isFinished() && end->error().code == QLatin1String("conversation_not_found"))
            ++endsOfUnanswered;
        else if (!end->isFinished() || end->error())
            ++endErrors[end->isFinished() ? end->error().code : QStringLiteral("hung")];
    }
    const double endSeconds = msSince(endClock) / 1000.0;
    qint64 endFailures = 0;
    for (qint64 count : std::as_const(endErrors))
        endFailures += count;
    ends.clear();
    pauseFor(kSettleMs);
    const qint64 afterEnd = heapInUse();
    const Leftovers left = leftovers(run.instance, run.setup->runtimeDir(), run.setup->workspacesDir());
    const RawRate rawAfter = measureRawDocker(image, std::min(n, kRawContainers), parallel);
    const RawRate raw = combined(rawBefore, rawAfter);

    const double perIdle = kib(idle - before) / n;
    const double empty = kib(run.heapEmptyPlugin - run.heapBeforePlugin);
    std::printf("bench_load scale: %d conversations, limits.memory %s\n", n,
                qPrintable(options.settings.value(QLatin1String("limits.memory")).toString()));
    printWave("up", up, n);
    printWave("again", again, n);
    const double hakoRate = up.seconds > 0 ? double(up.ok) / up.seconds : 0;
    const double ratio = raw.startsPerSecond() > 0 ? hakoRate / raw.startsPerSecond() : 0;
    std::printf("creation: Hako %.2f conversations/s (first call answered); raw docker run -d %.2f/s (%d of them, "
                "%d at once; %.2f/s before Hako's run, %.2f/s after); ratio %.0f%%\n",
                hakoRate, raw.startsPerSecond(), raw.started, parallel, rawBefore.startsPerSecond(),
                rawAfter.startsPerSecond(), ratio * 100);
    std::printf("CPU ms per container (raw | Hako): host process %.1f | %.1f, its children (docker CLI; Hako also "
                "mkfs.ext4) %.1f | %.1f, dockerd %.1f | %.1f, containerd %.1f | %.1f, shims and runc %.1f | %.1f, "
                "total %.1f | %.1f\n",
                raw.cpu.self, cpu.self, raw.cpu.children, cpu.children, raw.cpu.dockerd, cpu.dockerd,
                raw.cpu.containerd, cpu.containerd, raw.cpu.shims, cpu.shims, raw.cpu.total(), cpu.total());
    std::printf("containers alive with %d idle conversations: %d\n", n, alive);
    for (const QString &line : stopped)
        std::printf("  not running: %s\n", qPrintable(line));
    std::printf("heap: empty plugin %.0f KiB; before %.0f, with %d idle %.0f, after the ends %.0f KiB\n", empty,
                kib(before), n, kib(idle), kib(afterEnd));
    std::printf("plugin heap per idle conversation: %.1f KiB (target <= 200; %.2f%% of the empty plugin each)\n",
                perIdle, empty > 0 ? perIdle / empty * 100 : 0.0);
    std::printf("process RSS: before %lld KiB, with %d idle %lld KiB (%.1f KiB per conversation)\n",
                (long long)rssBefore.rssKiB, n, (long long)rssIdle.rssKiB,
                double(rssIdle.rssKiB - rssBefore.rssKiB) / n);
    std::printf("hako-agent RSS over %d agents: mean %.0f KiB, min %.0f, max %.0f (anonymous %.0f) (target <= 4096)\n",
                agents.count, agents.meanRssKiB, agents.minRssKiB, agents.maxRssKiB, agents.meanAnonKiB);
    std::printf("host memory per idle conversation, proportional set sizes: shim %.0f KiB, agent %.0f, shell %.0f, "
                "plugin heap %.0f; total %.0f KiB\n",
                agents.shimPssKiB, agents.agentPssKiB, agents.shellPssKiB, perIdle,
                agents.shimPssKiB + agents.agentPssKiB + agents.shellPssKiB + perIdle);
    std::printf("ends: %d in %.1f s, errors %lld, of never-answered conversations %lld (raw docker rm -f of %d: "
                "%.1f s); left before shutdown(): containers %d, socket dirs %lld, workspace mounts %lld, entries "
                "%lld\n",
                n, endSeconds, (long long)endFailures, (long long)endsOfUnanswered, raw.started, raw.removeSeconds,
                left.containers, (long long)left.socketDirs.size(), (long long)left.workspaceMounts.size(),
                (long long)left.workspaceFiles.size());

    const bool allAnswered = up.ok == n && again.ok == n && alive == n && agents.count == n;
    const bool met = perIdle <= 200 && agents.maxRssKiB <= 4096;
    std::printf("all_answered: %s; memory targets: %s\n", allAnswered ? "true" : "false", met ? "met" : "MISSED");
    QJsonObject endErrorsJson;
    for (auto it = endErrors.begin(); it != endErrors.end(); ++it)
        endErrorsJson.insert(it.key(), double(it.value()));
    *report = {{QStringLiteral("up"), waveJson(up)},
               {QStringLiteral("again"), waveJson(again)},
               {QStringLiteral("containers_alive"), alive},
               {QStringLiteral("containers_stopped"), QJsonArray::fromStringList(stopped)},
               {QStringLiteral("heap_empty_plugin_kib"), std::round(empty)},
               {QStringLiteral("heap_before_kib"), std::round(kib(before))},
               {QStringLiteral("heap_idle_kib"), std::round(kib(idle))},
               {QStringLiteral("heap_after_end_kib"), std::round(kib(afterEnd))},
               {QStringLiteral("heap_per_idle_conversation_kib"), std::round(perIdle * 10) / 10},
               {QStringLiteral("rss_before_kib"), double(rssBefore.rssKiB)},
               {QStringLiteral("rss_idle_kib"), double(rssIdle.rssKiB)},
               {QStringLiteral("agent"), agents.toJson()},
               {QStringLiteral("end_seconds"), std::round(endSeconds * 10) / 10},
               {QStringLiteral("end_errors"), endErrorsJson},
               {QStringLiteral("ends_of_unanswered_conversations"), double(endsOfUnanswered)},
               {QStringLiteral("creation"),
                QJsonObject{{QStringLiteral("hako_per_s"), std::round(hakoRate * 100) / 100},
                            {QStringLiteral("raw_docker_run_per_s"), std::round(raw.startsPerSecond() * 100) / 100},
                            {QStringLiteral("raw_containers"), raw.started},
                            {QStringLiteral("raw_rm_seconds"), std::round(raw.removeSeconds * 10) / 10},
                            {QStringLiteral("parallel_starts"), parallel},
                            {QStringLiteral("ratio"), std::round(ratio * 1000) / 1000},
                            {QStringLiteral("raw_cpu"), raw.cpu.toJson()},
                            {QStringLiteral("hako_cpu"), cpu.toJson()}}},
               {QStringLiteral("leftovers_before_shutdown"), left.toJson()},
               {QStringLiteral("all_answered"), allAnswered},
               {QStringLiteral("memory_targets_met"), met}};
    return allAnswered && endErrors.isEmpty() && left.clean() ? 0 : 1;
}

} // namespace hako::bench
