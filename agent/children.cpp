#include "children.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <sys/wait.h>

namespace hako::agent {

void ChildTable::watch(pid_t pid, ExitListener *listener)
{
    watched_.emplace_back(pid, listener);
}

void ChildTable::forget(pid_t pid)
{
    watched_.erase(std::remove_if(watched_.begin(), watched_.end(),
                                  [pid](const auto &entry) { return entry.first == pid; }),
                   watched_.end());
}

void ChildTable::reap()
{
    for (;;) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid < 0 && errno == EINTR)
            continue;
        if (pid <= 0)
            return;
        const auto it = std::find_if(watched_.begin(), watched_.end(),
                                     [pid](const auto &entry) { return entry.first == pid; });
        if (it == watched_.end())
            continue;
        ExitListener *listener = it->second;
        watched_.erase(it);
        listener->childExited(status);
    }
}

void GroupKiller::kill(pid_t pgid)
{
    if (pgid <= 1)
        return;
    if (::kill(-pgid, SIGKILL) != 0)
        return;
    if (std::find(groups_.begin(), groups_.end(), pgid) == groups_.end())
        groups_.push_back(pgid);
}

void GroupKiller::sweep()
{
    groups_.erase(std::remove_if(groups_.begin(), groups_.end(),
                                 // ESRCH: gone. EPERM: nothing left that we may signal.
                                 [](pid_t pgid) { return ::kill(-pgid, SIGKILL) != 0; }),
                  groups_.end());
}

} // namespace hako::agent
