#include "cpuprobe.h"

#include <QDir>
#include <QFile>

#include <cmath>
#include <sys/resource.h>
#include <unistd.h>

namespace hako::bench {
namespace {

double ms(const timeval &t)
{
    return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0;
}

// utime + stime + cutime + cstime of a process, in ms; its name in `comm`.
double processCpu(const QString &pid, QString *comm)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
    if (open < 0 || close < open)
        return 0;
    *comm = QString::fromLatin1(stat.mid(open + 1, close - open - 1));
    // After ") ": state is field 3; utime, stime, cutime, cstime are fields 14 to 17.
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 15)
        return 0;
    double ticks = 0;
    for (int i = 11; i <= 14; ++i)
        ticks += fields.at(i).toDouble();
    return ticks * 1000.0 / double(::sysconf(_SC_CLK_TCK));
}

} // namespace

CpuSample sampleCpu()
{
    CpuSample sample;
    rusage self{}, children{};
    ::getrusage(RUSAGE_SELF, &self);
    ::getrusage(RUSAGE_CHILDREN, &children);
    sample.self = ms(self.ru_utime) + ms(self.ru_stime);
    sample.children = ms(children.ru_utime) + ms(children.ru_stime);
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QString comm;
        const double cpu = processCpu(pid, &comm);
        if (comm == QLatin1String("dockerd"))
            sample.dockerd += cpu;
        else if (comm == QLatin1String("containerd"))
            sample.containerd += cpu;
        else if (comm.startsWith(QLatin1String("containerd-shim")))
            sample.shims += cpu;
    }
    return sample;
}

CpuProfile profileOf(const CpuSample &before, const CpuSample &after, int count)
{
    const double n = count > 0 ? count : 1;
    CpuProfile p;
    p.self = (after.self - before.self) / n;
    p.children = (after.children - before.children) / n;
    p.dockerd = (after.dockerd - before.dockerd) / n;
    p.containerd = (after.containerd - before.containerd) / n;
    p.shims = std::max(0.0, after.shims - before.shims) / n;
    return p;
}

QJsonObject CpuProfile::toJson() const
{
    auto r = [](double v) { return std::round(v * 10) / 10; };
    return {{QStringLiteral("host_process_ms"), r(self)}, {QStringLiteral("its_children_ms"), r(children)},
            {QStringLiteral("dockerd_ms"), r(dockerd)},   {QStringLiteral("containerd_ms"), r(containerd)},
            {QStringLiteral("shims_ms"), r(shims)},       {QStringLiteral("total_ms"), r(total())}};
}

} // namespace hako::bench
