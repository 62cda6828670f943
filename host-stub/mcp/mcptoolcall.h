// One tools/call in flight: owns the ToolCall, turns its progress ticks and
// output into MCP progress notifications when the client asked for them, and
// its outcome into a CallToolResult.
#pragma once

#include <hako/toolcall.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QStringDecoder>

namespace hako::host {

class McpToolCall final : public QObject
{
    Q_OBJECT
public:
    // Output carried by one progress notification at most; older text is cut.
    static constexpr qsizetype kMaxProgressText = 8192;

    // `progressToken`: undefined when the client sent none.
    McpToolCall(ToolCall *call, const QJsonObject &input, const QJsonValue &progressToken, QObject *parent = nullptr);

    void cancel();
    bool isCancelled() const { return m_cancelled; }

Q_SIGNALS:
    void progress(const QJsonObject &params); // of notifications/progress
    void finished(const QJsonObject &result); // a CallToolResult
    // The plugin found no such tool: a protocol error rather than a tool result.
    void unknownTool(const QString &message);

private:
    void onOutput(ToolCall::Stream stream, const QByteArray &chunk);
    void onProgress(qint64 elapsedMs);
    void onFinished();

    ToolCall *m_call;
    QJsonObject m_input;
    QJsonValue m_progressToken;
    QStringDecoder m_stdout{QStringDecoder::Utf8};
    QStringDecoder m_stderr{QStringDecoder::Utf8};
    QString m_pending; // output since the last notification
    double m_lastProgress = 0;
    bool m_cancelled = false;
};

} // namespace hako::host
