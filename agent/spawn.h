// Starting tool processes. Each child leads a process group of its own, so a
// timeout or cancel can kill everything it started with one kill(-pgid).
#pragma once

#include "fd.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace hako::agent {

// A descriptor of the agent's that the child gets as descriptor `as`.
struct InheritedFd
{
    int fd;
    int as; // above 2: stdin, stdout and stderr are spawnProcess's own
};

struct SpawnRequest
{
    std::vector<std::string> argv; // argv[0] is an absolute path; no PATH search
    std::vector<std::string> env;
    std::string cwd;
    std::vector<InheritedFd> inherit;
};

struct Spawned
{
    pid_t pid = -1;    // also the process group id
    UniqueFd stdoutFd; // read ends, non-blocking, close-on-exec
    UniqueFd stderrFd;
};

// Returns 0, or the errno of whatever failed (EAGAIN when the pids limit is
// reached, the exec's own errno when the program could not be run).
int spawnProcess(const SpawnRequest &request, Spawned &out);

} // namespace hako::agent
