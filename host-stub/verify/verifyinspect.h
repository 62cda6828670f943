// Checks from outside the container: each reads `docker inspect` of a
// conversation's container and compares it with the configured policy. Pure
// functions, so that unit tests can feed them doctored inspect documents.
#pragma once

#include "verifyoutcome.h"
#include "verifysession.h"

#include <QJsonObject>

namespace hako::host::verify::inspect {

Outcome network(const QJsonObject &container);
Outcome readOnlyRootfs(const QJsonObject &container);
Outcome pidsLimit(const QJsonObject &container, const Expected &expected);
Outcome memory(const QJsonObject &container, const Expected &expected);
Outcome cpu(const QJsonObject &container, const Expected &expected);
Outcome tmpfs(const QJsonObject &container, const Expected &expected);
Outcome capabilities(const QJsonObject &container);
Outcome noNewPrivileges(const QJsonObject &container);
// The profile docker holds for the container is a whitelist that denies the
// calls layer L2s names; `onDisk` (the plugin's profile file) must be the same profile.
Outcome seccomp(const QJsonObject &container, const QByteArray &onDisk);
Outcome user(const QJsonObject &container);
// Only the conversation's own workspace, its socket directory, the agent and
// the agent's seccomp rules.
Outcome mounts(const QJsonObject &container);
// The host's socket directory is mounted read-only at /var/run/hako, and only
// its agent/ read-write, at /var/run/hako/agent (T-9).
Outcome socketMounts(const QJsonObject &container);
Outcome environment(const QJsonObject &container, const QString &canary);
Outcome namespaces(const QJsonObject &container, const Expected &expected);
Outcome labels(const QJsonObject &container);

// True for names the plugin must never hand to a container (credentials).
bool looksSecret(const QString &variableName);

} // namespace hako::host::verify::inspect
