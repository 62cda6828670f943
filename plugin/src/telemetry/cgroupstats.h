// Reads the kernel's own accounting of a container's limits from its cgroup:
// whether it sits at its pids limit now, and how many OOM kills and refused
// forks it had since the last look. The engine's cgroup layout (driver,
// version) says where the files are; containers whose files are not found
// (another runtime, another layout) are skipped.
#pragma once

#include "../engine/containerengine.h"

#include <QHash>
#include <QList>
#include <QString>

namespace hako::telemetry {

struct CgroupSample
{
    int atPidsLimit = 0;
    qint64 newOomKills = 0;
    qint64 newPidsLimitHits = 0;
};

class CgroupStats
{
public:
    explicit CgroupStats(const QString &root = QStringLiteral("/sys/fs/cgroup")) : m_root(root) {}

    // `since`: containers created at or after this time (seconds since the
    // epoch) count from zero; older ones from what the first look finds.
    CgroupSample sample(const QList<ContainerInfo> &running, const EngineInfo &engine, qint64 since);

    // The directory holding `controller`'s files for a container, or empty.
    QString directory(const QString &controller, const QString &id, const EngineInfo &engine) const;

private:
    struct Seen
    {
        qint64 oomKills = 0;
        qint64 pidsLimitHits = 0;
    };
    QString m_root;
    QHash<QString, Seen> m_seen; // container ID -> last counters
};

// The value of `key` in a flat-keyed cgroup file ("max 3\n", "oom_kill 1\n"); -1 when absent.
qint64 keyedValue(const QByteArray &content, const QByteArray &key);

} // namespace hako::telemetry
