#include "mcptoolcall.h"

#include "mcpcontent.h"

namespace hako::host {

McpToolCall::McpToolCall(ToolCall *call, const QJsonObject &input, const QJsonValue &progressToken, QObject *parent)
    : QObject(parent), m_call(call), m_input(input), m_progressToken(progressToken)
{
    call->setParent(this);
    if (!progressToken.isUndefined()) {
        connect(call, &ToolCall::output, this, &McpToolCall::onOutput);
        connect(call, &ToolCall::progress, this, &McpToolCall::onProgress);
    }
    connect(call, &ToolCall::finished, this, &McpToolCall::onFinished);
}

void McpToolCall::cancel()
{
    m_cancelled = true;
    m_call->cancel();
}

void McpToolCall::onOutput(ToolCall::Stream stream, const QByteArray &chunk)
{
    // Stateful decoders: a character split across chunks arrives whole.
    m_pending += (stream == ToolCall::Stream::Stdout ? m_stdout : m_stderr).decode(chunk);
    if (m_pending.size() > kMaxProgressText)
        m_pending = m_pending.right(kMaxProgressText);
}

void McpToolCall::onProgress(qint64 elapsedMs)
{
    // Progress must grow with every notification; elapsed seconds do.
    const double seconds = qMax(double(elapsedMs) / 1000.0, m_lastProgress + 0.001);
    m_lastProgress = seconds;
    QString message = m_pending;
    if (message.isEmpty())
        message = m_call->state() == ToolCall::State::Queued
                          ? tr("Waiting for the sandbox to start (%1 s); the call's timeout has not begun.")
                                    .arg(qint64(seconds))
                          : tr("Running for %1 s.").arg(qint64(seconds));
    m_pending.clear();
    Q_EMIT progress({{QStringLiteral("progressToken"), m_progressToken},
                     {QStringLiteral("progress"), seconds},
                     {QStringLiteral("message"), message}});
}

void McpToolCall::onFinished()
{
    const Error error = m_call->error();
    if (error.code == QLatin1String("unknown_tool"))
        Q_EMIT unknownTool(error.message);
    else if (error)
        Q_EMIT finished(mcp::errorResult(error));
    else
        Q_EMIT finished(mcp::callResult(m_call->result(), m_input));
}

} // namespace hako::host
