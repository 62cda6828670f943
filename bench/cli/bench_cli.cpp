// hako-host as a whole process, the way a script or a shell user runs it:
//
//   hako-host exec   `hako-host exec --conversation C -- true`, from fork to exit
//   docker exec      `docker exec <C's container> true` on the same container
//   hako-host tools  `hako-host tools`, which needs no container at all
//   hako-host -h     `hako-host --help`, the process's floor (Qt, no plugin)
//   doctor --static  `hako-host doctor --static`: the plugin configured, no engine asked
//   floor            this program again, as a bare QCoreApplication that loads the
//                    plugin (PluginHost) and exits: what any Qt host of the plugin pays
//
// Every run of each kind follows a run of the others, in turn, so they share the
// machine's noise. The conversation's container is made by a first `hako-host
// exec` (reported apart as the cold start) with paths.runtime and
// paths.workspaces in a fresh temporary directory, so the benchmark has an
// instance, and containers, of its own; `hako-host end` and a `docker rm -f` of
// whatever the instance left remove it at the end, Ctrl-C included.
//
// Targets (issue 19): exec p50 at least 3x below docker exec p50; tools,
// --help and doctor --static at most 20 ms p50. Prints a table, then one JSON line (the last line).
// Exit status: 0 whenever every run succeeded, whatever the figures; 1 if a
// run failed; 2 if the set-up failed.
#include "benchdocker.h"
#include "benchstats.h"
#include "common/pluginhost.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <cmath>
#include <cstdio>

using hako::bench::docker;
using hako::bench::instanceFilter;
using hako::bench::msSince;
using hako::bench::Stats;
using hako::bench::statsOf;

namespace {

constexpr int kDefaultRuns = 21;
constexpr int kWarmupRounds = 3;
constexpr double kTargetExecRatio = 3.0;
constexpr double kTargetStartMs = 20.0;
const QString kConversation = QStringLiteral("bench-cli");
constexpr const char *kFloorChild = "--floor-child";

volatile std::sig_atomic_t g_interrupted = 0;

void onSignal(int)
{
    g_interrupted = 1;
}

struct Timed
{
    double ms = 0;
    QString failure;
};

// One process from start() to exit; it must exit 0.
Timed timeProcess(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    const bool done = p.waitForFinished(60000);
    Timed t{msSince(timer), {}};
    if (!done || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        t.failure = QStringLiteral("%1 %2 failed: %3")
                            .arg(program, args.join(QLatin1Char(' ')),
                                 QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
    return t;
}

class Cli
{
public:
    explicit Cli(const QString &dir)
        : m_settings{QStringLiteral("--plugin"), QStringLiteral(HAKO_PLUGIN_FILE),
                     QStringLiteral("--set"),    QStringLiteral("paths.runtime=") + dir + QStringLiteral("/run"),
                     QStringLiteral("--set"),    QStringLiteral("paths.workspaces=") + dir + QStringLiteral("/ws")},
          m_runtime(dir + QStringLiteral("/run"))
    {}

    Timed exec() const
    {
        return timeProcess(QStringLiteral(HAKO_HOST_BINARY),
                           QStringList{QStringLiteral("exec"), QStringLiteral("--conversation"), kConversation}
                                   + m_settings + QStringList{QStringLiteral("--"), QStringLiteral("true")});
    }
    Timed tools() const
    {
        return timeProcess(QStringLiteral(HAKO_HOST_BINARY), QStringList{QStringLiteral("tools")} + m_settings);
    }
    Timed help() const { return timeProcess(QStringLiteral(HAKO_HOST_BINARY), {QStringLiteral("--help")}); }
    Timed doctorStatic() const
    {
        return timeProcess(QStringLiteral(HAKO_HOST_BINARY),
                           QStringList{QStringLiteral("doctor"), QStringLiteral("--static")} + m_settings);
    }

    // Ends the conversation, then removes whatever the instance still has.
    void cleanUp() const
    {
        timeProcess(QStringLiteral(HAKO_HOST_BINARY),
                    QStringList{QStringLiteral("end"), QStringLiteral("--conversation"), kConversation,
                                QStringLiteral("--delete-workspace")}
                            + m_settings);
        const QString instance = hako::bench::instanceId(m_runtime);
        if (instance.isEmpty())
            return;
        const QString left = docker(
                {QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), instanceFilter(instance)});
        if (!left.isEmpty())
            docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + left.split(QLatin1Char('\n')));
    }

    QString container() const
    {
        const QString instance = hako::bench::instanceId(m_runtime);
        return instance.isEmpty() ? QString()
                                  : docker({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--filter"),
                                            instanceFilter(instance)});
    }

private:
    const QStringList m_settings;
    const QString m_runtime;
};

struct Run
{
    double coldMs = 0;
    QString container;
    QList<double> exec, dockerExec, tools, help, doctor, floor;
    QString failure;
};

Run measure(const Cli &cli, int runs)
{
    Run run;
    const Timed cold = cli.exec();
    run.coldMs = cold.ms;
    if (!cold.failure.isEmpty()) {
        run.failure = QStringLiteral("first exec: ") + cold.failure;
        return run;
    }
    run.container = cli.container();
    if (run.container.isEmpty() || run.container.contains(QLatin1Char('\n'))) {
        run.failure = QStringLiteral("expected one container for the instance, docker ps lists: ") + run.container;
        return run;
    }
    const QStringList dockerArgs = {QStringLiteral("exec"), run.container, QStringLiteral("true")};
    for (int i = 0; i < kWarmupRounds + runs && !g_interrupted; ++i) {
        // Rotate which kind goes first, so none always follows the same other.
        constexpr int kKinds = 6;
        Timed t[kKinds];
        for (int k = 0; k < kKinds; ++k) {
            switch ((i + k) % kKinds) {
            case 0: t[0] = cli.exec(); break;
            case 1: t[1] = timeProcess(QStringLiteral("docker"), dockerArgs); break;
            case 2: t[2] = cli.tools(); break;
            case 3: t[3] = cli.help(); break;
            case 4: t[4] = cli.doctorStatic(); break;
            case 5:
                t[5] = timeProcess(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kFloorChild)});
                break;
            }
        }
        for (const Timed &x : t)
            if (!x.failure.isEmpty()) {
                run.failure = QStringLiteral("round %1: %2").arg(i).arg(x.failure);
                return run;
            }
        if (i < kWarmupRounds)
            continue;
        run.exec << t[0].ms;
        run.dockerExec << t[1].ms;
        run.tools << t[2].ms;
        run.help << t[3].ms;
        run.doctor << t[4].ms;
        run.floor << t[5].ms;
    }
    if (g_interrupted)
        run.failure = QStringLiteral("interrupted");
    return run;
}

void printRow(const char *label, const Stats &s)
{
    std::printf("  %-26s %9.2f %9.2f %9.2f %9.2f %9.2f\n", label, s.p50, s.p90, s.mean, s.min, s.max);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 2 && qstrcmp(argv[1], kFloorChild) == 0)
        return hako::host::PluginHost().load(QStringLiteral(HAKO_PLUGIN_FILE)) ? 1 : 0;
    int runs = kDefaultRuns;
    const QStringList args = app.arguments().mid(1);
    if (args.size() == 2 && args[0] == QLatin1String("--runs"))
        runs = args[1].toInt();
    if ((!args.isEmpty() && args.size() != 2) || runs < 9) {
        std::fprintf(stderr, "usage: bench_cli [--runs N]   (N >= 9, default %d)\n", kDefaultRuns);
        return 2;
    }
    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/hako-bench-cli-XXXXXX"));
    if (!temp.isValid())
        return 2;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    const Cli cli(temp.path());
    const Run run = measure(cli, runs);
    cli.cleanUp();
    if (!run.failure.isEmpty()) {
        std::fprintf(stderr, "bench_cli: %s\n", qPrintable(run.failure));
        return run.container.isEmpty() ? 2 : 1;
    }
    const Stats exec = statsOf(run.exec), dockerExec = statsOf(run.dockerExec), tools = statsOf(run.tools),
                help = statsOf(run.help), doctor = statsOf(run.doctor), floor = statsOf(run.floor);
    const double ratio = exec.p50 > 0 ? dockerExec.p50 / exec.p50 : 0;
    const bool execMet = ratio >= kTargetExecRatio;
    const bool startMet = tools.p50 <= kTargetStartMs && help.p50 <= kTargetStartMs && doctor.p50 <= kTargetStartMs;
    std::printf("bench_cli: %d rounds (after %d warm-up rounds), order rotating\n", runs, kWarmupRounds);
    std::printf("  hako-host: %s\n  container: %s\n  cold start (first exec, creates the container): %.1f ms\n\n",
                HAKO_HOST_BINARY, qPrintable(run.container), run.coldMs);
    std::printf("  %-26s %9s %9s %9s %9s %9s\n", "whole process, ms", "p50", "p90", "mean", "min", "max");
    printRow("hako-host exec -- true", exec);
    printRow("docker exec CID true", dockerExec);
    printRow("hako-host tools", tools);
    printRow("hako-host --help", help);
    printRow("hako-host doctor --static", doctor);
    printRow("floor: Qt + plugin load", floor);
    std::printf("\n  docker exec p50 / hako-host exec p50: %.2fx   target >= %.0fx: %s\n", ratio, kTargetExecRatio,
                execMet ? "met" : "MISSED");
    std::printf("  tools p50 %.1f ms, --help p50 %.1f ms, doctor --static p50 %.1f ms   target <= %.0f ms: %s\n\n",
                tools.p50, help.p50, doctor.p50, kTargetStartMs, startMet ? "met" : "MISSED");
    const QJsonObject json = {{QStringLiteral("benchmark"), QStringLiteral("cli")},
                              {QStringLiteral("runs"), runs},
                              {QStringLiteral("cold_start_ms"), std::round(run.coldMs * 10.0) / 10.0},
                              {QStringLiteral("hako_host_exec"), exec.toJson()},
                              {QStringLiteral("docker_exec"), dockerExec.toJson()},
                              {QStringLiteral("hako_host_tools"), tools.toJson()},
                              {QStringLiteral("hako_host_help"), help.toJson()},
                              {QStringLiteral("hako_host_doctor_static"), doctor.toJson()},
                              {QStringLiteral("floor_qt_plugin_load"), floor.toJson()},
                              {QStringLiteral("exec_ratio_p50"), std::round(ratio * 100.0) / 100.0},
                              {QStringLiteral("target_exec_ratio"), kTargetExecRatio},
                              {QStringLiteral("target_start_ms"), kTargetStartMs},
                              {QStringLiteral("exec_target_met"), execMet},
                              {QStringLiteral("start_target_met"), startMet}};
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
