// Turns a Call frame into a running tool call.
#pragma once

#include "bashcall.h"
#include "bashsession.h"
#include "call.h"
#include "children.h"
#include "pathguard.h"

#include <memory>

namespace hako::agent {

struct Tools
{
    const PathGuard &guard;
    BashSession &bash;
    ChildTable &children;
    GroupKiller &killer;
    // The agent's seccomp layer, as its Hello reports it: "counted", "uncounted" or "none".
    const char *seccomp;
};

// Returns the call while it still has work to do. A call that is answered at
// once (the editor, invalid input, a failed start) has sent its Result or
// Error by the time this returns nullptr.
std::unique_ptr<Call> startCall(Tools &tools, Outbox &out, std::uint32_t id, const Json &request);

} // namespace hako::agent
