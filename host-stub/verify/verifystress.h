// Destructive probes, run in the scratch conversation last (threats T-1, T-2),
// and the checks that what they broke stayed inside it.
#pragma once

#include "verifyoutcome.h"
#include "verifysession.h"

namespace hako::host::verify {

// Allocates past limits.memory: the tool is killed, other conversations carry on.
Outcome memoryBomb(Session &session);
// A bounded fork attempt past limits.pids and, only if that was stopped, a real
// fork bomb; the sandbox recovers when the call's timeout kills it.
Outcome forkBomb(Session &session);
// SIGSTOP and SIGKILL to the agent (PID 1): under runc the kernel ignores
// them; under gVisor the sandbox ends and the next call gets a new one.
Outcome agentSignals(Session &session);
// rm -rf / inside; the image, the neighbour's workspace and the host survive.
Outcome removeEverything(Session &session);
// After the destructive probes, the other conversations answer unchanged.
Outcome othersUnharmed(Session &session);
// Nothing was written to the main container's layer by any probe.
Outcome containerLayer(Session &session);
// From the host: the container's first process runs under a seccomp filter
// with no_new_privs (the agent under runc, the Sentry under gVisor).
Outcome sandboxFilter(Session &session);

} // namespace hako::host::verify
