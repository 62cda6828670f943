#include "mcpsession.h"

#include "mcpserver.h"
#include "stdiochannel.h"

#include "common/logging.h"

#include <QEventLoop>
#include <QUuid>

#include <memory>

namespace hako::host {

McpSession::McpSession(ToolExecutor *executor, const QString &conversation, QObject *parent)
    : QObject(parent), m_executor(executor),
      m_conversation(conversation.isNull() ? QStringLiteral("mcp-") + QUuid::createUuid().toString(QUuid::Id128)
                                           : conversation),
      m_temporary(conversation.isNull()), m_channel(new StdioChannel(0, 1, StdioChannel::kDefaultMaxLine, this)),
      m_server(new McpServer(executor, {QStringLiteral(HAKO_VERSION), m_conversation}, this))
{
    connect(m_channel, &StdioChannel::received, m_server, &McpServer::receive);
    connect(m_channel, &StdioChannel::oversized, m_server, &McpServer::receiveUnreadable);
    connect(m_server, &McpServer::send, m_channel, &StdioChannel::write);
    connect(m_channel, &StdioChannel::closed, this, &McpSession::closed);
    qCInfo(lcMcp, "MCP session on stdio, conversation %s%s", qPrintable(m_conversation),
           m_temporary ? " (ended with the session)" : "");
}

void McpSession::finish()
{
    if (!m_server)
        return;
    delete m_server; // cancels the calls in flight
    m_server = nullptr;
    if (!m_temporary)
        return;
    std::unique_ptr<ToolCall> end(m_executor->endConversation(m_conversation, true));
    QEventLoop loop;
    connect(end.get(), &ToolCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (end->error())
        qCWarning(lcMcp, "ending conversation %s: %s", qPrintable(m_conversation), qPrintable(end->error().logMessage));
}

} // namespace hako::host
