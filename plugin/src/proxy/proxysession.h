// One client connection on a proxy socket: parse and check the request,
// match the allowlist and the operation and model policy, strip what the client must not send, authenticate,
// forward, and stream the answer back. Exactly one request per connection;
// every outcome ends in exactly one concluded() signal (except when the client
// itself hangs up first, unless an event stream was coming back to it: that
// is read to its end for its token usage, then concluded). The connection holds one of its socket's slots and
// a reservation for its body (ProxyBudget); the upstream connection is opened
// only once the whole request is in and allowed.
#pragma once

#include "credentials.h"
#include "eventstream.h"
#include "httprequest.h"
#include "proxybudget.h"
#include "proxyconfig.h"
#include "ratebudget.h"
#include "refusal.h"
#include "sanitize.h"
#include "tokenbudget.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QLocalSocket;

namespace hako::proxy {

class ClientWriter;
class CredentialSource;
class RoleSessions;
class TlsContext;
class UpstreamExchange;

// What every session of one proxy shares; owned by CredentialProxy.
struct ProxyShared
{
    ProxyConfig config;
    std::shared_ptr<const TlsContext> tls;
    CredentialSource *credentials = nullptr;
    // Every session's lease holds it too: sessions (QObject children) are
    // destroyed after the proxy's members and give back what they held.
    std::shared_ptr<ProxyBudget> budget = std::make_shared<ProxyBudget>();
    std::unique_ptr<RateBudget> rate;    // proxy.budget.requestsPerMinute, per socket
    std::unique_ptr<TokenBudget> tokens; // proxy.budget.tokens, per socket
    // With credentials.assumeRole: the conversations' STS sessions, which
    // sign instead of `credentials`.
    RoleSessions *sessions = nullptr;
    // The decoy key ID planted in the sandbox behind a socket (empty: none known);
    // a request carrying it is a tripwire (docs/tripwires.md).
    std::function<QByteArray(const QString &socket)> decoyKeyId;
};

class ProxySession : public QObject
{
    Q_OBJECT

public:
    // socket names the listening socket (the sandbox) the client came in on.
    ProxySession(QLocalSocket *client, const ProxyShared &shared, const QString &socket, QObject *parent = nullptr);

Q_SIGNALS:
    // rule: the setting that refused the request, when a policy did.
    void concluded(hako::proxy::Reason reason, qint64 upstreamMs, const QByteArray &rule);
    void securityEvent(const QString &type);
    // Tokens Bedrock's answer reported, once it ended.
    void tokensUsed(qint64 input, qint64 output);
    // The request carried the sandbox's decoy key ID; it is refused.
    void decoyUsed();

private:
    // Refused: over the connection bound, waiting to say so.
    enum class Stage { Refused, Receiving, Authenticating, Forwarding, Streaming, Done };

    void onClientData();
    bool onHead();
    QByteArray overBudget();
    // Looks for the decoy key ID where a client would put a key: anywhere in
    // the head (raw and percent-decoded query) and, once complete, the body.
    bool carriesDecoy(bool withBody);
    void onRequestComplete();
    std::shared_ptr<const AwsCredentials> signingCredentials() const;
    void awaitCredentials();
    void forward();
    void onResponseHead(int status, const QByteArray &reasonPhrase, const HeaderList &headers, qint64 contentLength);
    void onResponseData(QByteArrayView data);
    void onResponseFinished();
    void onUpstreamFailed(Reason reason);
    void onClientDrained();
    void onClientGone();
    void closeClient(bool linger = false);
    void refuse(Reason reason, const QByteArray &rule = {});
    void conclude(Reason reason, const QByteArray &rule = {});
    void countTokens();

    QLocalSocket *m_client;
    const ProxyShared &m_shared;
    HttpRequestParser m_parser;
    ClientWriter *m_writer;
    AllowMatch m_match;
    SanitizedRequest m_clean;
    UpstreamExchange *m_upstream = nullptr;
    ProxyBudget::Lease m_lease;
    QString m_socket;
    QTimer m_timer;    // the head from the connection on, then each gap in the body
    QTimer m_deadline; // the whole request from its first byte on
    QElapsedTimer m_clock;
    Stage m_stage = Stage::Receiving;
    bool m_chunked = false;
    bool m_clientGone = false;                   // an abandoned event stream read on for its usage
    TokenCounts m_tokens;                        // from the response headers
    std::unique_ptr<EventStreamTokens> m_events; // an event stream's closing usage
};

} // namespace hako::proxy
