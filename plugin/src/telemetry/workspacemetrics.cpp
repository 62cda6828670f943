#include "workspacemetrics.h"

#include "../toolcatalog.h"

#include <QRegularExpression>

#include <seccomp.h>

namespace hako::telemetry {
namespace {

const QString kOther = QStringLiteral("other");

QString oneOf(const QString &value, const QStringList &allowed)
{
    return allowed.contains(value) ? value : kOther;
}

// Codes the plugin itself defines (proxy reasons, event types): short snake_case.
QString code(const QString &value)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,47}$"));
    return pattern.match(value).hasMatch() ? value : kOther;
}

const QStringList kTools = {QLatin1String(tool::kBash), QLatin1String(tool::kEditor), QLatin1String(tool::kReadFile),
                            QLatin1String(tool::kWriteFile)};
const QStringList kOutcomes = {QStringLiteral("ok"),        QStringLiteral("exit_nonzero"), QStringLiteral("timeout"),
                               QStringLiteral("cancelled"), QStringLiteral("oom_killed"),   QStringLiteral("rejected"),
                               QStringLiteral("error")};
const QStringList kRuntimes = {QStringLiteral("runc"), QStringLiteral("runsc")};
const QStringList kDestroyReasons = {QStringLiteral("idle_ttl"), QStringLiteral("absolute_ttl"),
                                     QStringLiteral("ended"),    QStringLiteral("shutdown"),
                                     QStringLiteral("orphan"),   QStringLiteral("error")};

// Seconds; tool calls run from milliseconds (an edit) to the 120 s default timeout and beyond.
const QList<double> kCallBuckets = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};
const QList<double> kUpstreamBuckets = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
const QList<double> kGcBuckets = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

} // namespace

WorkspaceMetrics::WorkspaceMetrics()
{
    MetricsRegistry &r = m_registry;
    r.gauge(QStringLiteral("workspace_build_info"), QStringLiteral("Hako version and the Qt it runs on."),
            {QStringLiteral("version"), QStringLiteral("qt_version")})
            ->set({QStringLiteral(HAKO_VERSION), QString::fromLatin1(qVersion())}, 1);
    m_active = r.gauge(QStringLiteral("workspace_containers_active"),
                       QStringLiteral("Running containers of this host instance, as of the last health probe."),
                       {QStringLiteral("runtime")});
    m_created = r.counter(QStringLiteral("workspace_containers_created_total"),
                          QStringLiteral("Containers this process started."), {QStringLiteral("runtime")});
    m_destroyed = r.counter(QStringLiteral("workspace_containers_destroyed_total"),
                            QStringLiteral("Containers this process removed, by reason."), {QStringLiteral("reason")});
    m_toolCalls =
            r.counter(QStringLiteral("workspace_tool_calls_total"), QStringLiteral("Tool calls by tool and outcome."),
                      {QStringLiteral("tool"), QStringLiteral("outcome")});
    m_toolDuration = r.histogram(QStringLiteral("workspace_tool_call_duration_seconds"),
                                 QStringLiteral("Tool call duration from request to result, container start included."),
                                 {QStringLiteral("tool")}, kCallBuckets);
    m_proxyRequests = r.counter(QStringLiteral("workspace_proxy_requests_total"),
                                QStringLiteral("Credential proxy requests by decision and reason."),
                                {QStringLiteral("decision"), QStringLiteral("reason")});
    m_proxyUpstream = r.histogram(QStringLiteral("workspace_proxy_upstream_duration_seconds"),
                                  QStringLiteral("Time from forwarding a request upstream to the end of its answer."),
                                  {}, kUpstreamBuckets);
    m_proxyTokens = r.counter(QStringLiteral("workspace_proxy_tokens_total"),
                              QStringLiteral("Tokens Bedrock reported for answers through the credential proxy."),
                              {QStringLiteral("direction")});
    m_seccompViolations = r.counter(QStringLiteral("workspace_seccomp_violations_total"),
                                    QStringLiteral("System calls the seccomp profile refused inside a container."),
                                    {QStringLiteral("syscall")});
    m_securityEvents = r.counter(QStringLiteral("workspace_security_events_total"),
                                 QStringLiteral("Security-relevant events by type."), {QStringLiteral("type")});
    m_tripwires =
            r.counter(QStringLiteral("workspace_tripwires_total"),
                      QStringLiteral("Tripwires a sandbox set off (decoy credentials used or opened), by source."),
                      {QStringLiteral("source")});
    m_gcRuns = r.counter(QStringLiteral("workspace_gc_runs_total"),
                         QStringLiteral("Garbage collection sweeps by result."), {QStringLiteral("result")});
    m_gcDuration = r.histogram(QStringLiteral("workspace_gc_duration_seconds"),
                               QStringLiteral("Duration of garbage collection sweeps."), {}, kGcBuckets);
    m_gcLastRun = r.gauge(QStringLiteral("workspace_gc_last_run_timestamp_seconds"),
                          QStringLiteral("When the last garbage collection sweep started."));
    m_gcInterval = r.gauge(QStringLiteral("workspace_gc_interval_seconds"),
                           QStringLiteral("Configured seconds between garbage collection sweeps."));
    m_dockerErrors =
            r.counter(QStringLiteral("workspace_docker_errors_total"),
                      QStringLiteral("Failed docker CLI invocations by operation."), {QStringLiteral("operation")});
    m_dockerUp = r.gauge(QStringLiteral("workspace_docker_up"),
                         QStringLiteral("1 when the container engine answered the last health probe."));
    m_credentialExpiry = r.gauge(QStringLiteral("workspace_credential_expiry_timestamp_seconds"),
                                 QStringLiteral("When the proxy's current credentials expire; 0 when they do not."));
    m_credentialFailures = r.counter(QStringLiteral("workspace_credential_refresh_failures_total"),
                                     QStringLiteral("Failed attempts to load or refresh the proxy's credentials."));
    m_assumeRoleFailures = r.counter(
            QStringLiteral("workspace_credential_assume_role_failures_total"),
            QStringLiteral("Failed STS AssumeRole calls for conversations' sessions (credentials.assumeRole)."));
    m_atPidsLimit =
            r.gauge(QStringLiteral("workspace_containers_at_pids_limit"),
                    QStringLiteral("Containers whose process count reached their pids limit at the last probe."));
    m_oomKills = r.counter(QStringLiteral("workspace_container_oom_kills_total"),
                           QStringLiteral("Processes the kernel killed for memory in this instance's containers."));
    m_pidsLimitHits = r.counter(QStringLiteral("workspace_container_pids_limit_hits_total"),
                                QStringLiteral("Process creations refused by a container's pids limit."));
    for (const QString &result : {QStringLiteral("ok"), QStringLiteral("error")})
        m_gcRuns->add({result}, 0);
    m_credentialFailures->add({}, 0);
    m_assumeRoleFailures->add({}, 0);
    for (const QString &direction : {QStringLiteral("input"), QStringLiteral("output")})
        m_proxyTokens->add({direction}, 0);
    m_oomKills->add({}, 0);
    m_pidsLimitHits->add({}, 0);
}

QString WorkspaceMetrics::syscallLabel(const QString &syscall)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z_][a-z0-9_]{0,31}$"));
    if (!pattern.match(syscall).hasMatch())
        return kOther;
    return seccomp_syscall_resolve_name(syscall.toLatin1().constData()) == __NR_SCMP_ERROR ? kOther : syscall;
}

QString WorkspaceMetrics::toolLabel(const QString &tool)
{
    return oneOf(tool, kTools);
}

QString WorkspaceMetrics::destroyReason(const QString &reason)
{
    return kDestroyReasons.contains(reason) ? reason : QStringLiteral("error");
}

void WorkspaceMetrics::toolCall(const QString &tool, const QString &outcome, double seconds)
{
    const QString t = toolLabel(tool);
    m_toolCalls->add({t, oneOf(outcome, kOutcomes)});
    m_toolDuration->observe({t}, seconds);
}

void WorkspaceMetrics::proxyDecision(const QString &decision, const QString &reason, qint64 upstreamMs)
{
    m_proxyRequests->add({code(decision), code(reason)});
    if (upstreamMs >= 0)
        m_proxyUpstream->observe({}, double(upstreamMs) / 1000);
}

void WorkspaceMetrics::securityEvent(const QString &type)
{
    m_securityEvents->add({code(type)});
}

void WorkspaceMetrics::tripwire(const QString &source)
{
    m_tripwires->add({oneOf(source, {QStringLiteral("proxy"), QStringLiteral("canary")})});
}

void WorkspaceMetrics::seccompViolation(const QString &syscall)
{
    m_seccompViolations->add({syscallLabel(syscall)});
}

void WorkspaceMetrics::containerCreated(const QString &runtime)
{
    m_created->add({oneOf(runtime, kRuntimes)});
}

void WorkspaceMetrics::containersDestroyed(const QString &reason, int count)
{
    if (count > 0)
        m_destroyed->add({destroyReason(reason)}, count);
}

void WorkspaceMetrics::setContainersActive(const QString &runtime, int count)
{
    m_active->clear();
    m_active->set({oneOf(runtime, kRuntimes)}, count);
}

void WorkspaceMetrics::gcRun(bool ok, double seconds, qint64 startedAtSecs)
{
    m_gcRuns->add({ok ? QStringLiteral("ok") : QStringLiteral("error")});
    m_gcDuration->observe({}, seconds);
    m_gcLastRun->set({}, double(startedAtSecs));
}

void WorkspaceMetrics::setGcInterval(int seconds)
{
    m_gcInterval->set({}, seconds);
}

void WorkspaceMetrics::dockerError(const QString &operation)
{
    m_dockerErrors->add({code(operation)});
}

void WorkspaceMetrics::setDockerUp(bool up)
{
    m_dockerUp->set({}, up ? 1 : 0);
}

void WorkspaceMetrics::setCredentialExpiry(qint64 secsSinceEpoch)
{
    m_credentialExpiry->set({}, double(secsSinceEpoch));
}

void WorkspaceMetrics::credentialRefreshFailed()
{
    m_credentialFailures->add();
}

void WorkspaceMetrics::proxyTokens(qint64 input, qint64 output)
{
    m_proxyTokens->add({QStringLiteral("input")}, double(input));
    m_proxyTokens->add({QStringLiteral("output")}, double(output));
}

void WorkspaceMetrics::assumeRoleFailed()
{
    m_assumeRoleFailures->add();
}

void WorkspaceMetrics::setContainersAtPidsLimit(int count)
{
    m_atPidsLimit->set({}, count);
}

void WorkspaceMetrics::containerLimitEvents(qint64 oomKills, qint64 pidsLimitHits)
{
    m_oomKills->add({}, double(oomKills));
    m_pidsLimitHits->add({}, double(pidsLimitHits));
}

} // namespace hako::telemetry
