// hako-host's logging categories. Like the plugin's, each shows info and
// above unless QT_LOGGING_RULES says otherwise.
#pragma once

#include <QLoggingCategory>

namespace hako::host {

Q_DECLARE_LOGGING_CATEGORY(lcMcp) // hako.mcp: the MCP session on stdio

} // namespace hako::host
