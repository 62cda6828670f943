// What conversations' containers and warm pool containers have in common:
// the container spec built from the settings, and their socket directory.
#pragma once

#include "../engine/containerpolicy.h"

#include <hako/error.h>

namespace hako {

struct SandboxContext;

// The spec of a container of this host with the given name, directories and
// labels besides the common ones (managed, instance, runtime, created).
ContainerSpec sandboxSpec(const SandboxContext &context, const QString &name, const QString &workspaceDir,
                          const QString &socketDir, const QMap<QString, QString> &labels);

// Makes `dir` the container user's alone (0700); when that user is someone
// this process cannot chown to (not root), open to all (0777) instead.
bool giveToContainerUser(const QString &dir, uint uid);

// An empty directory for agent.sock and proxy.sock, writable by the container's user only.
Error prepareSocketDir(const SandboxContext &context, const QString &dir);

} // namespace hako
