// The workspace_* metrics Hako exposes on /metrics, in one place: names, help,
// label names and the bounded label values each may take. Anything outside a
// label's set is recorded as "other", so no caller can grow a label without
// bound (and no conversation ID or path ever becomes a label).
#pragma once

#include "metrics.h"

namespace hako::telemetry {

class WorkspaceMetrics
{
public:
    WorkspaceMetrics();

    void toolCall(const QString &tool, const QString &outcome, double seconds);
    void proxyDecision(const QString &decision, const QString &reason, qint64 upstreamMs);
    void securityEvent(const QString &type);
    void tripwire(const QString &source); // proxy or canary
    void seccompViolation(const QString &syscall);
    void containerCreated(const QString &runtime);
    void containersDestroyed(const QString &reason, int count);
    void setContainersActive(const QString &runtime, int count);
    void gcRun(bool ok, double seconds, qint64 startedAtSecs);
    void setGcInterval(int seconds);
    void dockerError(const QString &operation);
    void setDockerUp(bool up);
    void setCredentialExpiry(qint64 secsSinceEpoch); // 0: none, or no credentials
    void credentialRefreshFailed();
    void assumeRoleFailed();
    void proxyTokens(qint64 input, qint64 output);
    void setContainersAtPidsLimit(int count);
    void containerLimitEvents(qint64 oomKills, qint64 pidsLimitHits);

    QByteArray exposition() const { return m_registry.exposition(); }
    const MetricsRegistry &registry() const { return m_registry; }

    // The tool's name when it is one of Hako's tools, "other" otherwise.
    static QString toolLabel(const QString &tool);
    // The label value a syscall name is recorded under: itself when the
    // kernel's table knows it, "other" otherwise (the name comes from inside
    // a container).
    static QString syscallLabel(const QString &syscall);
    // Why a container went: idle_ttl, absolute_ttl, ended, shutdown, orphan or
    // error (a stopped or unresponsive container replaced or collected).
    static QString destroyReason(const QString &reason);

private:
    MetricsRegistry m_registry;
    MetricFamily *m_toolCalls;
    MetricFamily *m_toolDuration;
    MetricFamily *m_proxyRequests;
    MetricFamily *m_proxyUpstream;
    MetricFamily *m_securityEvents;
    MetricFamily *m_tripwires;
    MetricFamily *m_seccompViolations;
    MetricFamily *m_created;
    MetricFamily *m_destroyed;
    MetricFamily *m_active;
    MetricFamily *m_gcRuns;
    MetricFamily *m_gcDuration;
    MetricFamily *m_gcLastRun;
    MetricFamily *m_gcInterval;
    MetricFamily *m_dockerErrors;
    MetricFamily *m_dockerUp;
    MetricFamily *m_credentialExpiry;
    MetricFamily *m_credentialFailures;
    MetricFamily *m_assumeRoleFailures;
    MetricFamily *m_proxyTokens;
    MetricFamily *m_atPidsLimit;
    MetricFamily *m_oomKills;
    MetricFamily *m_pidsLimitHits;
};

} // namespace hako::telemetry
