// Memory and leftovers, measured from outside the plugin: the process heap
// (mallinfo2: bytes in use, whoever allocated them), resident sizes from
// /proc, hako-agent's resident size in each container (its PID from
// `docker inspect`), and what a run may leave behind.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hako::bench {

// malloc'd bytes in use in this process (arenas plus mmapped chunks).
qint64 heapInUse();

struct Resident
{
    qint64 rssKiB = 0, anonKiB = 0, fileKiB = 0;
};
// VmRSS, RssAnon and RssFile of a process ("self" for this one); zeros if gone.
Resident residentOf(const QString &pid);

struct AgentMemory
{
    int count = 0;
    double meanRssKiB = 0, maxRssKiB = 0, minRssKiB = 0, meanAnonKiB = 0;
    // Proportional set sizes (shared pages divided among their users), means per
    // container: the agent, its shells (its children) and the engine's shim (its parent).
    double agentPssKiB = 0, shellPssKiB = 0, shimPssKiB = 0;
    QJsonObject toJson() const;
};
// hako-agent (PID 1) of every running container of `instance`, with its shells and shim.
AgentMemory agentMemory(const QString &instance);

// Running containers of `instance`, or -1 when docker did not answer.
int containersAlive(const QString &instance);
// One line per container of `instance` that is not running: its name and what
// the engine says ended it (exit code, OOM kill, error, times) and the last
// lines the agent wrote; so that a container that exits under load says why.
QStringList stoppedContainers(const QString &instance);

struct Leftovers
{
    int containers = 0;          // of the instance, in any state
    QStringList socketDirs;      // under <runtime>/sockets
    QStringList workspaceMounts; // mount points under the workspaces dir
    QStringList workspaceFiles;  // directories and images under it
    bool clean() const
    {
        return !containers && socketDirs.isEmpty() && workspaceMounts.isEmpty() && workspaceFiles.isEmpty();
    }
    QJsonObject toJson() const;
};
Leftovers leftovers(const QString &instance, const QString &runtimeDir, const QString &workspacesDir);

// Least-squares line through (x, y): slope, and y's spread around it.
struct Trend
{
    double slope = 0, intercept = 0, residualStd = 0;
    int points = 0;
};
Trend trendOf(const QList<double> &x, const QList<double> &y);

} // namespace hako::bench
