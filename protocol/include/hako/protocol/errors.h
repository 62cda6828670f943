// Codes an Error frame carries ({"code": ..., "message": ..., "details": ...}).
// The agent sends them; the plugin maps each to a translated message
// (policy/errors.cpp). The message is plain English, for logs; what the user's
// message needs beyond the code comes from the details.
#pragma once

namespace hako::proto::code {

inline constexpr char BadFrame[] = "bad_frame";
inline constexpr char BadRequest[] = "bad_request";
// The host's Hello has no challenge of 64 lowercase hex digits (id 0; the connection closes).
inline constexpr char BadChallenge[] = "bad_challenge";
inline constexpr char UnknownTool[] = "unknown_tool";
inline constexpr char DuplicateId[] = "duplicate_id";
inline constexpr char SpawnFailed[] = "spawn_failed";
inline constexpr char PathOutside[] = "path_outside_workspace";
inline constexpr char NotFound[] = "not_found";
inline constexpr char NoMatch[] = "no_match";
inline constexpr char MultipleMatches[] = "multiple_matches";
inline constexpr char TooLarge[] = "too_large";
inline constexpr char IoError[] = "io_error";
inline constexpr char NoSpace[] = "no_space";
inline constexpr char Exists[] = "exists";
inline constexpr char Cancelled[] = "cancelled";

} // namespace hako::proto::code

// Fields of an Error frame's "details" object, all non-negative integers or lists of them.
namespace hako::proto::detail {

// multiple_matches: the lines where the text occurs; bad_request from the editor: the file's line count.
inline constexpr char Lines[] = "lines";
inline constexpr char Count[] = "count";        // multiple_matches: how often the text occurs
inline constexpr char Size[] = "size";          // too_large: the file's size in bytes
inline constexpr char MaxBytes[] = "max_bytes"; // too_large: the limit in bytes

} // namespace hako::proto::detail
