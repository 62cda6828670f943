#include "healthreport.h"

#include <QJsonArray>

namespace hako::telemetry {
namespace {

QJsonValue isoOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject counts(const QMap<QString, int> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

bool credentialsOff(const proxy::CredentialStatus &c)
{
    return c.source == QLatin1String("none");
}

QJsonObject credentialsJson(const proxy::CredentialStatus &c)
{
    const QString state = credentialsOff(c) ? QStringLiteral("disabled")
                          : c.usable        ? QStringLiteral("ok")
                                            : QStringLiteral("unavailable");
    QJsonObject o = {{QStringLiteral("source"), c.source},
                     {QStringLiteral("state"), state},
                     {QStringLiteral("expires"), isoOrNull(c.expiration)},
                     {QStringLiteral("last_success"), isoOrNull(c.lastSuccess)},
                     {QStringLiteral("last_failure"), isoOrNull(c.lastFailure)}};
    if (!c.lastError.isEmpty())
        o.insert(QStringLiteral("last_error"), c.lastError);
    if (c.consecutiveFailures > 0) {
        o.insert(QStringLiteral("consecutive_failures"), c.consecutiveFailures);
        o.insert(QStringLiteral("retry_at"), isoOrNull(c.retryAt));
    }
    return o;
}

// Limits (0: none) and each served conversation's use of them, by its key.
QJsonObject budgetsJson(const HealthFacts &f)
{
    QJsonArray conversations;
    for (const proxy::ConversationBudget &b : f.proxyBudgets) {
        conversations.append(QJsonObject{{QStringLiteral("conversation"), b.conversation},
                                         {QStringLiteral("input_tokens"), b.tokens.input},
                                         {QStringLiteral("output_tokens"), b.tokens.output},
                                         {QStringLiteral("tokens_exhausted"), b.tokensExhausted},
                                         {QStringLiteral("requests_last_minute"), b.requestsLastMinute}});
    }
    return {{QStringLiteral("tokens"), f.tokenBudget},
            {QStringLiteral("requests_per_minute"), f.requestsPerMinute},
            {QStringLiteral("conversations"), conversations}};
}

QJsonObject dockerJson(const HealthFacts &f)
{
    QJsonObject o = {{QStringLiteral("reachable"), f.engineReachable},
                     {QStringLiteral("version"), f.engineReachable ? QJsonValue(f.engine.version) : QJsonValue()}};
    if (!f.engineError.isEmpty())
        o.insert(QStringLiteral("error"), f.engineError);
    return o;
}

QJsonObject gap(const char *code, const char *summary)
{
    return {{QStringLiteral("code"), QLatin1String(code)}, {QStringLiteral("summary"), QLatin1String(summary)}};
}

} // namespace

QJsonArray runtimeGaps(const QString &runtime, const EngineInfo &engine)
{
    QJsonArray gaps;
    if (runtime != QLatin1String("runsc"))
        return gaps;
    // Measured with Debian's runsc 20221219 (--platform=ptrace --network=none --host-uds=all).
    if (!engine.runtimeArgs.value(runtime).contains(QLatin1String("--oci-seccomp")))
        gaps.append(gap("gvisor-no-oci-seccomp",
                        "runsc is registered without --oci-seccomp: the whitelist profile is not applied; only "
                        "hako-agent's own layer (the explicitly denied calls) is in force inside the sandbox"));
    gaps.append(gap("gvisor-statx-no-automount",
                    "statx and newfstatat with AT_NO_AUTOMOUNT fail with EINVAL: GNU ls and stat fail with "
                    "\"Invalid argument\""));
    gaps.append(gap("gvisor-uncounted", "no seccomp user notification: denied calls are refused but not counted in "
                                        "workspace_seccomp_violations_total"));
    gaps.append(gap("gvisor-oom-sandbox",
                    "the memory limit ends the whole sandbox, not only the tool: the call fails with agent_lost and "
                    "the next call starts a new container (the workspace is kept)"));
    gaps.append(gap("gvisor-limits",
                    "no cgroup files inside; the process limit is RLIMIT_NPROC inside the sandbox, and gVisor's own "
                    "host threads count against the host pids limit"));
    gaps.append(gap("gvisor-init-signals", "a tool can signal the agent (PID 1), which ends the sandbox"));
    gaps.append(gap("gvisor-dumpable", "the agent's environment is readable by tools (nothing secret is in it)"));
    return gaps;
}

QString healthStatus(const HealthFacts &f, QStringList *problems)
{
    if (!f.checkedAt.isValid())
        problems->append(QStringLiteral("not_checked_yet"));
    else if (!f.engineReachable)
        problems->append(QStringLiteral("docker_unreachable"));
    else {
        if (!f.engine.runtimes.contains(f.runtime))
            problems->append(QStringLiteral("runtime_missing"));
        if (!f.engine.seccomp || f.seccompSha256.isEmpty())
            problems->append(QStringLiteral("seccomp_not_in_force"));
    }
    if (f.check.phase == CheckState::Phase::Pending)
        problems->append(QStringLiteral("verify_pending"));
    if (f.check.refuses())
        problems->append(QStringLiteral("verify_failed"));
    const bool down = !problems->isEmpty();
    if (f.check.failed() && f.check.failOpen)
        problems->append(QStringLiteral("verify_failed_open"));
    if (!f.credentials.usable && !credentialsOff(f.credentials))
        problems->append(QStringLiteral("credentials_unavailable"));
    if (f.gcFailed)
        problems->append(QStringLiteral("gc_failed"));
    if (f.gcStale)
        problems->append(QStringLiteral("gc_not_running"));
    if (down)
        return QStringLiteral("down");
    return problems->isEmpty() ? QStringLiteral("ok") : QStringLiteral("degraded");
}

QJsonObject healthJson(const HealthFacts &f)
{
    QStringList problems;
    const QString status = healthStatus(f, &problems);
    const bool known = f.engineReachable;
    return {{QStringLiteral("status"), status},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
            {QStringLiteral("checked_at"), isoOrNull(f.checkedAt)},
            {QStringLiteral("docker"), dockerJson(f)},
            {QStringLiteral("engine"), f.engine.toJson()},
            {QStringLiteral("runtimes"),
             QJsonObject{{QStringLiteral("configured"), f.runtime},
                         {QStringLiteral("available"), QJsonArray::fromStringList(f.engine.runtimes)},
                         {QStringLiteral("gaps"), runtimeGaps(f.runtime, f.engine)}}},
            {QStringLiteral("userns_remap"), known ? QJsonValue(f.engine.userns) : QJsonValue()},
            {QStringLiteral("seccomp"),
             QJsonObject{{QStringLiteral("in_force"), known && f.engine.seccomp && !f.seccompSha256.isEmpty()},
                         {QStringLiteral("profile"), f.seccompProfile},
                         {QStringLiteral("sha256"), f.seccompSha256},
                         {QStringLiteral("agent_rules_sha256"), f.agentRulesSha256}}},
            {QStringLiteral("apparmor"),
             QJsonObject{{QStringLiteral("in_force"),
                          known ? QJsonValue(f.engine.apparmor && !f.appArmorProfile.isEmpty()) : QJsonValue()},
                         {QStringLiteral("profile"), f.appArmorProfile}}},
            {QStringLiteral("containers"), counts(f.containers)},
            {QStringLiteral("containers_at_pids_limit"), f.containersAtPidsLimit},
            {QStringLiteral("proxies"), QJsonObject{{QStringLiteral("listening"), f.proxiesListening},
                                                    {QStringLiteral("socket_missing"), f.proxySocketsMissing},
                                                    {QStringLiteral("budgets"), budgetsJson(f)}}},
            {QStringLiteral("last_gc"), f.lastGc},
            {QStringLiteral("gc_interval_s"), f.gcInterval},
            {QStringLiteral("credentials"), credentialsJson(f.credentials)},
            {QStringLiteral("admin"), f.adminAddress.isEmpty() ? QJsonValue() : QJsonValue(f.adminAddress)},
            {QStringLiteral("verify"), f.check.toJson()}};
}

} // namespace hako::telemetry
