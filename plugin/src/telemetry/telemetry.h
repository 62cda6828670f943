// The plugin's observability in one part: it watches the other parts (calls,
// sandboxes, the reaper, the engine, the proxy) and turns what they report
// into metrics, audit lines and health; it serves them when started.
#pragma once

#include "auditlog.h"
#include "eventthrottle.h"
#include "workspacemetrics.h"

#include <hako/error.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace hako {
class ContainerEngine;
class Reaper;
class StartCheck;
class Sandbox;
class ToolCall;
struct InstanceConfig;
struct Settings;
namespace proxy {
class CredentialProxy;
}
} // namespace hako

namespace hako::telemetry {

class AdminServer;
class HealthMonitor;

class Telemetry final : public QObject
{
    Q_OBJECT
public:
    explicit Telemetry(QObject *parent = nullptr);
    ~Telemetry() override;

    // Checks and applies admin.listen and the audit.* keys; nothing changes on error.
    QList<Error> configure(const Settings &settings);
    // Follows a new configuration: its engine, proxy and identity, which
    // outlive this object or the next attach().
    void attach(const InstanceConfig &config, ContainerEngine &engine, proxy::CredentialProxy &proxy);

    void watchCall(ToolCall *call);
    void watchSandbox(Sandbox *sandbox, const QString &key);
    void watchReaper(Reaper *reaper);
    // Health shows the check's state; calls that run on a failed check are audited as such.
    void watchCheck(StartCheck *check) { m_check = check; }
    void containersRemoved(const QString &reason, int count);
    // A tripwire in conversation `key` (Tripwires::tripped): metric, critical audit line, health count.
    void tripwire(const QString &key, const QString &source, const QString &action);

    // Health probes and, when admin.listen is set, the admin endpoints.
    void start();
    void stop();
    QJsonObject health() const;
    QByteArray metricsText() const { return m_metrics.exposition(); }

private:
    void serve();
    QString conversationOf(const QString &key) const { return m_conversations.value(key, key); }
    void writeViolation(const QString &key, const QString &syscall, qint64 count);
    void writeHeldViolations(const QList<EventThrottle::Line> &lines);

    const InstanceConfig *m_config = nullptr;
    WorkspaceMetrics m_metrics;
    AuditLog m_audit;
    HealthMonitor *m_health;
    AdminServer *m_admin;
    QString m_listen;
    bool m_started = false;
    QPointer<StartCheck> m_check;
    QHash<QString, QString> m_conversations; // key -> the ID the host gave
    QHash<QString, QString> m_proxySockets;  // a watched sandbox's proxy socket -> its key
    qint64 m_tripwires = 0;                  // set off since this process started
    // Log and audit lines of refused system calls, per (sandbox, call name);
    // the metric counts every one.
    EventThrottle m_violationLines;
    QTimer m_violationFlush;
    QTimer m_checkpoints;
};

} // namespace hako::telemetry
