#include "cgroupstats.h"

#include "../lifecycle/reappolicy.h"

#include <QFile>
#include <QFileInfo>

namespace hako::telemetry {
namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

qint64 keyedValue(const QByteArray &content, const QByteArray &key)
{
    for (const QByteArray &line : content.split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        bool ok = false;
        const qint64 value = parts.size() == 2 && parts.at(0) == key ? parts.at(1).toLongLong(&ok) : -1;
        if (ok)
            return value;
    }
    return -1;
}

QString CgroupStats::directory(const QString &controller, const QString &id, const EngineInfo &engine) const
{
    const bool systemd = engine.cgroupDriver == QLatin1String("systemd");
    const QString leaf =
            systemd ? QStringLiteral("system.slice/docker-%1.scope").arg(id) : QStringLiteral("docker/") + id;
    // v2 has one hierarchy; v1 one per controller.
    const QString dir = engine.cgroupVersion >= 2 ? m_root + QLatin1Char('/') + leaf
                                                  : m_root + QLatin1Char('/') + controller + QLatin1Char('/') + leaf;
    return QFileInfo(dir).isDir() ? dir : QString();
}

CgroupSample CgroupStats::sample(const QList<ContainerInfo> &running, const EngineInfo &engine, qint64 since)
{
    CgroupSample out;
    QHash<QString, Seen> seen;
    for (const ContainerInfo &c : running) {
        const QString pids = directory(QStringLiteral("pids"), c.id, engine);
        const QString memory = directory(QStringLiteral("memory"), c.id, engine);
        if (pids.isEmpty())
            continue;
        const qint64 current = readFile(pids + QStringLiteral("/pids.current")).trimmed().toLongLong();
        bool limited = false;
        const qint64 max = readFile(pids + QStringLiteral("/pids.max")).trimmed().toLongLong(&limited);
        if (limited && max > 0 && current >= max)
            ++out.atPidsLimit;
        Seen now;
        now.pidsLimitHits = qMax(qint64(0), keyedValue(readFile(pids + QStringLiteral("/pids.events")), "max"));
        const QString oomFile =
                engine.cgroupVersion >= 2 ? QStringLiteral("/memory.events") : QStringLiteral("/memory.oom_control");
        now.oomKills = memory.isEmpty() ? 0 : qMax(qint64(0), keyedValue(readFile(memory + oomFile), "oom_kill"));
        const auto before = m_seen.constFind(c.id);
        const Seen base = before != m_seen.constEnd() ? *before : createdAt(c) >= since ? Seen{} : now;
        out.newOomKills += qMax(qint64(0), now.oomKills - base.oomKills);
        out.newPidsLimitHits += qMax(qint64(0), now.pidsLimitHits - base.pidsLimitHits);
        seen.insert(c.id, now);
    }
    m_seen = seen; // containers gone are forgotten
    return out;
}

} // namespace hako::telemetry
