// Host-side files the plugin needs besides its settings: the agent binary,
// the seccomp layers handed to docker and to the agent, the instance identity.
#pragma once

#include <hako/error.h>

#include <QString>

namespace hako {

// hako-agent next to the plugin (build tree or install tree), or $HAKO_AGENT.
QString locateAgentBinary();

struct SeccompFiles
{
    QString dockerProfile; // for --security-opt seccomp=
    QString agentRules;    // mounted for hako-agent's own layer
    // SHA-256 (hex) of what was written: the start-up check holds the files to them.
    QByteArray dockerProfileSha256;
    QByteArray agentRulesSha256;
};

// The configured profile, else the embedded whitelist, validated and split
// into its two layers (policy/seccomplayers.h), both written under `runtimeDir`
// with a stamp of what was validated. Files already there, the host user's own
// and as written, are kept, and the same profile is not validated again.
// *files is set once the profile is valid, even if writing it then fails.
Error materialiseSeccompProfile(const QString &configured, const QString &runtimeDir, SeccompFiles *files);

// A stable identity for this host's containers, kept in `runtimeDir` so that
// every process of the same host shares it and a restarted host keeps it.
// On failure *id is still set: to a fresh ID if it could not be stored, to
// empty if the stored one could not be read back.
Error loadOrCreateInstanceId(const QString &runtimeDir, QString *id);

} // namespace hako
