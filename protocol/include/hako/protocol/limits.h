// What a Call gets for a limit it leaves out. The plugin always sends its
// settings (tools.timeout, tools.outputLimit, tools.transferLimit), whose
// defaults are these, so a host and an agent that fill in a gap agree.
#pragma once

#include <cstdint>

namespace hako::proto {

// "timeout_ms"; 0 means none.
inline constexpr std::uint64_t kDefaultTimeoutMs = 120'000;
// "output_limit": bytes shown of each of a bash call's output streams.
inline constexpr std::uint64_t kDefaultOutputLimit = 1u << 20;
// "max_bytes": the largest file read_file and write_file move.
inline constexpr std::uint64_t kDefaultTransferLimit = 256u << 20;

} // namespace hako::proto
