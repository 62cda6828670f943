// The interface an agent host compiles against. The host owns this header;
// a plugin implements it and is loaded with QPluginLoader.
#pragma once

#include <hako/error.h>
#include <hako/toolcall.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtPlugin>

#define HakoToolExecutor_iid "org.hako.ToolExecutor/1.0"

namespace hako {

class ToolExecutor
{
public:
    virtual ~ToolExecutor() = default;

    // Tool definitions: [{name, description, input_schema}], the shape both
    // the Anthropic Messages API and MCP take.
    virtual QJsonArray toolDefinitions() const = 0;

    // JSON schema of the settings, with labels, help, defaults and limits,
    // enough for a host to render a settings dialog.
    virtual QJsonObject settingsSchema() const = 0;

    // Checks and applies settings (the keys settingsSchema() lists; absent keys keep their
    // defaults). Returns every problem found; nothing is applied if any. Loading the plugin
    // does nothing on disk or in the engine: without this, start() or the first call applies
    // the defaults.
    virtual QList<Error> configure(const QJsonObject &settings) = 0;

    // Starts a tool call in the conversation's sandbox, creating the sandbox
    // on demand. Never returns null; the caller owns the handle, whose
    // signals all come from the event loop after this returns.
    virtual ToolCall *call(const QString &conversationId, const QString &callId, const QString &tool,
                           const QJsonObject &input) = 0;

    // Ends a conversation: its container goes, its workspace stays unless asked.
    // One with neither a container nor a workspace here ends in the error
    // "conversation_not_found".
    virtual ToolCall *endConversation(const QString &conversationId, bool deleteWorkspace) = 0;

    // Starts background work (GC, admin endpoints) for a long-running host.
    virtual void start() = 0;

    // The container system's state, as reported by /healthz. Before any
    // configuration: status "down", problems ["not_configured"]. Before start(),
    // the first call begins one check and reports "not_checked_yet"; a later
    // call (seconds after) has its result.
    virtual QJsonObject health() const = 0;

    // Destroys every container this host instance owns, within a bound, and
    // stops background work. Calls fail afterwards until configure() is called again.
    virtual void shutdown() = 0;

    // Runs one garbage collection sweep now. The handle's result says what
    // was removed and why: {time, duration_ms, reaped: {reason: count},
    // containers: [{name, instance, reason}]}.
    virtual ToolCall *collectGarbage() = 0;
};

} // namespace hako

Q_DECLARE_INTERFACE(hako::ToolExecutor, HakoToolExecutor_iid)
