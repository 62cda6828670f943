// /healthz: what the health monitor found, as JSON, and the overall status it
// adds up to. A pure function of the facts, so that every rule is testable.
//
//   down      no container can be started safely: the engine does not answer,
//             the configured runtime is missing, seccomp is not in force, or
//             the start-up check has not finished or failed (calls are refused);
//   degraded  containers run, but something around them is wrong: the proxy
//             holds no usable credentials, garbage collection fails or
//             stopped running, or the start-up check failed under verify.failOpen;
//   ok        otherwise.
#pragma once

#include "../engine/containerengine.h"
#include "../proxy/credentials.h"
#include "../proxy/tokenbudget.h"
#include "../verify/checkstate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QStringList>

namespace hako::telemetry {

struct HealthFacts
{
    QDateTime checkedAt; // invalid: no probe has finished yet
    bool engineReachable = false;
    QString engineError; // translated, when not reachable
    EngineInfo engine;
    QString runtime;               // the configured one
    QString seccompProfile;        // host path handed to the engine
    QString seccompSha256;         // empty when the file cannot be read
    QString agentRulesSha256;      // hako-agent's own layer (the counted denials)
    QString appArmorProfile;       // applied to containers; empty where the kernel has none
    QMap<QString, int> containers; // this instance's, by state
    int containersAtPidsLimit = 0;
    int proxiesListening = 0;
    int proxySocketsMissing = 0;                   // listening, but the socket file is gone
    QList<proxy::ConversationBudget> proxyBudgets; // one per served conversation
    int tokenBudget = 0;                           // proxy.budget.tokens
    int requestsPerMinute = 0;                     // proxy.budget.requestsPerMinute
    QJsonValue lastGc;                             // GcReport::toJson(), null before the first sweep
    bool gcFailed = false;                         // the last sweep failed
    bool gcStale = false;                          // no sweep for several intervals
    int gcInterval = 0;
    proxy::CredentialStatus credentials;
    QString adminAddress; // HOST:PORT served, empty when off
    CheckState check;     // the start-up check (verify/startcheck.h)
};

// "ok", "degraded" or "down"; `problems` gets a stable code per finding.
QString healthStatus(const HealthFacts &facts, QStringList *problems);

QJsonObject healthJson(const HealthFacts &facts);

// What the configured runtime is known not to do as runc does, measured and
// described in docs/operations.md §4 and docs/seccomp-syscall-analysis.md §9:
// [{"code", "summary"}]; empty for runc.
QJsonArray runtimeGaps(const QString &runtime, const EngineInfo &engine);

} // namespace hako::telemetry
