// The container's agent key: taken out of the environment at start-up and
// used only to answer the host's challenge (hako/protocol/wire.h, "Agent
// authentication"). It never leaves this process: not in a frame, not in a
// tool's environment, not in /proc/1/environ.
#pragma once

#include "failure.h"

#include <hako/protocol/wire.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hako::agent {

using AgentKey = std::array<unsigned char, proto::kKeyBytes>;

// Lowercase hex only, exactly `bytes` of it: the one spelling the host sends.
bool decodeHex(std::string_view hex, unsigned char *out, std::size_t bytes);
std::string encodeHex(const unsigned char *data, std::size_t bytes);

// Reads proto::kAgentKeyEnv, overwrites every copy of its value in the
// environment block in place (that block is what /proc/self/environ shows),
// then removes the variable so no tool inherits it. A failure when the
// variable is missing or not 64 lowercase hex digits; it is scrubbed and
// removed in that case too. The message never contains the value.
std::optional<Failure> takeAgentKey(AgentKey &key);

// hex(HMAC-SHA256(key, kProofContext || challenge bytes)); nullopt when
// `challengeHex` is not kChallengeHexChars lowercase hex digits.
std::optional<std::string> proveKey(const AgentKey &key, std::string_view challengeHex);

} // namespace hako::agent
