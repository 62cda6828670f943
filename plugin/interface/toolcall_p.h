// The producer's side of a ToolCall: what the plugin (and the repository's
// test fakes) use to make calls and report on them. Not installed: a host can
// hold and cancel a call, never fake its outcome.
//
// Whatever the producer reports is queued and delivered from the event loop,
// in order, so that no path emits a signal inside the function that returned
// the handle. Once the producer has finished a call, or the host has abandoned
// it, further reports are dropped.
#pragma once

#include <hako/toolcall.h>

#include <QList>

#include <functional>

namespace hako {

class HAKO_INTERFACE_EXPORT ToolCallPrivate
{
public:
    // Ask: stop and report the outcome when stopped. Now: stop; the handle
    // finishes (or is gone) without waiting.
    enum class Cancel { Ask, Now };
    using Canceller = std::function<void(Cancel)>;

    static ToolCall *create(const QString &conversationId, const QString &callId, const QString &tool,
                            QObject *parent = nullptr);
    static ToolCallPrivate *get(ToolCall *call) { return call->d.get(); }

    // Runs when the host cancels, aborts or deletes the call before the
    // producer finished it. With Cancel::Now it must finish the call before it
    // returns. Without one, a cancel only changes the state.
    void setCanceller(Canceller canceller) { m_canceller = std::move(canceller); }
    // False once the producer finished the call or the host gave it up.
    bool isOpen() const { return m_open; }

    void emitOutput(ToolCall::Stream stream, const QByteArray &chunk);
    void reportProgress(qint64 elapsedMs);
    // Queued while the call waits for its sandbox, Running once it reaches it;
    // a call being cancelled stays Cancelling.
    void setQueued(bool queued);
    void finishWithResult(const QJsonObject &result);
    void finishWithError(const Error &error);

private:
    friend class ToolCall;
    struct Event
    {
        enum class Kind { Output, Progress, State, Finished } kind;
        ToolCall::Stream stream = ToolCall::Stream::Stdout;
        QByteArray bytes;
        qint64 elapsedMs = 0;
        ToolCall::State state = ToolCall::State::Running;
    };

    ToolCallPrivate(const QString &conversationId, const QString &callId, const QString &tool);
    void post(Event event);
    void finish(const QJsonObject &result, const Error &error);
    void requestCancel(Cancel how);

    ToolCall *q = nullptr;
    const QString m_conversationId;
    const QString m_callId;
    const QString m_tool;
    Canceller m_canceller;
    QList<Event> m_queue;
    bool m_deliveryPosted = false;
    bool m_open = true;
    bool m_cancelAsked = false;
    bool m_destroying = false;
    // What the host sees: set as the queue is delivered.
    ToolCall::State m_state = ToolCall::State::Running;
    QJsonObject m_pendingResult;
    Error m_pendingError;
    QJsonObject m_result;
    Error m_error;
    bool m_autoDelete = false;
};

} // namespace hako
