// Which frames the host accepts from the agent, by type, call id and size.
// A conforming agent (agent/connection.cpp, agent/call.cpp) sends only
// Hello, Event and connection Errors with id 0, and output, FileData, Result
// and Error only for a call in flight, ending with its Result or Error. So
// a frame outside that is no slip but a peer that is not the agent, and the
// channel is dropped: no frame of it can cost more than a decode. JSON
// payloads are also held to a size (id 0) and a number of tokens (all), so
// that parsing one costs about its own size.
#pragma once

#include "framereader.h"

namespace hako {

// The largest JSON payload with id 0 (Hello, Event, connection Error). Far
// more than the agent sends; keeps a flood of them cheap to parse.
inline constexpr qsizetype kMaxConnectionJson = 16 * 1024;

// The most separators and containers (',' ':' '[' '{' outside strings) a
// JSON payload may hold. The agent's Results and Errors are flat objects of a
// few fields; parsed, a megabyte of "[]," or "0," takes ten times its size.
inline constexpr qsizetype kMaxJsonTokens = 1024;

// Counts those tokens, stopping past `most`; strings and escapes are skipped.
qsizetype jsonTokens(const QByteArray &json, qsizetype most = kMaxJsonTokens);

// Why `frame` must not be accepted, or an empty string. `callInFlight`: the
// channel has a call with the frame's id that has not had its Result or Error.
QString frameViolation(const Frame &frame, bool callInFlight);

} // namespace hako
