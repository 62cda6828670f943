#include "toolrunner.h"

#include "channel/agentchannel.h"
#include "lifecycle/sandbox.h"
#include "policy/errors.h"
#include "toolcatalog.h"
#include "transferstream.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace hako {
namespace {

// The agent enforces the timeout; this margin only covers an agent that
// stopped answering altogether.
constexpr int kWatchdogMarginMs = 15000;
constexpr int kProgressIntervalMs = 1000;
// The agent's own messages are a line; more is not the agent's.
constexpr qsizetype kMaxAgentMessage = 1024;

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace

ToolRunner::ToolRunner(ToolCall *call, const QJsonObject &input, const CallLimits &limits, TransferStream *stream)
    : QObject(call), m_call(call), m_producer(ToolCallPrivate::get(call)), m_input(input), m_limits(limits),
      m_stream(stream), m_buffers(limits.outputLimit, limits.transferLimit)
{
    if (m_stream) {
        m_stream->setParent(this);
        connect(m_stream, &TransferStream::failed, this, &ToolRunner::stopAgentCall);
    }
    m_clock.start();
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this,
            [this] { stopAgentCall(makeError(ErrorCode::Timeout, {QString::number(timeoutSeconds())})); });
    m_queueBound.setSingleShot(true);
    connect(&m_queueBound, &QTimer::timeout, this, [this] {
        finishWithError(makeError(ErrorCode::QueueTimeout, {QString::number(m_limits.queueTimeoutSeconds)}));
    });
    connect(&m_progress, &QTimer::timeout, this, [this] { m_producer->reportProgress(m_clock.elapsed()); });
    m_producer->setCanceller([this](ToolCallPrivate::Cancel how) { onCancel(how); });
}

// Asked to cancel a call the agent runs, the runner waits for the agent's
// answer, so that finished() means the command is gone; otherwise it ends the
// call now (the agent, if it has the call, is told to stop).
void ToolRunner::onCancel(ToolCallPrivate::Cancel how)
{
    if (how == ToolCallPrivate::Cancel::Ask && m_channel && m_agentId)
        m_channel->cancel(m_agentId);
    else
        stopAgentCall(makeError(ErrorCode::Cancelled));
}

int ToolRunner::timeoutSeconds() const
{
    return m_input.value(QLatin1String("timeout")).toInt(m_limits.timeoutSeconds);
}

// The tool's time starts when the call reaches its sandbox, as the agent's own
// timeout does: a call that waited behind a thousand starting containers still
// gets all of it. The wait has its own bound.
void ToolRunner::startClocks()
{
    m_queueBound.stop();
    if (!m_progress.isActive())
        m_progress.start(kProgressIntervalMs);
    m_watchdog.start(timeoutSeconds() * 1000 + kWatchdogMarginMs);
}

void ToolRunner::start(Sandbox *sandbox)
{
    m_waiting = true;
    sandbox->whenReady(this, [this](const Error &error, AgentChannel *channel) {
        m_waiting = false;
        if (!m_producer->isOpen())
            return;
        if (error)
            return finishWithError(error);
        if (m_queueBound.isActive())
            m_producer->setQueued(false);
        startClocks();
        dispatch(channel);
    });
    if (!m_waiting || !m_producer->isOpen())
        return;
    m_producer->setQueued(true);
    m_progress.start(kProgressIntervalMs);
    m_queueBound.start(m_limits.queueTimeoutSeconds * 1000);
}

void ToolRunner::start(AgentChannel *channel)
{
    startClocks();
    dispatch(channel);
}

Error ToolRunner::agentInput(QJsonObject *input, QByteArray *upload) const
{
    *input = m_input;
    input->remove(QStringLiteral("timeout"));
    const QString tool = m_call->tool();
    if (tool == QLatin1String(tool::kReadFile) || tool == QLatin1String(tool::kWriteFile)) {
        input->remove(QStringLiteral("encoding"));
        input->remove(QStringLiteral("content"));
        input->insert(QStringLiteral("max_bytes"), double(m_limits.transferLimit));
    }
    if (tool == QLatin1String(tool::kWriteFile) && !m_stream) {
        const QString content = m_input.value(QLatin1String("content")).toString();
        if (m_input.value(QLatin1String("encoding")).toString() == QLatin1String("base64")) {
            auto decoded = QByteArray::fromBase64Encoding(content.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return makeError(ErrorCode::BadInput,
                                 {tool, ErrorArg::phrase("hako::Tools",
                                                         QT_TRANSLATE_NOOP("hako::Tools", "\"content\" is not valid "
                                                                                          "base64."))});
            *upload = *decoded;
        } else {
            *upload = content.toUtf8();
        }
    }
    return {};
}

void ToolRunner::dispatch(AgentChannel *channel)
{
    QJsonObject input;
    QByteArray upload;
    if (const Error error = agentInput(&input, &upload))
        return finishWithError(error);
    m_channel = channel;
    const QJsonObject call = {{QStringLiteral("tool"), m_call->tool()},
                              {QStringLiteral("input"), input},
                              {QStringLiteral("timeout_ms"), double(timeoutSeconds()) * 1000},
                              {QStringLiteral("output_limit"), double(m_limits.outputLimit)}};
    QPointer<ToolRunner> self(this);
    m_agentId = channel->startCall(call, [self](const Frame &frame) {
        if (self)
            self->onFrame(frame);
    });
    if (m_stream && m_stream->isUpload())
        m_stream->startUpload(channel, m_agentId);
    else if (m_call->tool() == QLatin1String(tool::kWriteFile))
        sendUpload(upload);
}

void ToolRunner::sendUpload(const QByteArray &content)
{
    for (qsizetype offset = 0; offset < content.size(); offset += qsizetype(proto::kChunkSize))
        m_channel->send(proto::Type::Data, m_agentId, content.mid(offset, qsizetype(proto::kChunkSize)));
    m_channel->send(proto::Type::DataEnd, m_agentId);
}

void ToolRunner::onFrame(const Frame &frame)
{
    // Each tool's agent call sends only its own kind of bytes (agent/bashcall.cpp, agent/files.cpp).
    const QString tool = m_call->tool();
    const bool bash = tool == QLatin1String(tool::kBash);
    switch (frame.type) {
    case proto::Type::Stdout:
        if (bash)
            return onOutput(ToolCall::Stream::Stdout, frame.payload);
        break;
    case proto::Type::Stderr:
        if (bash)
            return onOutput(ToolCall::Stream::Stderr, frame.payload);
        break;
    case proto::Type::FileData:
        if (tool == QLatin1String(tool::kReadFile))
            return onFileData(frame.payload);
        break;
    case proto::Type::Result: return onResult(QJsonDocument::fromJson(frame.payload).object());
    case proto::Type::Error: {
        if (frame.local)
            return finishWithError(frame.local);
        const QJsonObject e = QJsonDocument::fromJson(frame.payload).object();
        // The message is the container's text: it reaches the log only, and stays short.
        return finishWithError(errorFromAgent(e.value(QLatin1String("code")).toString(),
                                              e.value(QLatin1String("message")).toString().left(kMaxAgentMessage),
                                              e.value(QLatin1String("details")).toObject()));
    }
    default: break;
    }
    stopAgentCall(makeError(ErrorCode::AgentProtocol));
}

void ToolRunner::onOutput(ToolCall::Stream stream, const QByteArray &chunk)
{
    if (!m_producer->isOpen()) // chunks still in flight after the call was given up on
        return;
    CallBuffers::Status status;
    const QByteArray kept = m_buffers.addOutput(stream == ToolCall::Stream::Stdout ? CallBuffers::Stream::Stdout
                                                                                   : CallBuffers::Stream::Stderr,
                                                chunk, &status);
    if (!kept.isEmpty())
        m_producer->emitOutput(stream, kept);
    if (status == CallBuffers::Status::Overrun)
        stopAgentCall(makeError(ErrorCode::AgentOverrun));
}

void ToolRunner::onFileData(const QByteArray &chunk)
{
    if (!m_producer->isOpen()) // chunks still in flight after a failed delivery
        return;
    if (m_buffers.addDownload(chunk, !m_stream) == CallBuffers::Status::TooLarge)
        return stopAgentCall(makeError(ErrorCode::TooLarge));
    if (!m_stream)
        return;
    if (const Error error = m_stream->deliver(chunk))
        stopAgentCall(error);
}

// The call ends now; the agent, if it has the call, is told to stop, and
// what it still sends for the call is dropped on arrival.
void ToolRunner::stopAgentCall(const Error &error)
{
    if (!m_producer->isOpen())
        return;
    if (m_channel && m_agentId)
        m_channel->cancel(m_agentId);
    finishWithError(error);
}

void ToolRunner::onResult(const QJsonObject &agentResult)
{
    // A cancelled call has one shape whenever it was cancelled: the error, not
    // the agent's result for a killed command.
    if (agentResult.value(QLatin1String("cancelled")).toBool())
        return finishWithError(makeError(ErrorCode::Cancelled));
    QJsonObject result = agentResult;
    const QString tool = m_call->tool();
    if (tool == QLatin1String(tool::kBash)) {
        // Output is text for a model; bytes that are not UTF-8 become U+FFFD here,
        // while the output() signal carried them unchanged.
        result.insert(QStringLiteral("stdout"), QString::fromUtf8(m_buffers.output(CallBuffers::Stream::Stdout)));
        result.insert(QStringLiteral("stderr"), QString::fromUtf8(m_buffers.output(CallBuffers::Stream::Stderr)));
        // One shape with the agent's own truncation: the same field, set by either side.
        if (m_buffers.dropped() > 0)
            result.insert(QStringLiteral("truncated"), true);
    } else if (tool == QLatin1String(tool::kReadFile) && !m_stream) {
        const QString wanted = m_input.value(QLatin1String("encoding")).toString();
        const QByteArray &content = m_buffers.download();
        const bool asText = wanted == QLatin1String("utf-8") || (wanted.isEmpty() && isValidUtf8(content));
        result.insert(QStringLiteral("encoding"), asText ? QStringLiteral("utf-8") : QStringLiteral("base64"));
        result.insert(QStringLiteral("content"),
                      asText ? QString::fromUtf8(content) : QString::fromLatin1(content.toBase64()));
    }
    finishWithResult(result);
}

void ToolRunner::finishWithError(const Error &error)
{
    m_queueBound.stop();
    m_watchdog.stop();
    m_progress.stop();
    m_producer->finishWithError(error);
}

void ToolRunner::finishWithResult(const QJsonObject &result)
{
    m_watchdog.stop();
    m_progress.stop();
    m_producer->finishWithResult(result);
}

} // namespace hako
