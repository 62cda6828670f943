// Process bookkeeping for PID 1: every child and every orphan re-parented to
// the agent is reaped here, and the pids the agent started are handed back to
// the call that started them.
#pragma once

#include <chrono>
#include <optional>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace hako::agent {

class ExitListener
{
public:
    virtual ~ExitListener() = default;
    virtual void childExited(int status) = 0;
};

class ChildTable
{
public:
    void watch(pid_t pid, ExitListener *listener);
    void forget(pid_t pid);
    // Collects every exited child (ours or adopted) without blocking.
    void reap();

private:
    std::vector<std::pair<pid_t, ExitListener *>> watched_;
};

// Keeps killing process groups until they are empty. One kill(-pgid) can race
// a fork in progress, and a fork bomb produces many such races.
class GroupKiller
{
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kInterval{20};

    void kill(pid_t pgid) { killAt(pgid, Clock::now()); }
    void killAt(pid_t pgid, Clock::time_point when);
    void sweep(Clock::time_point now);
    std::optional<Clock::time_point> nextSweep() const;

private:
    struct Group
    {
        pid_t pgid;
        Clock::time_point due;
    };
    std::vector<Group> groups_;
};

} // namespace hako::agent
