// One request/response exchange with the upstream service over verified TLS.
//
// Certificate and host-name verification are always on (the peer name is the
// allowlisted host even when a connect-to override redirects the TCP
// connection); nothing ignores an SSL error. A 3xx answer is refused, not
// followed. The response body is handed on as it arrives, de-chunked, with
// reading paused while the client is slow (backpressure).
#pragma once

#include "proxyconfig.h"
#include "refusal.h"
#include "sigv4.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace hako::proxy {

class TlsContext;
class TlsStream;

struct UpstreamTarget
{
    QString host;        // allowlisted name: SNI and certificate check
    QString connectHost; // where TCP goes (differs under proxy.connectTo)
    quint16 connectPort = 443;

    static UpstreamTarget resolve(const QString &host, const QList<ConnectTo> &overrides);
};

class UpstreamExchange : public QObject
{
    Q_OBJECT

public:
    UpstreamExchange(std::shared_ptr<const TlsContext> tls, const ProxyTimeouts &timeouts, QObject *parent = nullptr);
    ~UpstreamExchange() override;

    // Connects (TCP + TLS) and sends the request once the handshake is done;
    // only a complete, allowed request ever gets a connection.
    void start(const UpstreamTarget &target, QByteArray head, QByteArray body, bool headRequest);
    void setPaused(bool paused);

    struct Parser;

Q_SIGNALS:
    // contentLength is -1 when the length is not known in advance.
    void responseHead(int status, const QByteArray &reasonPhrase, const hako::proxy::HeaderList &headers,
                      qint64 contentLength);
    // Points into the exchange's read buffer: valid only during the call
    // (direct connections only), so the body is never copied on the way.
    void responseData(QByteArrayView data);
    void requestSent(); // the whole request went out: it is no longer held here
    void finished();
    void failed(hako::proxy::Reason reason);

private:
    void onEncrypted();
    void onFlushed();
    void onReadyRead();
    void onDisconnected();
    void feed(const char *data, qsizetype size);
    void fail(Reason reason);
    void arm(int ms);

    TlsStream *m_tls;
    ProxyTimeouts m_timeouts;
    QTimer m_timer;
    QElapsedTimer m_sinceBody; // valid once the response head arrived
    QByteArray m_head;         // the request until the handshake is done
    QByteArray m_body;
    bool m_requestQueued = false; // handed to the TLS stream, maybe not all out yet
    QByteArray m_readBuffer;      // reused for every read
    bool m_paused = false;
    bool m_done = false;
    std::unique_ptr<Parser> m_parser;
};

} // namespace hako::proxy
