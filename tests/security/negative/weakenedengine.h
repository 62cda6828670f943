// The negative control's seam: a container engine that starts containers
// with the protections named in $HAKO_TEST_WEAKEN removed ("read-only": no
// read-only rootfs; "pids": no process limit; "socket-dir-writable": the
// host's socket directory mounted read-write; "agent-key-exposed": the
// agent's key in every tool's environment). It is compiled only into the
// test plugin hako-weakened (HAKO_TEST_SEAM); the shipped plugin has neither
// this code nor the variable's name, and no setting reaches either weakening.
#pragma once

#include "engine/containerengine.h"

namespace hako::test {

// Wraps `engine` (taking it over) when HAKO_TEST_WEAKEN names a weakening.
ContainerEngine *weakened(ContainerEngine *engine);

} // namespace hako::test
