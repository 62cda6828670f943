// The plugin's end of one conversation's agent socket: connects (retrying
// while the container starts), exchanges Hello, multiplexes calls by id.
#pragma once

#include "framereader.h"

#include <hako/error.h>

#include <QHash>
#include <QJsonObject>
#include <QLocalSocket>
#include <QObject>
#include <QTimer>

#include <functional>

namespace hako {

class AgentChannel final : public QObject
{
    Q_OBJECT
public:
    // Receives every frame of one call; the last is Result or Error.
    using FrameHandler = std::function<void(const Frame &)>;

    explicit AgentChannel(QObject *parent = nullptr);
    ~AgentChannel() override;

    // Tries to connect until `timeoutMs` passes; emits ready() or failed().
    void open(const QString &socketPath, int timeoutMs);
    bool isReady() const { return m_ready; }

    quint32 startCall(const QJsonObject &call, FrameHandler handler);
    void send(proto::Type type, quint32 id, const QByteArray &payload = {});
    void cancel(quint32 id) { send(proto::Type::Cancel, id); }
    // Bytes sent but not yet taken by the socket: what an upload paces itself by.
    qint64 bytesToWrite() const { return m_socket->bytesToWrite(); }

Q_SIGNALS:
    void ready();
    void failed(const hako::Error &error); // never became ready
    void lost(const hako::Error &error);   // was ready, now gone
    void bytesWritten();                   // the socket took some of bytesToWrite()
    // The agent's seccomp layer denied one call by this name (one signal per attempt).
    void seccompViolation(const QString &syscall);

private:
    void tryConnect();
    void onReadyRead();
    void handleFrame(const Frame &frame);
    void handleEvent(const QByteArray &payload);
    void fail(const Error &error);
    void failAllCalls(const Error &error);

    QLocalSocket *m_socket;
    QTimer m_retry;
    QString m_path;
    qint64 m_deadline = 0;
    int m_timeoutMs = 0;
    FrameReader m_reader;
    QHash<quint32, FrameHandler> m_handlers;
    quint32 m_nextId = 1;
    bool m_ready = false;
    bool m_helloSent = false;
};

} // namespace hako
