// The tools Hako offers: their definitions (Anthropic/MCP shape) and the
// checking of a call's input against the definition's schema.
#pragma once

#include <hako/error.h>
#include <hako/protocol/tools.h>

#include <QJsonArray>
#include <QJsonObject>

namespace hako {

namespace tool = proto::tool;

class ToolCatalog
{
public:
    // [{name, description, input_schema}], descriptions translated.
    static QJsonArray definitions();
    // Checks `input` against the tool's input_schema: required keys, types,
    // enums, no unknown keys. An empty Error means it conforms.
    static Error validate(const QString &name, const QJsonObject &input);
};

} // namespace hako
