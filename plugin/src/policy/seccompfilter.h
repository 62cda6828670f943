// A seccomp profile as parsed from Docker's JSON, and the checks that need
// libseccomp itself: rules that silently cancel each other, and whether the
// filter runc would build fits the kernel's limits.
#pragma once

#include <hako/error.h>

#include <QString>

#include <seccomp.h>

#include <cstdint>
#include <vector>

namespace hako::seccomp {

constexpr int kArgCount = 6; // a system call has at most six arguments

struct Rule
{
    QString path; // "syscalls[3]", for messages
    QString name;
    uint32_t action = 0;
    std::vector<scmp_arg_cmp> args;
};

struct ArchGroup
{
    QString label; // as written in the profile, e.g. "SCMP_ARCH_X86_64+SCMP_ARCH_X32"
    std::vector<uint32_t> tokens;
};

struct Profile
{
    uint32_t defaultAction = 0;
    std::vector<ArchGroup> groups;
    std::vector<Rule> rules;
};

// An error naming the later rule when an unconditional rule and a conditional
// one with another action cover the same call.
Error checkShadowing(const Profile &profile);
// Builds (never loads) the filter of each architecture group, as runc would.
Error compileFilters(const Profile &profile);

} // namespace hako::seccomp
