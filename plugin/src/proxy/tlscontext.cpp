#include "tlscontext.h"

#include "proxylog.h"

#include <QDir>
#include <QFile>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <sys/socket.h>

namespace hako::proxy {

namespace {

// Many records per recv(): one system call per up to 256 KiB instead of two
// (header, then body) per 16 KiB record.
constexpr size_t kReadAhead = 256 * 1024;

TlsContext::Socket *socketOf(BIO *bio)
{
    return static_cast<TlsContext::Socket *>(BIO_get_data(bio));
}

int socketWrite(BIO *bio, const char *data, int size)
{
    BIO_clear_retry_flags(bio);
    ssize_t n;
    do
        n = ::send(socketOf(bio)->fd, data, size_t(size), MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        BIO_set_retry_write(bio);
    return int(n);
}

int socketRead(BIO *bio, char *data, int size)
{
    BIO_clear_retry_flags(bio);
    TlsContext::Socket *socket = socketOf(bio);
    if (socket->drained) {
        BIO_set_retry_read(bio);
        return -1;
    }
    ssize_t n;
    do
        n = ::recv(socket->fd, data, size_t(size), 0);
    while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        BIO_set_retry_read(bio);
    socket->drained = n < size;
    return int(n);
}

long socketCtrl(BIO *, int cmd, long, void *)
{
    return cmd == BIO_CTRL_FLUSH ? 1 : 0; // nothing is buffered in the BIO itself
}

// The system's roots. A directory of hashed links (Debian's /etc/ssl/certs)
// is searched per handshake; only without one is the whole bundle loaded up
// front, which takes some 100 ms of every plugin start.
void addSystemRoots(SSL_CTX *ctx)
{
    const QByteArray dir = qEnvironmentVariableIsSet(X509_get_default_cert_dir_env())
                                   ? qgetenv(X509_get_default_cert_dir_env())
                                   : QByteArray(X509_get_default_cert_dir());
    const bool hashed =
            !QDir(QFile::decodeName(dir)).entryList({QStringLiteral("*.0")}, QDir::Files | QDir::System).isEmpty();
    if (!hashed || qEnvironmentVariableIsSet(X509_get_default_cert_file_env()))
        SSL_CTX_set_default_verify_paths(ctx);
    else
        SSL_CTX_load_verify_dir(ctx, dir.constData());
}

BIO_METHOD *socketMethod()
{
    static BIO_METHOD *const method = [] {
        BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "hako-socket");
        BIO_meth_set_write(m, socketWrite);
        BIO_meth_set_read(m, socketRead);
        BIO_meth_set_ctrl(m, socketCtrl);
        return m;
    }();
    return method;
}

SSL_CTX *makeContext(const QString &caFile)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    addSystemRoots(ctx);
    SSL_CTX_set_read_ahead(ctx, 1);
    SSL_CTX_set_default_read_buffer_len(ctx, kReadAhead);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (!caFile.isEmpty() && SSL_CTX_load_verify_locations(ctx, QFile::encodeName(caFile).constData(), nullptr) != 1) {
        qCWarning(lcProxy) << "cannot load the extra CA file" << caFile;
        ERR_clear_error();
    }
    return ctx;
}

} // namespace

TlsContext::TlsContext(QString caFile) : m_caFile(std::move(caFile)) {}

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_ctx);
}

std::shared_ptr<const TlsContext> TlsContext::create(const QString &caFile)
{
    return std::shared_ptr<const TlsContext>(new TlsContext(caFile));
}

SSL_CTX *TlsContext::get() const
{
    std::call_once(m_made, [this] { m_ctx = makeContext(m_caFile); });
    return m_ctx;
}

BIO *TlsContext::socketBio(Socket *socket)
{
    BIO *bio = BIO_new(socketMethod());
    BIO_set_data(bio, socket);
    BIO_set_init(bio, 1);
    return bio;
}

} // namespace hako::proxy
