// Carries one ToolCall through its sandbox: waits for the agent, translates
// the tool input into an agent call, relays output, and turns the agent's
// answer into the call's result. Lives as a child of the ToolCall, whose
// cancel, abort or deletion it turns into a cancel of the agent's call.
#pragma once

#include "callbuffers.h"
#include "channel/framereader.h"
#include "policy/settings.h"

#include <hako/protocol/limits.h>
#include <toolcall_p.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace hako {

class AgentChannel;
class Sandbox;
class TransferStream;

struct CallLimits
{
    int timeoutSeconds = int(proto::kDefaultTimeoutMs / 1000);
    qint64 outputLimit = qint64(proto::kDefaultOutputLimit);
    qint64 transferLimit = qint64(proto::kDefaultTransferLimit);
    int queueTimeoutSeconds = kDefaultQueueTimeoutSeconds; // the wait for the sandbox, before the timeout begins
};

class ToolRunner final : public QObject
{
    Q_OBJECT
public:
    // `stream`, when given, carries write_file's content or read_file's
    // result bytes instead of the JSON; the runner takes it as a child.
    ToolRunner(ToolCall *call, const QJsonObject &input, const CallLimits &limits, TransferStream *stream = nullptr);
    void start(Sandbox *sandbox);
    // Carries the call over a channel that is ready already (no sandbox to wait for).
    void start(AgentChannel *channel);

private:
    void onCancel(ToolCallPrivate::Cancel how);
    void startClocks();
    void dispatch(AgentChannel *channel);
    void onFrame(const Frame &frame);
    void onResult(const QJsonObject &agentResult);
    void finishWithError(const Error &error);
    void finishWithResult(const QJsonObject &result);
    void sendUpload(const QByteArray &content);
    void onOutput(ToolCall::Stream stream, const QByteArray &chunk);
    void onFileData(const QByteArray &chunk);
    void stopAgentCall(const Error &error);
    int timeoutSeconds() const;
    Error agentInput(QJsonObject *input, QByteArray *upload) const;

    ToolCall *m_call;
    ToolCallPrivate *m_producer;
    QJsonObject m_input;
    CallLimits m_limits;
    TransferStream *m_stream;
    QPointer<AgentChannel> m_channel;
    quint32 m_agentId = 0;
    CallBuffers m_buffers;
    QElapsedTimer m_clock;
    QTimer m_watchdog;
    QTimer m_queueBound; // while the call waits for its sandbox
    bool m_waiting = false;
    QTimer m_progress;
};

} // namespace hako
