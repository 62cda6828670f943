#include "upstream.h"

#include "httpmessage.h"
#include "proxylog.h"
#include "tlsstream.h"

#include <utility>

namespace hako::proxy {

namespace {

constexpr qint64 kReadBuffer = 256 * 1024;

bool isRedirect(int status)
{
    return status >= 300 && status < 400 && status != 304;
}

} // namespace

// The response side of http_parser; forwards to the exchange's signals.
struct UpstreamExchange::Parser : HttpMessage
{
    UpstreamExchange *owner;
    bool headRequest = false;

    explicit Parser(UpstreamExchange *o) : HttpMessage(HTTP_RESPONSE), owner(o) {}
    int onHeadersComplete() override;
    int onBody(QByteArrayView data) override;
};

int UpstreamExchange::Parser::onBody(QByteArrayView data)
{
    owner->m_sinceBody.start();
    Q_EMIT owner->responseData(data);
    return 0;
}

// Returning 1 tells http_parser that a HEAD response has no body; 2+ aborts.
int UpstreamExchange::Parser::onHeadersComplete()
{
    const int status = parser().status_code;
    if (status == 101) { // nothing was asked to switch protocols
        owner->fail(Reason::UpstreamProtocol);
        return 2;
    }
    if (status < 200) // interim answers are not relayed; feed() starts over after one
        return 0;
    if (isRedirect(status)) {
        owner->fail(Reason::UpstreamRedirect);
        return 2;
    }
    const bool known = !(parser().flags & F_CHUNKED) && parser().content_length != ULLONG_MAX;
    const bool noBody = headRequest || status == 204 || status == 304;
    const qint64 length = noBody ? 0 : known ? qint64(parser().content_length) : -1;
    owner->m_sinceBody.start();
    owner->arm(owner->m_timeouts.responseIdleMs);
    Q_EMIT owner->responseHead(status, startText(), headers(), length);
    return headRequest ? 1 : 0;
}

UpstreamTarget UpstreamTarget::resolve(const QString &host, const QList<ConnectTo> &overrides)
{
    for (const ConnectTo &c : overrides) {
        if (c.matches(host, 443)) {
            return {host, c.toHost.isEmpty() ? host : c.toHost, quint16(c.toPort < 0 ? 443 : c.toPort)};
        }
    }
    return {host, host, 443};
}

UpstreamExchange::UpstreamExchange(std::shared_ptr<const TlsContext> tls, const ProxyTimeouts &timeouts,
                                   QObject *parent)
    : QObject(parent), m_tls(new TlsStream(std::move(tls), this)), m_timeouts(timeouts),
      m_parser(std::make_unique<Parser>(this))
{
    m_readBuffer.resize(kReadBuffer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // Body pieces do not restart the timer (that cost more than relaying
        // them); the idle deadline is checked when it fires instead.
        const qint64 left = m_sinceBody.isValid() ? m_timeouts.responseIdleMs - m_sinceBody.elapsed() : 0;
        if (left > 0)
            return arm(int(left));
        fail(Reason::UpstreamTimeout);
    });
    connect(m_tls, &TlsStream::encrypted, this, &UpstreamExchange::onEncrypted);
    connect(m_tls, &TlsStream::flushed, this, &UpstreamExchange::onFlushed);
    connect(m_tls, &TlsStream::readyRead, this, &UpstreamExchange::onReadyRead);
    connect(m_tls, &TlsStream::failed, this, &UpstreamExchange::fail);
}

UpstreamExchange::~UpstreamExchange()
{
    m_done = true;
    m_tls->disconnect(this);
}

void UpstreamExchange::start(const UpstreamTarget &target, QByteArray head, QByteArray body, bool headRequest)
{
    m_parser->headRequest = headRequest;
    m_head = std::move(head);
    m_body = std::move(body);
    arm(m_timeouts.connectMs);
    m_tls->connectToHost(target.connectHost, target.connectPort, target.host);
}

void UpstreamExchange::setPaused(bool paused)
{
    m_paused = paused;
    m_tls->setReading(!paused);
    if (!paused) // OpenSSL may hold decrypted records the socket no longer signals
        onReadyRead();
}

// Head and body are written separately: the body is handed over, not copied
// (unless the head is still queued).
void UpstreamExchange::onEncrypted()
{
    m_tls->write(std::exchange(m_head, QByteArray()));
    m_tls->write(std::exchange(m_body, QByteArray()));
    m_requestQueued = true;
    arm(m_timeouts.responseHeadMs);
    if (!m_tls->hasPendingWrite())
        onFlushed();
}

void UpstreamExchange::onFlushed()
{
    if (std::exchange(m_requestQueued, false))
        Q_EMIT requestSent();
}

void UpstreamExchange::onReadyRead()
{
    // Drain in place: no allocation per read; the parser hands out views of it.
    while (!m_paused && !m_done) {
        const qint64 n = m_tls->read(m_readBuffer.data(), m_readBuffer.size());
        if (n == 0)
            return;
        if (n < 0)
            return m_tls->endReason() == Reason::None ? onDisconnected() : fail(m_tls->endReason());
        feed(m_readBuffer.constData(), n);
    }
}

void UpstreamExchange::feed(const char *data, qsizetype size)
{
    const qsizetype used = m_parser->execute(QByteArrayView(data, size));
    if (m_done)
        return;
    if (m_parser->isComplete() && m_parser->parser().status_code < 200) {
        // An interim answer (100 Continue, 103 Early Hints) ends as a message
        // of its own; the final answer follows it, read by a fresh parser.
        const bool headRequest = m_parser->headRequest;
        m_parser = std::make_unique<Parser>(this);
        m_parser->headRequest = headRequest;
        return feed(data + used, size - used);
    }
    if (m_parser->isComplete()) {
        m_done = true;
        m_timer.stop();
        m_tls->setReading(false);
        Q_EMIT finished();
    } else if (m_parser->parserErrno() != HPE_OK) {
        fail(Reason::UpstreamProtocol);
    }
}

// A close-delimited body ends here; anything else still open is truncated.
void UpstreamExchange::onDisconnected()
{
    if (m_done)
        return;
    feed(nullptr, 0);
    if (!m_done)
        fail(m_parser->parser().status_code ? Reason::UpstreamProtocol : Reason::UpstreamConnect);
}

void UpstreamExchange::fail(Reason reason)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_tls->setReading(false);
    qCInfo(lcProxy) << "upstream exchange failed:" << reasonCode(reason);
    Q_EMIT failed(reason);
}

void UpstreamExchange::arm(int ms)
{
    m_timer.start(ms);
}

} // namespace hako::proxy
