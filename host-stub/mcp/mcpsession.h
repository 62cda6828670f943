// `hako-host serve --mcp`: an MCP server on stdin/stdout for one client.
// With --conversation its calls run in that conversation, which outlives the
// session like any other; without, in a conversation of its own that is
// ended, workspace and all, when the session closes.
#pragma once

#include <hako/toolexecutor.h>

#include <QObject>

namespace hako::host {

class McpServer;
class StdioChannel;

class McpSession final : public QObject
{
    Q_OBJECT
public:
    McpSession(ToolExecutor *executor, const QString &conversation, QObject *parent = nullptr);

    // Cancels what is in flight and ends a session-only conversation; blocks
    // until the plugin has done so.
    void finish();

Q_SIGNALS:
    void closed(); // the client closed stdin

private:
    ToolExecutor *m_executor;
    QString m_conversation;
    bool m_temporary;
    StdioChannel *m_channel;
    McpServer *m_server;
};

} // namespace hako::host
