// The host-side credential injection proxy.
//
// Usage (one object per plugin; one listener per conversation container):
//
//   hako::proxy::ProxyConfig proxyConfig;
//   hako::proxy::CredentialConfig credentialConfig;
//   const QList<hako::Error> errors = hako::proxy::configFromSettings(settings, &proxyConfig,
//                                                                     &credentialConfig);
//   auto *proxy = new hako::proxy::CredentialProxy(proxyConfig, credentialConfig, {}, parent);
//   if (const hako::Error error = proxy->listen(socketDir + "/proxy.sock")) ...  // code "proxy_listen"
//   ...
//   proxy->close(socketDir + "/proxy.sock");  // when the container goes
//
// Containers speak plain HTTP/1.1 to the socket, in origin form with a Host
// header (curl --unix-socket) or absolute form (HTTP_PROXY style). Requests
// for allowlisted hosts are stripped of any credential, signed (SigV4) or
// given their header, and forwarded over verified HTTPS; everything else gets
// a 4xx with a JSON {"reason","message"} body and never leaves the host.
//
// Observability: decision() fires once per request with bounded labels
// (decision: allowed|denied|error; reason: a reasonCode() from refusal.h, "ok"
// when allowed); securityEvent() fires with a fixed type (see refusal.cpp and
// "proxy_client_credential"). Neither ever carries request data or secrets.
#pragma once

#include "credentials.h"
#include "proxyconfig.h"
#include "proxysession.h"

#include <QHash>
#include <QObject>
#include <QString>

class QLocalSocket;

namespace hako::proxy {

class RoleSessions;
class UnixListener;

class CredentialProxy : public QObject
{
    Q_OBJECT

public:
    // `decoyKeyId` names the decoy key ID of the sandbox behind a socket path (ProxyShared).
    CredentialProxy(ProxyConfig config, CredentialConfig credentials,
                    std::function<QByteArray(const QString &socketPath)> decoyKeyId = {}, QObject *parent = nullptr);
    ~CredentialProxy() override;

    // Listens on a Unix socket at socketPath (a stale socket file there is
    // replaced), readable and writable by every user (mode 0666) because the
    // container's user is another uid, possibly remapped by userns-remap.
    // The directory must be the host's alone (unixlistener.h). Listening
    // again on a path already served succeeds; a failure is "proxy_listen".
    // conversationKey names the socket's STS session under
    // credentials.assumeRole (empty: the path does).
    hako::Error listen(const QString &socketPath, const QString &conversationKey = {});
    // Stops listening and removes the socket file; requests in flight finish.
    // The socket's STS session, if any, is forgotten.
    void close(const QString &socketPath);
    QStringList socketPaths() const;
    // Each served conversation's budget state, for /healthz.
    QList<ConversationBudget> budgets() const;
    // False when credentials.source is none: then listen() refuses and no socket is served.
    bool enabled() const;
    CredentialSource *credentials() const { return m_shared.credentials; }
    // Null unless credentials.assumeRole is set.
    RoleSessions *roleSessions() const { return m_shared.sessions; }

Q_SIGNALS:
    // upstreamMs: -1 when the request never went upstream; socketPath: the
    // listener it came in on, which tells the conversation; rule: the setting
    // that refused it (empty unless the operation or model policy did).
    void decision(const QString &decision, const QString &reason, qint64 upstreamMs, const QString &socketPath,
                  const QString &rule);
    void securityEvent(const QString &type);
    // Tokens one answer used, as Bedrock reported them (proxy.budget.tokens).
    void tokensUsed(qint64 input, qint64 output);
    // A request on `socketPath` carried that sandbox's decoy key ID (a tripwire).
    void decoyUsed(const QString &socketPath);

private:
    void onNewConnection(QLocalSocket *client, const QString &socketPath);

    ProxyShared m_shared;
    QHash<QString, UnixListener *> m_servers;
    QHash<QString, QString> m_conversations; // socket path -> conversation key
};

} // namespace hako::proxy
