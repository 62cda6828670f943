// What benchmarks need from the docker CLI directly: set-up, the baseline
// they compare against, and the clean-up that leaves no container behind.
#pragma once

#include <hako/toolexecutor.h>

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace hako::bench {

// Runs docker synchronously; returns stdout, trimmed.
inline QString docker(const QStringList &args, bool *ok = nullptr, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral("docker"), args);
    const bool done = process.waitForFinished(timeoutMs);
    if (ok)
        *ok = done && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

inline QString instanceId(const QString &runtimeDir)
{
    QFile file(runtimeDir + QStringLiteral("/instance-id"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QString();
}

inline QString instanceFilter(const QString &instance)
{
    return QStringLiteral("label=org.hako.instance=") + instance;
}

// shutdown() removes every container of the instance; anything it left is
// removed here, so that a benchmark never leaves a container behind.
inline void cleanUp(ToolExecutor *executor, const QString &runtimeDir, const char *bench)
{
    executor->shutdown();
    const QString instance = instanceId(runtimeDir);
    if (instance.isEmpty())
        return;
    const QString left =
            docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), instanceFilter(instance)});
    if (!left.isEmpty()) {
        std::fprintf(stderr, "%s: shutdown() left containers; removing them\n", bench);
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + left.split(QLatin1Char('\n')));
    }
}

} // namespace hako::bench
