// The conversation's shell session. Commands run in persistent bash
// processes, so a plain `echo` costs no process start at all. Each shell saves
// its exported variables and working directory after every command; a shell
// that another one has overtaken loads the newest save before its next
// command, so concurrent calls (which get a shell each) and shells started
// after a kill carry the session on. Shell variables and functions that are
// not exported live as long as their shell.
#pragma once

#include "children.h"
#include "failure.h"
#include "fd.h"
#include "shell.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hako::agent {

class BashSession
{
public:
    explicit BashSession(ChildTable &children) : children_(children) {}

    std::optional<Failure> open(const std::string &stateDir, const std::string &workspace);
    // An idle shell, or a new one; nullptr with the errno of the failed start.
    Shell *acquire(int &err);
    // Writes the command for `shell` and starts it. False when the shell is gone.
    bool run(Shell &shell, const std::string &command);
    // Takes the shell back after a call. `saved`: it left a state worth keeping
    // (it answered, or exited on its own after its EXIT trap saved).
    void release(Shell &shell, bool saved);
    // Forgets the saved state and every shell; the next command starts afresh.
    void restart();

private:
    std::optional<Failure> openStateDir(const std::string &stateDir);
    bool stateDirInPlace() const;
    std::string fileOf(const char *kind, pid_t pid) const;
    bool haveState() const;
    SpawnRequest spawnRequest() const;
    void prune();

    ChildTable &children_;
    UniqueFd stateDir_;
    std::string stateDirPath_;
    std::string workspace_;
    std::string script_;
    std::vector<std::string> baseEnv_;
    std::vector<std::unique_ptr<Shell>> shells_;
    std::uint64_t stateVersion_ = 0;
};

} // namespace hako::agent
