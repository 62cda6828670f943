// Translation between the plugin's JSON and MCP's: tool definitions become
// MCP tools, results and errors become CallToolResult objects. Pure functions.
#pragma once

#include <hako/error.h>

#include <QJsonArray>
#include <QJsonObject>

namespace hako::host::mcp {

// The argument every tool takes over MCP to pick a conversation other than the session's.
inline constexpr char kConversationArgument[] = "conversation";

// [{name, description, input_schema}] -> [{name, description, inputSchema}], each
// schema gaining the optional conversation argument.
QJsonArray toolsFromDefinitions(const QJsonArray &definitions);

// A finished call's result as MCP content: bash output with its status line,
// editor output, read_file content (text, or a blob resource for bytes), or the
// JSON itself. `input` is the call's input (read_file's path names the blob).
QJsonObject callResult(const QJsonObject &result, const QJsonObject &input);

// A failed call as a tool result with isError, so that the model sees why.
QJsonObject errorResult(const Error &error);

} // namespace hako::host::mcp
