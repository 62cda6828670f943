#include "credentialproxy.h"

#include "proxylog.h"
#include "refusal.h"
#include "rolesessions.h"
#include "tlscontext.h"
#include "unixlistener.h"

#include <QCoreApplication>
#include <QLocalSocket>

namespace hako::proxy {

CredentialProxy::CredentialProxy(ProxyConfig config, CredentialConfig credentials,
                                 std::function<QByteArray(const QString &socketPath)> decoyKeyId, QObject *parent)
    : QObject(parent)
{
    m_shared.decoyKeyId = std::move(decoyKeyId);
    qRegisterMetaType<hako::proxy::Reason>();
    m_shared.tls = TlsContext::create(config.caFile);
    m_shared.rate = std::make_unique<RateBudget>(config.requestsPerMinute);
    m_shared.tokens = std::make_unique<TokenBudget>(config.tokenBudget);
    m_shared.config = std::move(config);
    const int refreshMarginSecs = credentials.refreshMarginSecs;
    m_shared.credentials = new CredentialSource(std::move(credentials), this);
    if (const std::optional<AssumeRoleConfig> &role = m_shared.config.assumeRole) {
        StsTransport transport{m_shared.tls, m_shared.config.timeouts, m_shared.config.connectTo};
        m_shared.sessions =
                new RoleSessions(*role, m_shared.credentials, std::move(transport), refreshMarginSecs, this);
    }
}

CredentialProxy::~CredentialProxy()
{
    for (const QString &path : m_servers.keys())
        close(path);
}

hako::Error CredentialProxy::listen(const QString &socketPath, const QString &conversationKey)
{
    if (m_servers.contains(socketPath))
        return {};
    if (!enabled())
        return proxyError(reasonCode(Reason::CredentialsUnavailable),
                          QT_TRANSLATE_NOOP("hako", "The credential proxy is turned off."));
    // Another host process (`serve`) serves this conversation: it keeps doing so.
    if (UnixListener::isServed(socketPath)) {
        qCDebug(lcProxy) << socketPath << "is served by another process";
        return {};
    }
    QString failure;
    UnixListener *listener = UnixListener::listen(socketPath, &failure, this);
    if (!listener) {
        hako::Error error =
                proxyError("proxy_listen", QT_TRANSLATE_NOOP("hako", "Cannot listen on proxy socket %1."), socketPath);
        error.logMessage += QLatin1Char(' ') + failure; // the system's words, in English
        return error;
    }
    connect(listener, &UnixListener::accepted, this,
            [this, socketPath](QLocalSocket *client) { onNewConnection(client, socketPath); });
    m_servers.insert(socketPath, listener);
    m_conversations.insert(socketPath, conversationKey);
    if (m_shared.sessions)
        m_shared.sessions->open(socketPath, conversationKey.isEmpty() ? socketPath : conversationKey);
    qCInfo(lcProxy) << "listening on" << socketPath;
    return {};
}

void CredentialProxy::close(const QString &socketPath)
{
    delete m_servers.take(socketPath); // removes the socket file it bound
    m_conversations.remove(socketPath);
    m_shared.rate->forget(socketPath);
    m_shared.tokens->forget(socketPath);
    if (m_shared.sessions)
        m_shared.sessions->close(socketPath);
}

bool CredentialProxy::enabled() const
{
    return m_shared.credentials->status().source != QLatin1String("none");
}

QStringList CredentialProxy::socketPaths() const
{
    return m_servers.keys();
}

QList<ConversationBudget> CredentialProxy::budgets() const
{
    QList<ConversationBudget> out;
    const qint64 now = m_shared.rate->now();
    for (auto it = m_conversations.cbegin(); it != m_conversations.cend(); ++it) {
        out.append({it.value(), m_shared.tokens->usage(it.key()), m_shared.tokens->exhausted(it.key()),
                    m_shared.rate->admittedLastMinute(it.key(), now)});
    }
    return out;
}

void CredentialProxy::onNewConnection(QLocalSocket *client, const QString &socketPath)
{
    auto *session = new ProxySession(client, m_shared, socketPath, this);
    connect(session, &ProxySession::securityEvent, this, &CredentialProxy::securityEvent);
    connect(session, &ProxySession::tokensUsed, this, &CredentialProxy::tokensUsed);
    connect(session, &ProxySession::decoyUsed, this, [this, socketPath] { Q_EMIT decoyUsed(socketPath); });
    connect(session, &ProxySession::concluded, this,
            [this, socketPath](Reason reason, qint64 upstreamMs, const QByteArray &rule) {
        Q_EMIT decision(QString::fromLatin1(decisionFor(reason)), QString::fromLatin1(reasonCode(reason)), upstreamMs,
                        socketPath, QString::fromLatin1(rule));
    });
}

} // namespace hako::proxy
