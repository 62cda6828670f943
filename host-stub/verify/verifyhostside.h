// Probes of T-9, the sandbox attacking the host side: the socket directory's
// layout seen from the host, the agent's key out of reach of tools, and
// impostors at agent.sock that the host must refuse.
#pragma once

#include "verifyoutcome.h"
#include "verifysession.h"

namespace hako::host::verify {

// The main conversation's socket directory on the host: the host's own, with
// proxy.sock and the agent.sock link only, and the agent's directory a small
// file system of its own.
Outcome hostSocketDirectory(Session &session);
// The key, read from `docker inspect`, is nowhere a tool can read it.
Outcome agentKeyOutOfReach(Session &session);
// A fake agent left running in the scratch conversation is refused when the
// host connects afresh: agent_impersonation, a security event, a new container.
Outcome fakeAgentRefused(Session &session);
// agent.sock turned into a link to the neighbour's agent is refused the same
// way, and nothing runs in the neighbour.
Outcome plantedLinkRefused(Session &session);

} // namespace hako::host::verify
