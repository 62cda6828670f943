// The handle a host holds for one asynchronous call. It lives in the small
// HakoInterface library so that host and plugin share one meta-object.
#pragma once

#include <hako/error.h>
#include <hako/hako_export.h>

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace hako {

class HAKO_INTERFACE_EXPORT ToolCall : public QObject
{
    Q_OBJECT
public:
    enum class Stream { Stdout, Stderr };
    Q_ENUM(Stream)

    ToolCall(const QString &conversationId, const QString &callId, const QString &tool, QObject *parent = nullptr);
    ~ToolCall() override;

    QString conversationId() const { return m_conversationId; }
    QString callId() const { return m_callId; }
    QString tool() const { return m_tool; }

    bool isFinished() const { return m_finished; }
    // Valid once finished(): the tool's result object, or an error.
    QJsonObject result() const { return m_result; }
    Error error() const { return m_error; }

    // Asks the executor to stop the call; finished() still follows, with a
    // "cancelled" error or a result that says so.
    void cancel();

    // Executor side: report output and the outcome. Finishing twice is ignored.
    void emitOutput(Stream stream, const QByteArray &chunk);
    void finishWithResult(const QJsonObject &result);
    void finishWithError(const Error &error);

Q_SIGNALS:
    void output(hako::ToolCall::Stream stream, const QByteArray &chunk);
    void progress(qint64 elapsedMs);
    void finished();
    void cancelRequested();

private:
    QString m_conversationId;
    QString m_callId;
    QString m_tool;
    QJsonObject m_result;
    Error m_error;
    bool m_finished = false;
    bool m_cancelRequested = false;
};

} // namespace hako
