// Many conversations on one host (issue 7): bench_load loads the plugin the
// way a host does and runs one of two loads against the real engine.
//
//   scale  N conversations brought up at once, each answering one call; then
//          the plugin's heap per idle conversation, hako-agent's resident
//          size, one more call each, and the ends.
//   soak   N conversations for a duration with a mix of tools at a rate,
//          starting, ending and expiring throughout; the heap sampled and
//          its trend after warm-up; leftovers checked at the end.
//
// Usage: bench_load scale|soak [--conversations N] [--duration S] [--rate R]
//        [--memory SIZE] [--warmup S] [--sample S] [--idle-ttl S]
//        [--gc-interval S] [--absolute-ttl S] [--no-proxy] [--set KEY=VALUE]...
// Prints a report, then one JSON line (the last line of stdout). Exit status:
// 0 when no unforced failure and nothing left behind, 1 otherwise, 2 when the
// set-up failed.
#include "loadmodes.h"
#include "memprobe.h"
#include "common/pluginhost.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

using namespace hako::bench;

namespace {

int usage(const QString &problem)
{
    std::fprintf(stderr, "bench_load: %s\n", qPrintable(problem));
    std::fprintf(stderr, "usage: bench_load scale|soak [--conversations N] [--duration S] [--rate R] [--memory SIZE]\n"
                         "       [--warmup S] [--sample S] [--idle-ttl S] [--gc-interval S] [--absolute-ttl S]\n"
                         "       [--no-proxy] [--set KEY=VALUE]...\n");
    return 2;
}

QString parse(const QStringList &args, QString *mode, LoadOptions *o)
{
    *mode = args.value(0);
    if (*mode != QLatin1String("scale") && *mode != QLatin1String("soak"))
        return QStringLiteral("the first argument is scale or soak");
    if (*mode == QLatin1String("soak"))
        o->conversations = 16, o->rate = 5;
    o->settings.insert(QStringLiteral("limits.memory"), QStringLiteral("256m"));
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--no-proxy")) {
            o->proxy = false;
            continue;
        }
        if (i + 1 >= args.size())
            return QStringLiteral("%1 needs a value").arg(a);
        const QString v = args[++i];
        bool ok = true;
        if (a == QLatin1String("--conversations"))
            o->conversations = v.toInt(&ok);
        else if (a == QLatin1String("--duration"))
            o->durationS = v.toInt(&ok);
        else if (a == QLatin1String("--rate"))
            o->rate = v.toDouble(&ok);
        else if (a == QLatin1String("--warmup"))
            o->warmupS = v.toInt(&ok);
        else if (a == QLatin1String("--sample"))
            o->sampleS = v.toInt(&ok);
        else if (a == QLatin1String("--idle-ttl"))
            o->idleTtlS = v.toInt(&ok);
        else if (a == QLatin1String("--gc-interval"))
            o->gcIntervalS = v.toInt(&ok);
        else if (a == QLatin1String("--absolute-ttl"))
            o->absoluteTtlS = v.toInt(&ok);
        else if (a == QLatin1String("--memory"))
            o->settings.insert(QStringLiteral("limits.memory"), v);
        else if (a == QLatin1String("--set") && v.contains(QLatin1Char('=')))
            o->settings.insert(v.section(QLatin1Char('='), 0, 0), v.section(QLatin1Char('='), 1));
        else
            return QStringLiteral("unknown option %1").arg(a);
        if (!ok)
            return QStringLiteral("bad value for %1: %2").arg(a, v);
    }
    if (o->conversations < 1 || o->durationS < 1 || o->sampleS < 1)
        return QStringLiteral("counts and durations must be positive");
    return {};
}

} // namespace

namespace hako::bench {

void pauseFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

double kib(qint64 bytes)
{
    return double(bytes) / 1024.0;
}

} // namespace hako::bench

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString mode;
    LoadOptions options;
    if (const QString problem = parse(app.arguments().mid(1), &mode, &options); !problem.isEmpty())
        return usage(problem);
    LoadSetup setup;
    if (const QString problem = setup.open(options.proxy); !problem.isEmpty())
        return usage(problem);
    LoadRun run;
    run.setup = &setup;
    run.heapBeforePlugin = heapInUse();
    hako::host::PluginHost host;
    if (const hako::Error e = host.load(QString()))
        return usage(e.logMessage);
    run.executor = host.executor();
    QJsonObject settings = setup.settings();
    for (auto it = options.settings.begin(); it != options.settings.end(); ++it)
        settings.insert(it.key(), it.value());
    if (mode == QLatin1String("soak")) {
        settings.insert(QStringLiteral("lifecycle.idleTtl"), options.idleTtlS);
        settings.insert(QStringLiteral("lifecycle.gcInterval"), options.gcIntervalS);
        settings.insert(QStringLiteral("lifecycle.absoluteTtl"), options.absoluteTtlS);
    }
    QStringList problems;
    for (const hako::Error &e : run.executor->configure(settings))
        problems << e.logMessage;
    if (!problems.isEmpty())
        return usage(problems.join(QLatin1Char('\n')));
    run.executor->start();
    run.instance = run.executor->health().value(QLatin1String("instance")).toString();
    pauseFor(2000); // the first sweep and health check, which every later figure includes
    run.heapEmptyPlugin = heapInUse();

    QJsonObject report;
    int status = mode == QLatin1String("scale") ? runScale(run, options, &report) : runSoak(run, options, &report);

    run.executor->shutdown();
    const Leftovers after = leftovers(run.instance, setup.runtimeDir(), setup.workspacesDir());
    std::printf("after shutdown(): containers %d, socket dirs %lld, workspace mounts %lld, workspace entries %lld\n",
                after.containers, (long long)after.socketDirs.size(), (long long)after.workspaceMounts.size(),
                (long long)after.workspaceFiles.size());
    report.insert(QStringLiteral("leftovers_after_shutdown"), after.toJson());
    if (!after.clean())
        status = 1;
    report.insert(QStringLiteral("benchmark"), QStringLiteral("load"));
    report.insert(QStringLiteral("mode"), mode);
    report.insert(QStringLiteral("conversations"), options.conversations);
    for (const QString &key : settings.keys())
        if (key.startsWith(QLatin1String("credentials.")))
            settings.remove(key); // made up, but a report is no place for them
    report.insert(QStringLiteral("settings"), settings);
    report.insert(QStringLiteral("passed"), status == 0);
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    return status;
}
