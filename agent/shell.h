// One persistent bash. Between commands it waits on its command pipe; each
// command arrives there as a fixed-size header and the command's bytes (or, for
// one too long for the pipe, the header alone and a file). The shell runs it,
// saves its exported variables and working directory, and answers on its
// status pipe with the header's token and the exit status. The token is fresh
// for every command, so a line left over from an earlier command, or written by
// a job that kept a copy of the pipe, is not taken for this one's answer.
// Output goes to the same stdout and stderr pipes for the shell's whole life,
// so a command ends at its status line, not at EOF.
#pragma once

#include "children.h"
#include "fd.h"
#include "spawn.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hako::agent {

class Shell final : public ExitListener
{
public:
    // High enough that scripts' own `exec 3>…` never meet them.
    static constexpr int kCommandFd = 62;
    static constexpr int kStatusFd = 63;
    // Load the saved state first, or not; the command follows in the pipe, or in the command file.
    static constexpr char kRun = 'r', kLoad = 'l', kInline = 'p', kFromFile = 'f';
    static constexpr std::size_t kTokenSize = 32;                  // hex digits
    static constexpr std::size_t kHeaderSize = 2 + kTokenSize + 8; // op, source, token, length in hex

    explicit Shell(ChildTable &children) : children_(children) {}
    ~Shell() override;

    // Returns 0 or the errno of the failed start. `request` gets the pipes added.
    int start(SpawnRequest request);
    // Hands the shell a command: `command` itself when it fits in the pipe, else
    // the command file, which the caller wrote. False when the shell is gone or
    // its pipe is not empty (it is not waiting for a command).
    bool go(bool reload, bool fromFile, const std::string &command);
    // The exit status once the shell has answered with the current token; nullopt before.
    std::optional<int> readStatus();
    // The status pipe reached EOF: the shell exec'd or is exiting; its exit is what ends the call.
    bool statusClosed() const { return statusClosed_; }
    // Throws away output nobody asked for: a job that outlived its command by
    // leaving the group may still write.
    void discardOutput();
    // Kills the shell's group; a killed shell is never handed out again.
    void kill();

    // The longest command that fits, with its header, in the empty command pipe, so
    // that writing it never blocks the agent. The kernel gives a user's pipes less
    // room once the user holds many, so it is asked rather than assumed.
    std::size_t inlineCapacity() const { return inlineCapacity_; }
    pid_t pid() const { return pid_; } // also its process group
    bool alive() const { return alive_; }
    int stdoutFd() const { return stdout_.get(); }
    int stderrFd() const { return stderr_.get(); }
    int statusFd() const { return status_.get(); }
    // The call running in this shell hears of its exit; nullptr while idle.
    void setOwner(ExitListener *owner) { owner_ = owner; }
    void childExited(int status) override;

    // Which saved state the shell holds in memory (BashSession's numbering).
    std::uint64_t stateSeen = UINT64_MAX;
    bool busy = false;
    bool retired = false;

private:
    ChildTable &children_;
    pid_t pid_ = -1;
    bool alive_ = false;
    UniqueFd stdout_;
    UniqueFd stderr_;
    UniqueFd status_;
    UniqueFd command_;
    std::string pending_; // a status line not yet complete
    std::string token_;   // the answer the current command's status line must start with
    std::size_t inlineCapacity_ = 0;
    bool statusClosed_ = false;
    ExitListener *owner_ = nullptr;
};

} // namespace hako::agent
