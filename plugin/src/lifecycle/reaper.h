// The garbage collector: every lifecycle.gcInterval seconds, one `docker ps`
// of all managed containers, one decision (reappolicy.h), one `docker rm` of
// those chosen. Workspaces stay (unmounted, when size-capped); the
// conversation's next call makes a new container with the same files.
#pragma once

#include "reappolicy.h"

#include <hako/error.h>

#include <QDateTime>
#include <QJsonValue>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace hako {

class ActivityStore;
class ContainerEngine;
class SweepRun;
class WorkspaceStore;
struct InstanceConfig;

// What one sweep did, for logs, metrics and /healthz.
struct GcReport
{
    QDateTime time; // when the sweep started (UTC)
    qint64 durationMs = 0;
    QList<Reaping> removed; // each container removed, with its reason
    Error error;            // why the sweep failed, if it did
    QJsonObject toJson() const;
};

class Reaper final : public QObject
{
    Q_OBJECT
public:
    Reaper(const InstanceConfig &config, ContainerEngine &engine, const ActivityStore &activity,
           WorkspaceStore &workspaces, QObject *parent = nullptr);
    ~Reaper() override;

    // The first sweep runs now: a restarted host reaps what expired while it was away.
    void start();
    // Sweeps every interval from now on, the first an interval from now
    // (a configuration that follows another's sweeps).
    void resume();
    void stop();
    // One sweep; ignored while the previous one still runs.
    void sweep();
    // The last sweep's report as JSON; null before the first one ended.
    QJsonValue lastRun() const;

Q_SIGNALS:
    void swept(const hako::GcReport &report);
    // This instance's conversations whose container was removed: their
    // in-memory sandboxes are stale.
    void conversationsReaped(const QStringList &keys);

private:
    SweepInput observe(const QList<ContainerInfo> &found, qint64 listedAt, QHash<QString, QString> *keys) const;
    void decide(SweepRun *run, const QList<ContainerInfo> &found);
    bool claimStillDue(SweepRun *run, SweepInput *input, Reaping *reaping) const;
    void finish(SweepRun *run, const Error &error, const QStringList &removed = {});

    const InstanceConfig &m_config;
    ContainerEngine &m_engine;
    const ActivityStore &m_activity;
    WorkspaceStore &m_workspaces;
    QTimer m_timer;
    QPointer<SweepRun> m_run;
    GcReport m_last;
};

} // namespace hako

Q_DECLARE_METATYPE(hako::GcReport)
