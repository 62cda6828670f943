// The agent's own seccomp layer, stacked under Docker's profile. Docker's
// layer is the whitelist; the system calls our profile denies by name (mount,
// ptrace, AF_INET sockets, ...) pass it and are denied here instead, with a
// user notification that the agent answers with the rule's errno and counts.
// The kernel returns the most restrictive action of all stacked filters, so a
// call Docker's layer denied would never reach this one: the plugin derives
// both layers from the one profile so that each denial lands where it is
// counted. Where notifications are unavailable (gVisor) the same rules deny
// with their errno directly, uncounted.
#pragma once

#include "failure.h"
#include "fd.h"

#include <map>
#include <string>

namespace hako::agent {

struct SeccompLayer
{
    UniqueFd listener;                 // invalid when the rules deny without notifying
    std::map<std::string, int> errnos; // the errno each denied call answers, by name
};

// Reads the rules (a JSON array of Docker profile entries: names, args,
// errnoRet) and loads them onto the agent itself, which every tool inherits.
// The agent never makes the calls it denies, so supervising itself cannot
// deadlock. A failure when nothing could be loaded: the agent must then not
// serve tools.
std::optional<Failure> installSeccompLayer(const std::string &rulesPath, SeccompLayer &layer);

} // namespace hako::agent
