// str_replace_based_edit_tool, after Anthropic's text editor tool: view,
// create, str_replace and insert on files beneath the workspace. Each command
// finishes within the call, so it needs no state between frames.
#pragma once

#include "call.h"
#include "pathguard.h"

#include <optional>
#include <string>

namespace hako::agent {

// Runs one editor command; on success `output` holds the text for the model.
std::optional<Failure> runEditor(const PathGuard &guard, const Json &input, std::string &output);

} // namespace hako::agent
