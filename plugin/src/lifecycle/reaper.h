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
class SweepRun;
struct SandboxContext;

// What one sweep did, for logs, metrics and /healthz.
struct GcReport
{
    QDateTime time;            // when the sweep started (UTC)
    qint64 durationMs = 0;
    QList<Reaping> removed;    // each container removed, with its reason
    Error error;               // why the sweep failed, if it did
    QJsonObject toJson() const;
};

class Reaper final : public QObject
{
    Q_OBJECT
public:
    Reaper(const SandboxContext *context, ActivityStore *activity, QObject *parent = nullptr);
    ~Reaper() override;

    // The first sweep runs now: a restarted host reaps what expired while it was away.
    void start();
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
    SweepInput observe(const QList<ContainerInfo> &found, QHash<QString, QString> *keys) const;
    void decide(SweepRun *run, const QList<ContainerInfo> &found);
    bool claimStillDue(SweepRun *run, SweepInput *input, Reaping *reaping) const;
    void finish(SweepRun *run, const Error &error, const QStringList &removed = {});

    const SandboxContext *m_context;
    ActivityStore *m_activity;
    QTimer m_timer;
    QPointer<SweepRun> m_run;
    GcReport m_last;
};

} // namespace hako

Q_DECLARE_METATYPE(hako::GcReport)
