// One STS session of credentials.assumeRole per conversation, i.e. per proxy
// socket: the socket a request arrived on says whose credentials sign it,
// never anything the sandbox sends. A session is asked for on the first
// request that needs it, asked for again refreshMarginSecs before it expires
// (the old one keeps signing meanwhile), and forgotten with its socket. After
// a failed AssumeRole that conversation waits as credential_process does
// (credentialBackoffMs()), its requests getting the failure meanwhile. The
// base credentials (CredentialSource) sign only these AssumeRole calls.
#pragma once

#include "stscall.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

namespace hako::proxy {

class CredentialSource;

class RoleSessions : public QObject
{
    Q_OBJECT

public:
    RoleSessions(AssumeRoleConfig config, CredentialSource *base, StsTransport transport, int refreshMarginSecs,
                 QObject *parent = nullptr);

    // conversationKey names the STS session (roleSessionName()).
    void open(const QString &socket, const QString &conversationKey);
    void close(const QString &socket); // drops its credentials and any call in flight (failed())
    // The socket's usable credentials, or null: then fetch() and wait for
    // ready() or failed() with that socket. Starts a due refresh.
    std::shared_ptr<const AwsCredentials> current(const QString &socket);
    void fetch(const QString &socket);

    // Sessions held with usable credentials, for /healthz.
    int usableCount() const;

Q_SIGNALS:
    void ready(const QString &socket);
    void failed(const QString &socket, const hako::Error &error);
    void assumeRoleFailed(); // once per failed AssumeRole call, for the metric

private:
    struct Session
    {
        QByteArray name;
        std::shared_ptr<const AwsCredentials> credentials;
        StsCall *call = nullptr;
        int failures = 0;
        QDateTime retryAt;
        hako::Error lastError;
    };

    void assume(const QString &socket, Session &session);
    void onCallDone(const QString &socket, StsCall *call, const hako::Error &error);
    void onBaseReady();
    void onBaseFailed(const hako::Error &error);

    AssumeRoleConfig m_config;
    CredentialSource *m_base;
    StsTransport m_transport;
    int m_refreshMarginSecs;
    QHash<QString, Session> m_sessions;
    QSet<QString> m_awaitingBase; // sockets whose AssumeRole waits for the base credentials
};

} // namespace hako::proxy
