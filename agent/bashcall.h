// One call of the bash tool: runs a command in one of the session's shells,
// streams its output, and ends at the shell's status line (or its death).
// What the command left running in the shell's process group is given a short
// grace and then killed, so a call leaves nothing behind but its files, its
// exports and its working directory.
#pragma once

#include "bashrequest.h"
#include "bashsession.h"
#include "call.h"
#include "children.h"
#include "fd.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hako::agent {

class BashCall final : public Call, public ExitListener
{
public:
    BashCall(Outbox &out, std::uint32_t id, BashSession &session, GroupKiller &killer, BashLimits limits);
    ~BashCall() override;

    std::optional<Failure> start(const std::string &command);

    void watchedFds(std::vector<int> &fds) const override;
    void onReadable(int fd) override;
    std::optional<Clock::time_point> deadline() const override;
    void onDeadline(Clock::time_point now) override;
    void cancel() override;
    void childExited(int status) override;

private:
    struct Stream
    {
        int fd = -1; // the shell's; -1 once it reached EOF
        proto::Type type;
        std::uint64_t total = 0;
        std::uint64_t shown = 0;
        bool closed = false; // the shell's end was closed (`exec >&-`): the shell can no longer be heard
    };
    enum class Phase { Running, Leftovers, Exited };

    bool startIn(Shell &shell, const std::string &command);
    bool readChunk(Stream &stream);
    void emit(Stream &stream, const char *data, std::size_t size);
    void drain();
    void answered(int status);
    void terminate();
    void finish();
    BashReport report() const;

    BashSession &session_;
    GroupKiller &killer_;
    const BashLimits limits_;
    Shell *shell_ = nullptr;
    Stream stdout_{-1, proto::Type::Stdout};
    Stream stderr_{-1, proto::Type::Stderr};
    Phase phase_ = Phase::Running;
    Clock::time_point started_;
    std::optional<Clock::time_point> timeoutAt_;
    Clock::time_point graceEnd_;
    Clock::time_point nextCheck_;
    std::optional<std::uint64_t> oomBefore_;
    int exitCode_ = 0;
    int signal_ = 0;
    bool timedOut_ = false;
    bool cancelled_ = false;
};

} // namespace hako::agent
