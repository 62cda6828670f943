#include "memprobe.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QMultiHash>
#include <QProcess>

#include <cmath>
#include <cstring>
#include <malloc.h>

namespace hako::bench {
namespace {

QStringList docker(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {QStringLiteral("\x01")}; // distinguishable from "no lines"
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool failed(const QStringList &lines)
{
    return lines.size() == 1 && lines.first() == QLatin1String("\x01");
}

QString instanceFilter(const QString &instance)
{
    return QStringLiteral("label=org.hako.instance=") + instance;
}

qint64 kibField(const QByteArray &status, const char *name)
{
    const int at = status.indexOf(name);
    if (at < 0)
        return 0;
    const int end = status.indexOf('\n', at);
    return status.mid(at + int(qstrlen(name)), end - at - int(qstrlen(name)))
            .trimmed()
            .split(' ')
            .value(0)
            .toLongLong();
}

} // namespace

qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

Resident residentOf(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray status = f.readAll();
    return {kibField(status, "VmRSS:"), kibField(status, "RssAnon:"), kibField(status, "RssFile:")};
}

namespace {

double pssKiB(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    return f.open(QIODevice::ReadOnly) ? double(kibField(f.readAll(), "Pss:")) : 0;
}

QString statusField(const QString &pid, const char *name)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(name))
            return QString::fromLatin1(line.mid(qsizetype(std::strlen(name))).trimmed());
    return {};
}

// Parent pid -> its children, for every process now.
QMultiHash<QString, QString> childrenByParent()
{
    QMultiHash<QString, QString> children;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (pid.front().isDigit())
            children.insert(statusField(pid, "PPid:"), pid);
    return children;
}

} // namespace

QJsonObject AgentMemory::toJson() const
{
    return {{QStringLiteral("agents"), count},
            {QStringLiteral("mean_rss_kib"), std::round(meanRssKiB)},
            {QStringLiteral("min_rss_kib"), minRssKiB},
            {QStringLiteral("max_rss_kib"), maxRssKiB},
            {QStringLiteral("mean_anon_kib"), std::round(meanAnonKiB)},
            {QStringLiteral("agent_pss_kib"), std::round(agentPssKiB)},
            {QStringLiteral("shell_pss_kib"), std::round(shellPssKiB)},
            {QStringLiteral("shim_pss_kib"), std::round(shimPssKiB)}};
}

AgentMemory agentMemory(const QString &instance)
{
    AgentMemory m;
    const QStringList ids =
            docker({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--filter"), instanceFilter(instance)});
    if (ids.isEmpty() || failed(ids))
        return m;
    const QStringList pids = docker(
            QStringList{QStringLiteral("inspect"), QStringLiteral("--format"), QStringLiteral("{{.State.Pid}}")} + ids);
    const QMultiHash<QString, QString> children = childrenByParent();
    for (const QString &pid : pids) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "hako-agent")
            continue;
        const Resident r = residentOf(pid);
        if (r.rssKiB <= 0)
            continue;
        m.minRssKiB = m.count == 0 ? double(r.rssKiB) : std::min(m.minRssKiB, double(r.rssKiB));
        m.maxRssKiB = std::max(m.maxRssKiB, double(r.rssKiB));
        m.meanRssKiB += double(r.rssKiB);
        m.meanAnonKiB += double(r.anonKiB);
        m.agentPssKiB += pssKiB(pid);
        for (const QString &shell : children.values(pid))
            m.shellPssKiB += pssKiB(shell);
        m.shimPssKiB += pssKiB(statusField(pid, "PPid:"));
        ++m.count;
    }
    if (m.count) {
        m.meanRssKiB /= m.count;
        m.meanAnonKiB /= m.count;
        m.agentPssKiB /= m.count;
        m.shellPssKiB /= m.count;
        m.shimPssKiB /= m.count;
    }
    return m;
}

int containersAlive(const QString &instance)
{
    const QStringList ids =
            docker({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--filter"), instanceFilter(instance)});
    return failed(ids) ? -1 : int(ids.size());
}

QStringList stoppedContainers(const QString &instance)
{
    const QStringList names =
            docker({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--filter"), instanceFilter(instance),
                    QStringLiteral("--filter"), QStringLiteral("status=exited"), QStringLiteral("--filter"),
                    QStringLiteral("status=created"), QStringLiteral("--filter"), QStringLiteral("status=dead"),
                    QStringLiteral("--format"), QStringLiteral("{{.Names}}")});
    if (failed(names))
        return {QStringLiteral("docker ps did not answer")};
    QStringList lines;
    for (const QString &name : names) {
        const QStringList state = docker(
                {QStringLiteral("inspect"), QStringLiteral("--format"),
                 QStringLiteral("{{.State.Status}} exit {{.State.ExitCode}} oom {{.State.OOMKilled}} error "
                                "'{{.State.Error}}' started {{.State.StartedAt}} finished {{.State.FinishedAt}}"),
                 name});
        const QStringList log = docker({QStringLiteral("logs"), QStringLiteral("--tail"), QStringLiteral("3"), name});
        lines << name + QStringLiteral(": ") + state.join(QLatin1Char(' ')) + QStringLiteral("; log: ")
                         + (failed(log) ? QStringLiteral("(none)") : log.join(QStringLiteral(" | ")));
    }
    return lines;
}

QJsonObject Leftovers::toJson() const
{
    return {{QStringLiteral("containers"), containers},
            {QStringLiteral("socket_dirs"), QJsonArray::fromStringList(socketDirs)},
            {QStringLiteral("workspace_mounts"), QJsonArray::fromStringList(workspaceMounts)},
            {QStringLiteral("workspace_files"), QJsonArray::fromStringList(workspaceFiles)}};
}

Leftovers leftovers(const QString &instance, const QString &runtimeDir, const QString &workspacesDir)
{
    Leftovers l;
    const QStringList all =
            docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), instanceFilter(instance)});
    l.containers = failed(all) ? -1 : int(all.size());
    const QDir::Filters entries = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System;
    l.socketDirs = QDir(runtimeDir + QStringLiteral("/sockets")).entryList(entries);
    l.workspaceFiles = QDir(workspacesDir).entryList(entries);
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    if (mountinfo.open(QIODevice::ReadOnly)) {
        const QString prefix = QDir(workspacesDir).absolutePath() + QLatin1Char('/');
        for (const QByteArray &line : mountinfo.readAll().split('\n')) {
            const QString point = QString::fromUtf8(line.split(' ').value(4));
            if (point.startsWith(prefix))
                l.workspaceMounts << point;
        }
    }
    return l;
}

Trend trendOf(const QList<double> &x, const QList<double> &y)
{
    Trend t;
    t.points = int(x.size());
    if (x.size() < 2)
        return t;
    double mx = 0, my = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        mx += x[i], my += y[i];
    mx /= double(x.size());
    my /= double(x.size());
    double sxy = 0, sxx = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
    t.slope = sxx > 0 ? sxy / sxx : 0;
    t.intercept = my - t.slope * mx;
    double ss = 0;
    for (qsizetype i = 0; i < x.size(); ++i) {
        const double r = y[i] - (t.intercept + t.slope * x[i]);
        ss += r * r;
    }
    t.residualStd = std::sqrt(ss / double(x.size()));
    return t;
}

} // namespace hako::bench
