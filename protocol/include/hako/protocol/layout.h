// Where things are inside a conversation's container, and the names in the
// socket directory, which are the same inside and on the host: the plugin
// mounts by these paths and the agent listens and works by them.
#pragma once

namespace hako::proto {

inline constexpr char kAgentPathInContainer[] = "/opt/hako/hako-agent";
inline constexpr char kAgentSeccompInContainer[] = "/opt/hako/seccomp.json";
inline constexpr char kWorkspaceInContainer[] = "/workspace";
inline constexpr char kSocketDirInContainer[] = "/var/run/hako";
// In the socket directory: the agent's own writable directory, which holds its
// socket, a link to that socket by the same name, and the credential proxy's.
// The tools' home (HOME): the /tmp tmpfs, since the root file system is read-only.
inline constexpr char kHomeInContainer[] = "/tmp";
inline constexpr char kAgentDirName[] = "agent";
inline constexpr char kAgentSocketName[] = "agent.sock";
inline constexpr char kProxySocketName[] = "proxy.sock";

} // namespace hako::proto
