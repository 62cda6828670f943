// The editor's directory view: two levels deep like
// `find DIR -maxdepth 2 -not -path '*/.*'`, sorted, without following links.
#pragma once

#include <cstddef>
#include <string>

namespace hako::agent {

// `dirfd` may be an O_PATH descriptor; `shownPath` prefixes every line.
std::string listTwoLevels(int dirfd, const std::string &shownPath, std::size_t maxBytes);

} // namespace hako::agent
