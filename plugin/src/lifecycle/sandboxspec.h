// What conversations' containers and warm pool containers have in common:
// the container spec built from the settings, and their socket directory.
#pragma once

#include "../channel/agentchannel.h"
#include "../engine/containerengine.h"
#include "../engine/containerpolicy.h"

#include <hako/error.h>

#include <QObject>

#include <functional>

namespace hako {

struct SandboxContext;

// The spec of a container of this host with the given name, directories and
// labels besides the common ones (managed, instance, runtime, created).
ContainerSpec sandboxSpec(const SandboxContext &context, const QString &name, const QString &workspaceDir,
                          const QString &socketDir, const QMap<QString, QString> &labels);

// Makes `dir` the container user's alone (0700); when that user is someone
// this process cannot chown to (not root), open to all (0777) instead.
bool giveToContainerUser(const QString &dir, uint uid);

// The host uid of the container's user: containerUid, shifted by the remap
// under userns-remap.
uint containerHostUid(const SandboxContext &context);

// Calls `then` once the engine's facts are known (asks `docker info` the first
// time; when it does not answer, `then` runs with the defaults and the next
// container asks again).
void whenEngineKnown(const SandboxContext &context, QObject *receiver, std::function<void()> then);

// The container's socket directory made afresh (socketdir.h), its agent
// directory given to the container's user.
Error prepareSocketDir(const SandboxContext &context, const QString &dir);

// The key a running container's agent proves itself with, from the nonce it
// was labelled with; empty for a container that has none (an older host's).
QByteArray agentKeyOf(const SandboxContext &context, const ContainerInfo &container);

// Where and how the host reaches the agent of a container whose socket
// directory is `socketDir`.
AgentEndpoint agentEndpoint(const SandboxContext &context, const QString &socketDir, const QByteArray &key);

} // namespace hako
