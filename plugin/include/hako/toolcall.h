// The handle a host holds for one asynchronous call. It lives in the small
// HakoInterface library so that host and plugin share one meta-object.
//
// Its contract is QNetworkReply's: every signal comes from the event loop,
// never from inside the function that returned the handle, so a host may
// connect after that function returns. Output arrives in order and finished()
// comes last, exactly once. Deleting the handle (or abort()) cancels the call.
#pragma once

#include <hako/error.h>
#include <hako/hako_export.h>

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

namespace hako {

class ToolCallPrivate;

class HAKO_INTERFACE_EXPORT ToolCall : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString conversationId READ conversationId CONSTANT)
    Q_PROPERTY(QString callId READ callId CONSTANT)
    Q_PROPERTY(QString tool READ tool CONSTANT)
    Q_PROPERTY(hako::ToolCall::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool finished READ isFinished NOTIFY finished)
    Q_PROPERTY(QJsonObject result READ result NOTIFY finished)
    Q_PROPERTY(hako::Error error READ error NOTIFY finished)
    Q_PROPERTY(bool autoDelete READ autoDelete WRITE setAutoDelete)

public:
    enum class Stream { Stdout, Stderr };
    Q_ENUM(Stream)
    // Cancelling: cancel() or abort() was asked for and finished() has not come yet.
    // Queued: the call waits for its conversation's sandbox to be started or
    // found; the tool's timeout has not begun. Running follows when the call
    // reaches the sandbox. Added last, so that the earlier values keep theirs.
    enum class State { Running, Cancelling, Finished, Queued };
    Q_ENUM(State)

    // Deleting a call that has not finished cancels it; no signal follows.
    ~ToolCall() override;

    QString conversationId() const;
    QString callId() const;
    QString tool() const;

    State state() const;
    // True from the moment finished() is emitted.
    bool isFinished() const;
    // Valid once finished(): the tool's result object, or an error (never both).
    QJsonObject result() const;
    Error error() const;

    // When set, the handle deletes itself (deleteLater()) once finished() has been delivered.
    bool autoDelete() const;
    void setAutoDelete(bool autoDelete);

public Q_SLOTS:
    // Asks for the call to stop. finished() follows once it has: with the
    // error "cancelled", or with the call's own outcome if that came first.
    void cancel();
    // Cancels and gives up on the call now: finished() follows with the error
    // "cancelled" without waiting for the sandbox to confirm.
    void abort();

Q_SIGNALS:
    void output(hako::ToolCall::Stream stream, const QByteArray &chunk);
    void progress(qint64 elapsedMs);
    void stateChanged(hako::ToolCall::State state);
    void finished();

private:
    friend class ToolCallPrivate;
    explicit ToolCall(std::unique_ptr<ToolCallPrivate> d, QObject *parent);
    void deliver();

    std::unique_ptr<ToolCallPrivate> d;
};

} // namespace hako
