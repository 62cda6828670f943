// A non-blocking TLS client connection driven by the event loop.
//
// QTcpSocket resolves and connects; the connected descriptor is then taken
// over and OpenSSL runs on it directly. The certificate chain and the peer
// name are verified in the handshake (SNI and name check use peerName, which
// stays the allowlisted host under a connect-to override); a failure ends the
// stream with Reason::UpstreamTls and no application byte is ever sent.
#pragma once

#include "refusal.h"
#include "tlscontext.h"

#include <QByteArray>
#include <QObject>

#include <memory>

class QSocketNotifier;
class QTcpSocket;
using SSL = struct ssl_st;

namespace hako::proxy {

class TlsStream : public QObject
{
    Q_OBJECT

public:
    explicit TlsStream(std::shared_ptr<const TlsContext> context, QObject *parent = nullptr);
    ~TlsStream() override;

    void connectToHost(const QString &connectHost, quint16 port, const QString &peerName);
    bool isEncrypted() const { return m_state == State::Open; }

    // Queued and sent as the socket accepts it; flushed() says when all went.
    void write(const QByteArray &data);
    bool hasPendingWrite() const { return !m_out.isEmpty(); }

    // Bytes read (> 0), 0 when nothing is available now (readyRead follows),
    // -1 once the stream has ended: endReason() says how.
    qint64 read(char *data, qint64 maxSize);
    Reason endReason() const { return m_endReason; }

    // While off, nothing is read from the socket: the peer is slowed by TCP.
    // Data OpenSSL already holds is not announced again: read after turning
    // reading back on.
    void setReading(bool on);

Q_SIGNALS:
    void encrypted();
    void readyRead();
    void flushed(); // everything written so far went out

    // Connecting, the handshake or a write failed; read() reports its own end.
    void failed(hako::proxy::Reason reason);

private:
    enum class State { Connecting, Handshaking, Open, Ended };

    void onConnected();
    void onActivity();
    void handshake();
    void flush();
    qint64 readRecord(char *data, qint64 maxSize);
    void end(Reason reason);
    void watch(bool read, bool write);

    std::shared_ptr<const TlsContext> m_context;
    QTcpSocket *m_tcp = nullptr;
    QByteArray m_peerName;
    TlsContext::Socket m_socket;
    SSL *m_ssl = nullptr;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    State m_state = State::Connecting;
    Reason m_endReason = Reason::None;
    bool m_reading = true;
    QByteArray m_out;
    qsizetype m_outSent = 0;
};

} // namespace hako::proxy
