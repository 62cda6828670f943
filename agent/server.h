// The agent's single-threaded poll(2) loop: the listening socket, the signal
// fd, every connection and every running tool's pipes. Nothing in it blocks
// except poll itself, so one slow host or one runaway tool cannot stall the rest.
#pragma once

#include "connection.h"
#include "decoys.h"
#include "fd.h"
#include "seccompnotify.h"
#include "tools.h"

#include <list>
#include <memory>
#include <poll.h>
#include <string>
#include <vector>

namespace hako::agent {

class Server
{
public:
    static constexpr std::size_t kMaxConnections = 16;

    // Events kept for a host that has not connected yet; beyond this the oldest go.
    static constexpr std::size_t kMaxPendingEvents = 4096;

    // `key` proves to the host that it reached this container's agent;
    // `signals` is a signalfd for SIGCHLD and the termination signals;
    // `supervisor` answers seccomp notifications, if the agent has them;
    // `decoys` reports its files opened, if the agent planted them.
    Server(Tools &tools, const AgentKey &key, UniqueFd signals, SeccompSupervisor *supervisor, Decoys *decoys)
        : tools_(tools), key_(key), signals_(std::move(signals)), supervisor_(supervisor), decoys_(decoys)
    {}
    ~Server();

    std::optional<Failure> listen(const std::string &socketPath);
    // Runs until SIGTERM or SIGINT; returns the process exit code.
    int run();

private:
    struct Target
    {
        Connection *connection;
        Call *call; // null: the connection's own socket
    };

    void buildPollSet();
    int pollTimeout(Clock::time_point now) const;
    bool hasCalls();
    bool handleSignals();
    void acceptConnections();
    void answerSeccomp();
    void noteCanary();
    void queueEvent(std::string event);
    void deliverEvents();
    void dispatch(const pollfd &fd, const Target &target);
    void runTimers(Clock::time_point now);
    void pumpTransfers();
    void finishTurn(Clock::time_point now);
    void shutdown();

    Tools &tools_;
    const AgentKey &key_;
    UniqueFd signals_;
    SeccompSupervisor *supervisor_;
    Decoys *decoys_;
    UniqueFd listener_;
    std::vector<std::string> pendingEvents_;
    std::string socketPath_;
    std::list<std::unique_ptr<Connection>> connections_;
    std::vector<pollfd> pollSet_;
    std::vector<Target> targets_;
    std::vector<Call *> scratch_;
};

} // namespace hako::agent
