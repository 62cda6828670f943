#include "rawdocker.h"

#include "benchdocker.h"
#include "benchstats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <functional>
#include <unistd.h>

namespace hako::bench {
namespace {

// Runs `commands` (docker argument lists), `parallel` at a time; counts those that exit 0.
int runAll(const QList<QStringList> &commands, int parallel)
{
    int next = 0, running = 0, succeeded = 0;
    std::function<void()> pump = [&] {
        while (running < parallel && next < commands.size()) {
            auto *process = new QProcess;
            ++running;
            QObject::connect(process, &QProcess::finished, process, [&, process](int code, QProcess::ExitStatus s) {
                succeeded += s == QProcess::NormalExit && code == 0 ? 1 : 0;
                --running;
                process->deleteLater();
                pump();
            });
            process->setStandardOutputFile(QProcess::nullDevice());
            process->setStandardErrorFile(QProcess::nullDevice());
            process->start(QStringLiteral("docker"), commands.at(next++));
        }
    };
    pump();
    while (running > 0)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return succeeded;
}

} // namespace

RawRate measureRawDocker(const QString &image, int count, int parallel)
{
    const QString label = QStringLiteral("org.hako.bench=raw-%1").arg(::getpid());
    QList<QStringList> runs;
    QStringList names;
    for (int i = 0; i < count; ++i) {
        names << QStringLiteral("hako-bench-raw-%1-%2").arg(::getpid()).arg(i);
        runs << QStringList{QStringLiteral("run"),
                            QStringLiteral("-d"),
                            QStringLiteral("--name"),
                            names.last(),
                            QStringLiteral("--label"),
                            label,
                            QStringLiteral("--network"),
                            QStringLiteral("none"),
                            image,
                            QStringLiteral("sleep"),
                            QStringLiteral("infinity")};
    }
    RawRate rate;
    const CpuSample before = sampleCpu();
    QElapsedTimer clock;
    clock.start();
    rate.started = runAll(runs, parallel);
    rate.startSeconds = msSince(clock) / 1000.0;
    rate.cpu = profileOf(before, sampleCpu(), rate.started);
    QList<QStringList> removals;
    for (qsizetype i = 0; i < names.size(); i += parallel)
        removals << QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + names.mid(i, parallel);
    clock.restart();
    runAll(removals, parallel);
    rate.removeSeconds = msSince(clock) / 1000.0;
    // Whatever a failed removal left: by this run's label only.
    const QString left = docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                 QStringLiteral("label=") + label});
    if (!left.isEmpty())
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + left.split(QLatin1Char('\n')));
    return rate;
}

RawRate combined(const RawRate &a, const RawRate &b)
{
    RawRate sum;
    sum.started = a.started + b.started;
    sum.startSeconds = a.startSeconds + b.startSeconds;
    sum.removeSeconds = a.removeSeconds + b.removeSeconds;
    const double wa = sum.started > 0 ? double(a.started) / sum.started : 0.5, wb = 1 - wa;
    sum.cpu = {a.cpu.self * wa + b.cpu.self * wb, a.cpu.children * wa + b.cpu.children * wb,
               a.cpu.dockerd * wa + b.cpu.dockerd * wb, a.cpu.containerd * wa + b.cpu.containerd * wb,
               a.cpu.shims * wa + b.cpu.shims * wb};
    return sum;
}

} // namespace hako::bench
