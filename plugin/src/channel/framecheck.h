// Which frames the host accepts from the agent, by type, call id and size.
// A conforming agent (agent/connection.cpp, agent/call.cpp) sends only
// Hello, Event and connection Errors with id 0, and output, FileData, Result
// and Error only for a call in flight, ending with its Result or Error. So
// a frame outside that is no slip but a peer that is not the agent, and the
// channel is dropped: no frame of it can cost more than a decode.
#pragma once

#include "framereader.h"

namespace hako {

// The largest JSON payload with id 0 (Hello, Event, connection Error). Far
// more than the agent sends; keeps a flood of them cheap to parse.
inline constexpr qsizetype kMaxConnectionJson = 16 * 1024;

// Why `frame` must not be accepted, or an empty string. `callInFlight`: the
// channel has a call with the frame's id that has not had its Result or Error.
QString frameViolation(const Frame &frame, bool callInFlight);

} // namespace hako
