// Answers the agent's seccomp notifications: each denied call gets its rule's
// errno back at once and is reported by name, so the host can count it.
#pragma once

#include "seccomplayer.h"

#include <optional>
#include <string>

namespace hako::agent {

class SeccompSupervisor
{
public:
    explicit SeccompSupervisor(SeccompLayer layer);

    int fd() const { return layer_.listener.get(); }
    // Answers one pending notification; returns the denied call's name, or
    // nullopt when nothing was pending.
    std::optional<std::string> answer();

private:
    SeccompLayer layer_;
};

} // namespace hako::agent
