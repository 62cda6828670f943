// Host-side files the plugin needs besides its settings: the agent binary,
// the seccomp profile handed to docker, the instance identity.
#pragma once

#include <hako/error.h>

#include <QString>

namespace hako {

// hako-agent next to the plugin (build tree or install tree), or $HAKO_AGENT.
QString locateAgentBinary();

// The profile docker should load: the configured path, else the embedded
// whitelist written under `runtimeDir`.
QString materialiseSeccompProfile(const QString &configured, const QString &runtimeDir, Error *error);

// A stable identity for this host's containers, kept in `runtimeDir` so that
// every process of the same host shares it and a restarted host keeps it.
QString loadOrCreateInstanceId(const QString &runtimeDir, Error *error);

} // namespace hako
