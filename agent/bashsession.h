// The bash tool. There is no long-lived shell: each command runs in a fresh
// bash that restores the working directory and exported variables the
// previous one saved on exit. A crashed or killed command therefore cannot
// wedge the session, and a timeout can kill everything the command started.
#pragma once

#include "call.h"
#include "children.h"
#include "fd.h"
#include "spawn.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hako::agent {

class BashSession {
public:
    bool open(const std::string &stateDir, const std::string &workspace, std::string &error);
    SpawnRequest request(const std::string &command) const;
    // Forgets the saved directory and variables; the next command starts afresh.
    void restart();
    // Adopts what the shell `pid` saved on exit, if it exited on its own.
    void commit(pid_t pid, bool exitedNormally);

private:
    bool haveState() const;

    UniqueFd stateDir_;
    std::string workspace_;
    std::string wrapper_;
    std::vector<std::string> baseEnv_;
};

struct BashLimits {
    std::uint64_t timeoutMs = 0; // 0: none
    std::uint64_t outputLimit = 0;
};

class BashCall final : public Call, public ExitListener {
public:
    BashCall(Outbox &out, std::uint32_t id, BashSession &session, ChildTable &children, GroupKiller &killer,
             BashLimits limits);
    ~BashCall() override;

    std::optional<Failure> start(const std::string &command);

    void watchedFds(std::vector<int> &fds) const override;
    void onReadable(int fd) override;
    std::optional<Clock::time_point> deadline() const override;
    void onDeadline(Clock::time_point now) override;
    void cancel() override;
    void childExited(int status) override;

private:
    struct Stream {
        UniqueFd fd;
        proto::Type type;
        std::uint64_t total = 0;
        std::uint64_t shown = 0;
    };

    bool readChunk(Stream &stream);
    void emit(Stream &stream, const char *data, std::size_t size);
    void terminate();
    void finishIfDrained();
    void finish();
    Json result() const;

    BashSession &session_;
    ChildTable &children_;
    GroupKiller &killer_;
    const BashLimits limits_;
    pid_t pid_ = -1;
    Stream stdout_{UniqueFd(), proto::Type::Stdout};
    Stream stderr_{UniqueFd(), proto::Type::Stderr};
    Clock::time_point started_;
    std::optional<Clock::time_point> timeoutAt_;
    std::optional<Clock::time_point> drainUntil_;
    std::optional<std::uint64_t> oomBefore_;
    int status_ = 0;
    bool exited_ = false;
    bool timedOut_ = false;
    bool cancelled_ = false;
};

} // namespace hako::agent
