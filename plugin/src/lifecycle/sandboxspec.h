// What conversations' containers and warm pool containers have in common:
// the container spec built from the settings, and their socket directory.
#pragma once

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

// An empty directory for agent.sock and proxy.sock, writable by the
// container's user only; under userns-remap open to all (0777, as in the
// seed): the agent creates agent.sock as a remapped uid, the host's proxy
// creates proxy.sock as root, and both are reached from either side.
Error prepareSocketDir(const SandboxContext &context, const QString &dir);

} // namespace hako
