// Clearing up after a command without ending the shell that ran it. A
// persistent shell leads its own process group and everything it starts joins
// that group, so "what the command left behind" is the group minus the shell.
#pragma once

#include <sys/types.h>

namespace hako::agent {

// Whether any process other than `keep` is in group `pgid`, where `keep` is a
// single-threaded leader whose descendants stay in its group or leave it for
// good: what it started is then its own child, or an orphan handed to the
// agent (a subreaper, or PID 1). Only those two lists of children are read, so
// the check costs the same however many processes the machine runs.
bool groupHasOthers(pid_t pgid, pid_t keep);

// Kills every member of `pgid` except `keep`, which is left running. The group
// is stopped first with one kill(-pgid), which the kernel makes atomic with
// respect to fork, so a fork bomb cannot outrun the sweep.
void killGroupExcept(pid_t pgid, pid_t keep);

} // namespace hako::agent
