// The tools a Call may name in its "tool" field.
#pragma once

namespace hako::proto::tool {

inline constexpr char kBash[] = "bash";
inline constexpr char kEditor[] = "str_replace_based_edit_tool";
inline constexpr char kReadFile[] = "read_file";
inline constexpr char kWriteFile[] = "write_file";

} // namespace hako::proto::tool
