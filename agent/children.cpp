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
    watched_.erase(
            std::remove_if(watched_.begin(), watched_.end(), [pid](const auto &entry) { return entry.first == pid; }),
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
        const auto it =
                std::find_if(watched_.begin(), watched_.end(), [pid](const auto &entry) { return entry.first == pid; });
        if (it == watched_.end())
            continue;
        ExitListener *listener = it->second;
        watched_.erase(it);
        listener->childExited(status);
    }
}

void GroupKiller::killAt(pid_t pgid, Clock::time_point when)
{
    if (pgid <= 1)
        return;
    const auto it = std::find_if(groups_.begin(), groups_.end(), [pgid](const Group &g) { return g.pgid == pgid; });
    if (it != groups_.end())
        it->due = std::min(it->due, when);
    else
        groups_.push_back({pgid, when});
    if (when <= Clock::now())
        sweep(Clock::now());
}

void GroupKiller::sweep(Clock::time_point now)
{
    const auto gone = [now](Group &g) {
        if (g.due > now)
            return false;
        g.due = now + kInterval;
        // ESRCH: the group is empty. EPERM: nothing left in it that we may signal.
        return ::kill(-g.pgid, SIGKILL) != 0;
    };
    groups_.erase(std::remove_if(groups_.begin(), groups_.end(), gone), groups_.end());
}

std::optional<GroupKiller::Clock::time_point> GroupKiller::nextSweep() const
{
    std::optional<Clock::time_point> next;
    for (const Group &g : groups_)
        next = next ? std::min(*next, g.due) : g.due;
    return next;
}

} // namespace hako::agent
