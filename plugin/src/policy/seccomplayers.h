// One seccomp profile, two layers. Docker's layer keeps the whitelist and its
// default errno for everything not on it; every entry that denies by name
// (mount, ptrace, AF_INET sockets, namespaces, ...) moves to hako-agent's own
// layer, which denies it with a user notification and so can count it. The
// kernel applies the most restrictive answer of stacked filters, so an entry
// left denying in Docker's layer would never reach the agent's: hence the
// move, not a copy. Docker's layer traces those calls instead: a traced call
// with no tracer fails with ENOSYS, so they stay denied where the agent's layer
// is absent, and the agent's notification outranks the trace where it is. The
// agent loads its layer before any tool runs, and does not start without it.
#pragma once

#include <QByteArray>
#include <QStringList>

namespace hako {

struct SeccompLayers
{
    QByteArray dockerProfile; // Docker's profile format, for --security-opt seccomp=
    QByteArray agentRules;    // a JSON array of entries: names, args, errnoRet
    QStringList counted;      // the names the agent's layer denies, sorted
};

// `profile` must have passed validateSeccompProfile().
SeccompLayers splitSeccompProfile(const QByteArray &profile);

} // namespace hako
