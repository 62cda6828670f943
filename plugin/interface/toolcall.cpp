#include <hako/toolcall.h>

namespace hako {

ToolCall::ToolCall(const QString &conversationId, const QString &callId, const QString &tool, QObject *parent)
    : QObject(parent), m_conversationId(conversationId), m_callId(callId), m_tool(tool)
{}

ToolCall::~ToolCall() = default;

void ToolCall::cancel()
{
    if (m_finished || m_cancelRequested)
        return;
    m_cancelRequested = true;
    Q_EMIT cancelRequested();
}

void ToolCall::emitOutput(Stream stream, const QByteArray &chunk)
{
    if (!m_finished)
        Q_EMIT output(stream, chunk);
}

void ToolCall::finishWithResult(const QJsonObject &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    Q_EMIT finished();
}

void ToolCall::finishWithError(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}

} // namespace hako
