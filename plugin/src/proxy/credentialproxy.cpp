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
    m_shared.config = std::move(config);
    m_shared.credentials = new CredentialSource(std::move(credentials), this);
}

CredentialProxy::~CredentialProxy()
{
    for (const QString &path : m_servers.keys())
        close(path);
}

bool CredentialProxy::listen(const QString &socketPath, QString *error)
{
    if (m_servers.contains(socketPath))
        return true;
    QString failure;
    UnixListener *listener = UnixListener::listen(socketPath, &failure, this);
    if (!listener) {
        if (error)
            *error = QCoreApplication::translate("hako", "Cannot listen on proxy socket %1: %2")
                             .arg(socketPath, failure);
        return false;
    }
    connect(listener, &UnixListener::accepted, this,
            [this, socketPath](QLocalSocket *client) { onNewConnection(client, socketPath); });
    m_servers.insert(socketPath, listener);
    qCInfo(lcProxy) << "listening on" << socketPath;
    return true;
}

void CredentialProxy::close(const QString &socketPath)
{
    delete m_servers.take(socketPath); // removes the socket file it bound
}

QStringList CredentialProxy::socketPaths() const
{
    return m_servers.keys();
}

void CredentialProxy::onNewConnection(QLocalSocket *client, const QString &socketPath)
{
    auto *session = new ProxySession(client, m_shared, socketPath, this);
    connect(session, &ProxySession::securityEvent, this, &CredentialProxy::securityEvent);
    connect(session, &ProxySession::concluded, this, [this, socketPath](Reason reason, qint64 upstreamMs) {
        Q_EMIT decision(QString::fromLatin1(decisionFor(reason)), QString::fromLatin1(reasonCode(reason)), upstreamMs,
                        socketPath);
    });
}

} // namespace hako::proxy
