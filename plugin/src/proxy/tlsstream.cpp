#include "tlsstream.h"

#include "proxylog.h"
#include "tlscontext.h"

#include <QNetworkProxy>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <climits>
#include <fcntl.h>
#include <unistd.h>

namespace hako::proxy {

namespace {

// OpenSSL 3 reports a peer that closes without close_notify as an SSL error;
// for the relay that is an end of stream like any other: the HTTP parser
// decides whether the response was complete.
bool isEndOfStream(int error)
{
    return error == SSL_ERROR_ZERO_RETURN || error == SSL_ERROR_SYSCALL
           || (error == SSL_ERROR_SSL && ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING);
}

} // namespace

TlsStream::TlsStream(std::shared_ptr<const TlsContext> context, QObject *parent)
    : QObject(parent), m_context(std::move(context))
{}

TlsStream::~TlsStream()
{
    delete m_readNotifier; // before the descriptor they watch goes away
    delete m_writeNotifier;
    SSL_free(m_ssl);
    if (m_socket.fd >= 0)
        ::close(m_socket.fd);
}

void TlsStream::connectToHost(const QString &connectHost, quint16 port, const QString &peerName)
{
    m_peerName = peerName.toLatin1(); // allowlisted names are ASCII
    m_tcp = new QTcpSocket(this);
    // The descriptor is taken over once connected, which a proxying socket
    // engine would not survive; connect-to overrides cover private endpoints.
    m_tcp->setProxy(QNetworkProxy::NoProxy);
    connect(m_tcp, &QTcpSocket::connected, this, &TlsStream::onConnected);
    connect(m_tcp, &QTcpSocket::errorOccurred, this, [this] { end(Reason::UpstreamConnect); });
    m_tcp->connectToHost(connectHost, port);
}

void TlsStream::onConnected()
{
    m_socket.fd = ::fcntl(int(m_tcp->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    m_tcp->disconnect(this);
    m_tcp->abort(); // closes Qt's descriptor only: the connection lives on in ours
    m_tcp->deleteLater();
    m_tcp = nullptr;
    if (m_socket.fd < 0)
        return end(Reason::UpstreamConnect);
    m_ssl = SSL_new(m_context->get());
    if (!m_ssl)
        return end(Reason::UpstreamTls);
    BIO *bio = TlsContext::socketBio(&m_socket);
    SSL_set_bio(m_ssl, bio, bio);
    SSL_set_tlsext_host_name(m_ssl, m_peerName.constData());
    SSL_set_hostflags(m_ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    SSL_set1_host(m_ssl, m_peerName.constData());
    SSL_set_connect_state(m_ssl);
    m_readNotifier = new QSocketNotifier(m_socket.fd, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(m_socket.fd, QSocketNotifier::Write, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &TlsStream::onActivity);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &TlsStream::onActivity);
    m_state = State::Handshaking;
    handshake();
}

void TlsStream::onActivity()
{
    m_socket.drained = false;
    if (m_state == State::Handshaking)
        return handshake();
    flush();
    if (m_state == State::Open && m_reading)
        Q_EMIT readyRead();
}

void TlsStream::handshake()
{
    ERR_clear_error();
    const int result = SSL_do_handshake(m_ssl);
    if (result == 1) {
        qCDebug(lcProxy) << "upstream TLS:" << SSL_get_version(m_ssl) << SSL_get_cipher_name(m_ssl);
        m_state = State::Open;
        watch(m_reading, false);
        flush();
        if (m_state == State::Open)
            Q_EMIT encrypted();
        return;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
        return watch(error == SSL_ERROR_WANT_READ, error == SSL_ERROR_WANT_WRITE);
    const long verify = SSL_get_verify_result(m_ssl);
    qCInfo(lcProxy) << "upstream TLS handshake failed:"
                    << (verify != X509_V_OK ? X509_verify_cert_error_string(verify)
                                            : ERR_reason_error_string(ERR_peek_error()));
    end(isEndOfStream(error) ? Reason::UpstreamConnect : Reason::UpstreamTls);
}

void TlsStream::write(const QByteArray &data)
{
    m_out.append(data);
    if (m_state == State::Open)
        flush();
}

void TlsStream::flush()
{
    while (m_outSent < m_out.size()) {
        ERR_clear_error();
        const int chunk = int(qMin<qsizetype>(m_out.size() - m_outSent, INT_MAX));
        const int result = SSL_write(m_ssl, m_out.constData() + m_outSent, chunk);
        if (result > 0) {
            m_outSent += result;
            continue;
        }
        const int error = SSL_get_error(m_ssl, result);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            return watch(m_reading || error == SSL_ERROR_WANT_READ, error == SSL_ERROR_WANT_WRITE);
        return end(Reason::UpstreamConnect);
    }
    const bool wrote = !m_out.isEmpty();
    m_out.clear();
    m_outSent = 0;
    watch(m_reading, false);
    if (wrote)
        Q_EMIT flushed();
}

// Everything already received, not one record: a large response is then
// relayed in pieces of up to the caller's buffer, each one write to the client.
qint64 TlsStream::read(char *data, qint64 maxSize)
{
    qint64 total = 0;
    while (total < maxSize) {
        const qint64 n = readRecord(data + total, maxSize - total);
        if (n <= 0)
            return total > 0 ? total : n; // an end is reported by the next call
        total += n;
    }
    return total;
}

qint64 TlsStream::readRecord(char *data, qint64 maxSize)
{
    if (m_state != State::Open)
        return m_state == State::Ended ? -1 : 0;
    ERR_clear_error();
    const int result = SSL_read(m_ssl, data, int(qMin<qint64>(maxSize, INT_MAX)));
    if (result > 0)
        return result;
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ)
        return 0;
    if (error == SSL_ERROR_WANT_WRITE) {
        watch(m_reading, true);
        return 0;
    }
    m_state = State::Ended;
    m_endReason = isEndOfStream(error) ? Reason::None : Reason::UpstreamTls;
    watch(false, false);
    return -1;
}

void TlsStream::setReading(bool on)
{
    m_reading = on;
    if (m_state == State::Open && m_readNotifier)
        m_readNotifier->setEnabled(on);
}

void TlsStream::end(Reason reason)
{
    m_state = State::Ended;
    m_endReason = reason;
    watch(false, false);
    Q_EMIT failed(reason);
}

void TlsStream::watch(bool read, bool write)
{
    if (m_readNotifier)
        m_readNotifier->setEnabled(read);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(write);
}

} // namespace hako::proxy
