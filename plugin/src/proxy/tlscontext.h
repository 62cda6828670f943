// The upstream TLS client settings every proxy session shares: the system's
// roots plus the configured extra CA, TLS 1.2 or later, peer verification
// always on. OpenSSL is used directly (not through QSslSocket) because the
// relay path must not copy every response byte four extra times: records are
// read straight from the socket and decrypted into the exchange's buffer.
#pragma once

#include <QString>

#include <memory>
#include <mutex>

using SSL_CTX = struct ssl_ctx_st;
using BIO = struct bio_st;

namespace hako::proxy {

class TlsContext
{
public:
    // An unreadable CA file leaves only the system roots, which makes
    // verification stricter, never weaker; the file is checked when the
    // settings are read, so this is logged rather than returned. The roots are
    // loaded on the first get(): a host process that never proxies (hako-host
    // exec) does not pay for them.
    static std::shared_ptr<const TlsContext> create(const QString &caFile);
    ~TlsContext();

    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    SSL_CTX *get() const;

    // What a socket BIO knows of its socket. A read that returns less than
    // asked sets `drained`, and the next read then reports "would block"
    // without a system call; the owner clears it when the event loop reports
    // the socket readable. That saves one recv() per relayed piece.
    struct Socket
    {
        int fd = -1;
        bool drained = false;
    };

    // A BIO on a non-blocking socket that writes with MSG_NOSIGNAL: a peer
    // that hangs up must not raise SIGPIPE in the host application, and the
    // plugin must not change the host's signal dispositions to avoid it.
    static BIO *socketBio(Socket *socket);

private:
    explicit TlsContext(QString caFile);

    const QString m_caFile;
    mutable std::once_flag m_made; // sessions and STS calls may ask from different threads
    mutable SSL_CTX *m_ctx = nullptr;
};

} // namespace hako::proxy
