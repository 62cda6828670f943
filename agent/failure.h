// How the agent reports anything that went wrong: a protocol error code (the
// host maps it to a translated message), a message in plain English, and
// optional details for a program. A tool call sends it in an Error frame; a
// failure at start-up is printed and ends the agent.
#pragma once

#include <hako/protocol/errors.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hako::agent {

using Json = nlohmann::json;

struct Failure
{
    const char *code; // one of proto::code
    std::string message;
    Json details = nullptr; // null unless there is something a program may want (line numbers, sizes)
};

// Maps an errno from a file operation on `path` to a protocol error code.
Failure errnoFailure(int err, std::string_view path);

// `what: strerror(err)` as an I/O error, for the agent's own set-up.
Failure systemFailure(int err, std::string_view what);

} // namespace hako::agent
