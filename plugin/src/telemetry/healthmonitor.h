// Checks the container system every lifecycle.gcInterval seconds (and at
// once when started): engine reachable and what it offers, this instance's
// containers, their cgroup limits, the proxy's listeners and credentials, GC.
// So /healthz follows a cause within one GC interval; the gauges of
// WorkspaceMetrics that describe state are set from the same probe.
#pragma once

#include "cgroupstats.h"
#include "healthreport.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace hako {
class ContainerEngine;
struct GcReport;
struct InstanceConfig;
namespace proxy {
class CredentialProxy;
}
} // namespace hako

namespace hako::telemetry {

class WorkspaceMetrics;

class HealthMonitor final : public QObject
{
    Q_OBJECT
public:
    HealthMonitor(WorkspaceMetrics *metrics, QObject *parent = nullptr);

    // Checks this configuration's engine and proxy from now on; they outlive
    // this monitor or the next attach().
    void attach(const InstanceConfig &config, ContainerEngine &engine, proxy::CredentialProxy &proxy);

    void start();
    void stop();
    void probe();     // ignored while one runs
    void probeOnce(); // a probe unless one ran or runs
    void gcFinished(const hako::GcReport &report);
    void setAdminAddress(const QString &address) { m_facts.adminAddress = address; }
    void setCheck(const CheckState &check) { m_facts.check = check; }

    QJsonObject report() const;

private:
    int intervalMs() const;
    void onEngine(QObject *run, const Error &error, const EngineInfo &info);
    void onContainers(QObject *run, const QList<ContainerInfo> &found);
    void finish(QObject *run);

    const InstanceConfig *m_config = nullptr;
    ContainerEngine *m_engine = nullptr;
    proxy::CredentialProxy *m_proxy = nullptr;
    WorkspaceMetrics *m_metrics;
    QTimer m_timer;
    QPointer<QObject> m_run;
    HealthFacts m_facts;
    CgroupStats m_cgroups;
    qint64 m_startedAt = 0;
    QDateTime m_lastGc;
    QString m_lastStatus;
};

} // namespace hako::telemetry
