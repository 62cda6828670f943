// The host side of a container's /var/run/hako, laid out so that the sandbox
// can write only where nothing of the host's lives:
//
//   <dir>/              the host's (0755), mounted read-only at /var/run/hako
//   <dir>/proxy.sock    the credential proxy's socket, bound by the host
//   <dir>/agent.sock    -> agent/agent.sock, so that the in-container name holds
//   <dir>/agent/        the agent's own directory, the container user's (0700),
//                       mounted read-write at /var/run/hako/agent; a small tmpfs
//                       of its own when the host may mount, so that a sandbox
//                       cannot fill the host's runtime file system through it
//
// The host never acts by path inside <dir>/agent: it opens agent.sock there
// through a directory descriptor (safedir.h).
#pragma once

#include "sandboxpaths.h"

#include <hako/error.h>

namespace hako::socketdir {

// Makes paths.socketDir afresh for a new container whose user is `agentUid` on
// the host. Whatever an earlier container left there is removed without following it.
Error prepare(const SandboxPaths &paths, uint agentUid);

// Deletes paths.socketDir once its container is gone; true when nothing is left.
bool remove(const SandboxPaths &paths);

// Deletes every conversation's socket directory under `runtimeDir`, once the
// instance's containers are gone (shutdown).
void removeAll(const QString &runtimeDir);

} // namespace hako::socketdir
