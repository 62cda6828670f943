#include "toolcall_p.h"

#include <QPointer>

namespace hako {

ToolCallPrivate::ToolCallPrivate(const QString &conversationId, const QString &callId, const QString &tool)
    : m_conversationId(conversationId), m_callId(callId), m_tool(tool)
{}

ToolCall *ToolCallPrivate::create(const QString &conversationId, const QString &callId, const QString &tool,
                                  QObject *parent)
{
    return new ToolCall(std::unique_ptr<ToolCallPrivate>(new ToolCallPrivate(conversationId, callId, tool)), parent);
}

void ToolCallPrivate::post(Event event)
{
    if (m_destroying)
        return;
    m_queue.append(std::move(event));
    if (std::exchange(m_deliveryPosted, true))
        return;
    QMetaObject::invokeMethod(q, &ToolCall::deliver, Qt::QueuedConnection);
}

void ToolCallPrivate::emitOutput(ToolCall::Stream stream, const QByteArray &chunk)
{
    if (m_open && !chunk.isEmpty())
        post({Event::Kind::Output, stream, chunk, 0, ToolCall::State::Running});
}

void ToolCallPrivate::reportProgress(qint64 elapsedMs)
{
    if (m_open)
        post({Event::Kind::Progress, {}, {}, elapsedMs, ToolCall::State::Running});
}

void ToolCallPrivate::setQueued(bool queued)
{
    if (m_open && !m_cancelAsked)
        post({Event::Kind::State, {}, {}, 0, queued ? ToolCall::State::Queued : ToolCall::State::Running});
}

void ToolCallPrivate::finishWithResult(const QJsonObject &result)
{
    finish(result, {});
}

void ToolCallPrivate::finishWithError(const Error &error)
{
    finish({}, error);
}

void ToolCallPrivate::finish(const QJsonObject &result, const Error &error)
{
    if (!m_open)
        return;
    m_open = false;
    m_pendingResult = result;
    m_pendingError = error;
    post({Event::Kind::Finished, {}, {}, 0, ToolCall::State::Finished});
}

void ToolCallPrivate::requestCancel(Cancel how)
{
    if (!m_open || (how == Cancel::Ask && m_cancelAsked))
        return;
    if (!std::exchange(m_cancelAsked, true))
        post({Event::Kind::State, {}, {}, 0, ToolCall::State::Cancelling});
    if (m_canceller)
        m_canceller(how);
}

ToolCall::ToolCall(std::unique_ptr<ToolCallPrivate> dd, QObject *parent) : QObject(parent), d(std::move(dd))
{
    d->q = this;
}

ToolCall::~ToolCall()
{
    d->m_destroying = true;
    d->requestCancel(ToolCallPrivate::Cancel::Now);
}

QString ToolCall::conversationId() const
{
    return d->m_conversationId;
}

QString ToolCall::callId() const
{
    return d->m_callId;
}

QString ToolCall::tool() const
{
    return d->m_tool;
}

ToolCall::State ToolCall::state() const
{
    return d->m_state;
}

bool ToolCall::isFinished() const
{
    return d->m_state == State::Finished;
}

QJsonObject ToolCall::result() const
{
    return d->m_result;
}

Error ToolCall::error() const
{
    return d->m_error;
}

bool ToolCall::autoDelete() const
{
    return d->m_autoDelete;
}

void ToolCall::setAutoDelete(bool autoDelete)
{
    d->m_autoDelete = autoDelete;
    if (autoDelete && isFinished())
        deleteLater();
}

void ToolCall::cancel()
{
    d->requestCancel(ToolCallPrivate::Cancel::Ask);
}

void ToolCall::abort()
{
    d->requestCancel(ToolCallPrivate::Cancel::Now);
}

// One event per pass of the event loop, as QNetworkReply emits: a slot may
// delete or cancel the handle, or run a nested event loop that goes on
// delivering what is queued.
void ToolCall::deliver()
{
    d->m_deliveryPosted = false;
    if (d->m_queue.isEmpty())
        return;
    const ToolCallPrivate::Event event = d->m_queue.takeFirst();
    if (!d->m_queue.isEmpty()) {
        d->m_deliveryPosted = true;
        QMetaObject::invokeMethod(this, &ToolCall::deliver, Qt::QueuedConnection);
    }
    switch (event.kind) {
    case ToolCallPrivate::Event::Kind::Output: Q_EMIT output(event.stream, event.bytes); break;
    case ToolCallPrivate::Event::Kind::Progress: Q_EMIT progress(event.elapsedMs); break;
    case ToolCallPrivate::Event::Kind::State:
        d->m_state = event.state;
        Q_EMIT stateChanged(event.state);
        break;
    case ToolCallPrivate::Event::Kind::Finished: {
        d->m_result = d->m_pendingResult;
        d->m_error = d->m_pendingError;
        d->m_state = State::Finished;
        QPointer<ToolCall> self(this);
        Q_EMIT stateChanged(State::Finished);
        if (self)
            Q_EMIT finished();
        if (self && d->m_autoDelete)
            deleteLater();
        break;
    }
    }
}

} // namespace hako
