#include "credentialproxy.h"

#include "proxylog.h"
#include "tlscontext.h"
#include "unixlistener.h"

#include <QCoreApplication>
#include <QLocalSocket>

namespace hako::proxy {

CredentialProxy::CredentialProxy(ProxyConfig config, CredentialConfig credentials, QObject *parent) : QObject(parent)
{
    qRegisterMetaType<hako::proxy::Reason>();
    m_shared.tls = TlsContext::create(config.caFile);
    m_shared.rate = std::make_unique<RateBudget>(config.requestsPerMinute);
    m_shared.config = std::move(config);
    m_shared.credentials = new CredentialSource(std::move(credentials), this);
}

CredentialProxy::~CredentialProxy()
{
    for (const QString &path : m_servers.keys())
        close(path);
}

hako::Error CredentialProxy::listen(const QString &socketPath)
{
    if (m_servers.contains(socketPath))
        return {};
    QString failure;
    UnixListener *listener = UnixListener::listen(socketPath, &failure, this);
    if (!listener) {
        // Made as proxyError() makes its errors; it takes one argument, this has two.
        const char *const text = QT_TRANSLATE_NOOP("hako", "Cannot listen on proxy socket %1: %2");
        return {QStringLiteral("proxy_listen"), QCoreApplication::translate("hako", text).arg(socketPath, failure),
                QLatin1String(text).arg(socketPath, failure)};
    }
    connect(listener, &UnixListener::accepted, this,
            [this, socketPath](QLocalSocket *client) { onNewConnection(client, socketPath); });
    m_servers.insert(socketPath, listener);
    qCInfo(lcProxy) << "listening on" << socketPath;
    return {};
}

void CredentialProxy::close(const QString &socketPath)
{
    delete m_servers.take(socketPath); // removes the socket file it bound
    m_shared.rate->forget(socketPath);
}

QStringList CredentialProxy::socketPaths() const
{
    return m_servers.keys();
}

void CredentialProxy::onNewConnection(QLocalSocket *client, const QString &socketPath)
{
    auto *session = new ProxySession(client, m_shared, socketPath, this);
    connect(session, &ProxySession::securityEvent, this, &CredentialProxy::securityEvent);
    connect(session, &ProxySession::concluded, this,
            [this, socketPath](Reason reason, qint64 upstreamMs, const QByteArray &rule) {
        Q_EMIT decision(QString::fromLatin1(decisionFor(reason)), QString::fromLatin1(reasonCode(reason)), upstreamMs,
                        socketPath, QString::fromLatin1(rule));
    });
}

} // namespace hako::proxy
