// One persistent bash. Between commands it waits on its command pipe; for
// each line there it sources the command file the agent wrote for it, saves
// its exported variables and working directory, and answers with the exit
// status on its status pipe. Output goes to the same stdout and stderr pipes
// for its whole life, so a command ends at its status line, not at EOF.
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

    explicit Shell(ChildTable &children) : children_(children) {}
    ~Shell() override;

    // Returns 0 or the errno of the failed start. `request` gets the pipes added.
    int start(SpawnRequest request);
    // Tells the shell to run the command file, loading the saved state first if
    // `reload`. False when the shell is gone.
    bool go(bool reload);
    // The exit status once the shell has answered a whole line; nullopt before.
    std::optional<int> readStatus();
    // Throws away output nobody asked for: a job that outlived its command by
    // leaving the group may still write.
    void discardOutput();
    // Kills the shell's group; a killed shell is never handed out again.
    void kill();

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
    ExitListener *owner_ = nullptr;
};

} // namespace hako::agent
