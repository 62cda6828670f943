#include "credentialproxy.h"

#include "proxylog.h"
#include "tlscontext.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>

Q_LOGGING_CATEGORY(lcProxy, "hako.proxy")

namespace hako::proxy {

CredentialProxy::CredentialProxy(ProxyConfig config, CredentialConfig credentials, QObject *parent)
    : QObject(parent)
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
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::WorldAccessOption);
    QLocalServer::removeServer(socketPath);
    const bool ok = server->listen(socketPath)
        && QFile::setPermissions(socketPath,
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                     | QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                     | QFileDevice::ReadOther | QFileDevice::WriteOther);
    if (!ok) {
        if (error)
            *error = QCoreApplication::translate("hako", "Cannot listen on proxy socket %1: %2")
                         .arg(socketPath, server->errorString());
        delete server;
        return false;
    }
    connect(server, &QLocalServer::newConnection, this,
            [this, server] { onNewConnection(server); });
    m_servers.insert(socketPath, server);
    qCInfo(lcProxy) << "listening on" << socketPath;
    return true;
}

void CredentialProxy::close(const QString &socketPath)
{
    QLocalServer *server = m_servers.take(socketPath);
    if (!server)
        return;
    server->close(); // also removes the socket file
    server->deleteLater();
}

QStringList CredentialProxy::socketPaths() const
{
    return m_servers.keys();
}

void CredentialProxy::onNewConnection(QLocalServer *server)
{
    while (QLocalSocket *client = server->nextPendingConnection()) {
        auto *session = new ProxySession(client, m_shared, this);
        connect(session, &ProxySession::securityEvent, this, &CredentialProxy::securityEvent);
        connect(session, &ProxySession::concluded, this, [this, path = server->fullServerName()](Reason reason, qint64 upstreamMs) {
            emit decision(QString::fromLatin1(decisionFor(reason)), QString::fromLatin1(reasonCode(reason)),
                          upstreamMs, path);
        });
    }
}

} // namespace hako::proxy
