#include "proxysession.h"

#include "clientwriter.h"
#include "credentials.h"
#include "proxylog.h"
#include "rolesessions.h"
#include "sigv4.h"
#include "upstream.h"
#include "upstreamrequest.h"

#include <QLocalSocket>

#include <sys/socket.h>

namespace hako::proxy {

namespace {

constexpr int kLingerMs = 2000; // after a refusal while the request still arrived

} // namespace

ProxySession::ProxySession(QLocalSocket *client, const ProxyShared &shared, const QString &socket, QObject *parent)
    : QObject(parent), m_client(client), m_shared(shared), m_parser(shared.config.limits),
      m_writer(new ClientWriter(client->socketDescriptor(), this)),
      m_lease(shared.budget, shared.config.bounds, socket), m_socket(socket)
{
    m_client->setParent(this);
    m_timer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { refuse(Reason::ClientTimeout); });
    connect(&m_deadline, &QTimer::timeout, this, [this] { refuse(Reason::RequestDeadline); });
    connect(m_client, &QLocalSocket::readyRead, this, &ProxySession::onClientData);
    connect(m_writer, &ClientWriter::drained, this, &ProxySession::onClientDrained);
    connect(m_writer, &ClientWriter::failed, m_client, &QLocalSocket::abort);
    connect(m_client, &QLocalSocket::disconnected, m_writer, &ClientWriter::stop);
    connect(m_client, &QLocalSocket::disconnected, this, &ProxySession::onClientGone);
    if (!m_lease.holdConnection()) {
        // Not a byte is parsed; queued so the owner has connected concluded().
        m_stage = Stage::Refused;
        QMetaObject::invokeMethod(
                this, [this] { refuse(Reason::TooManyConnections); }, Qt::QueuedConnection);
        return;
    }
    m_timer.start(shared.config.timeouts.requestHeadMs);
}

void ProxySession::onClientData()
{
    const QByteArray data = m_client->readAll();
    if (m_stage != Stage::Receiving || data.isEmpty())
        return; // one request per connection: later bytes are never parsed
    if (!m_deadline.isActive())
        m_deadline.start(m_shared.config.timeouts.requestMs);
    const bool hadHead = m_parser.hasHead();
    const HttpRequestParser::State state = m_parser.feed(data);
    if (state == HttpRequestParser::State::Failed)
        return refuse(m_parser.error());
    if (!m_parser.hasHead())
        return;
    if (!hadHead && !onHead())
        return;
    // A declared body counts whole from the head on (before a byte of it is
    // asked for), a chunked one as it grows.
    if (!m_lease.reserve(m_parser.bodyCapacity()))
        return refuse(Reason::BuffersFull);
    const bool complete = state == HttpRequestParser::State::Complete;
    if (!hadHead && !complete && m_parser.head().expectContinue)
        m_writer->write({"HTTP/1.1 100 Continue\r\n\r\n"});
    if (complete)
        onRequestComplete();
    else
        m_timer.start(m_shared.config.timeouts.requestIdleMs);
}

bool ProxySession::carriesDecoy(bool withBody)
{
    const QByteArray id = m_shared.decoyKeyId ? m_shared.decoyKeyId(m_socket) : QByteArray();
    if (id.isEmpty())
        return false;
    const RequestHead &head = m_parser.head();
    bool found = head.path.contains(id) || head.query.contains(id) || sigv4::percentDecode(head.query).contains(id)
                 || (withBody && m_parser.body().contains(id));
    for (const auto &[name, value] : head.headers)
        found = found || value.contains(id);
    if (found) {
        qCWarning(lcProxy) << "decoy credential in a request on" << m_socket;
        Q_EMIT decoyUsed();
        refuse(Reason::CredentialRefused);
    }
    return found;
}

// Before anything else: a decoy is a tripwire wherever the request would have gone.
bool ProxySession::onHead()
{
    if (carriesDecoy(false))
        return false;
    const RequestHead &head = m_parser.head();
    m_match = m_shared.config.allowlist.match(head.authority.host);
    if (!m_match.rule) {
        qCInfo(lcProxy) << "denied host" << head.authority.host;
        refuse(Reason::HostNotAllowed);
        return false;
    }
    const PolicyVerdict verdict = checkOperation(*m_match.rule->operations, m_match.rule->pattern, head.method,
                                                 head.path, m_shared.config.models);
    if (verdict.reason != Reason::None) {
        refuse(verdict.reason, verdict.rule);
        return false;
    }
    if (const QByteArray rule = overBudget(); !rule.isEmpty()) {
        refuse(Reason::BudgetExhausted, rule);
        return false;
    }
    m_clean = sanitizeRequest(head, m_match.rule->auth.headerName);
    if (m_clean.strippedCredential)
        Q_EMIT securityEvent(QStringLiteral("proxy_client_credential"));
    return true;
}

// The budget setting the request is past, if any. Only requests the policy
// lets through are counted.
QByteArray ProxySession::overBudget()
{
    if (m_shared.tokens->exhausted(m_socket))
        return "proxy.budget.tokens";
    if (!m_shared.rate->admit(m_socket, m_shared.rate->now()))
        return "proxy.budget.requestsPerMinute";
    return {};
}

void ProxySession::onRequestComplete()
{
    if (carriesDecoy(true))
        return;
    m_timer.stop();
    m_deadline.stop();
    m_stage = Stage::Authenticating;
    if (m_match.rule->auth.kind == AuthRule::Kind::Header || signingCredentials())
        return forward();
    awaitCredentials();
}

// The conversation's own STS session when there are such, else the configured credentials.
std::shared_ptr<const AwsCredentials> ProxySession::signingCredentials() const
{
    return m_shared.sessions ? m_shared.sessions->current(m_socket) : m_shared.credentials->current();
}

void ProxySession::awaitCredentials()
{
    const auto onReady = [this] {
        if (m_stage == Stage::Authenticating)
            forward();
    };
    const auto onFailed = [this] {
        if (m_stage == Stage::Authenticating)
            refuse(Reason::CredentialsUnavailable);
    };
    if (RoleSessions *sessions = m_shared.sessions) {
        const auto mine = [this](const QString &socket) { return socket == m_socket; };
        connect(sessions, &RoleSessions::ready, this, [=](const QString &socket) {
            if (mine(socket))
                onReady();
        });
        connect(sessions, &RoleSessions::failed, this, [=](const QString &socket) {
            if (mine(socket))
                onFailed();
        });
        return sessions->fetch(m_socket);
    }
    connect(m_shared.credentials, &CredentialSource::ready, this, onReady);
    connect(m_shared.credentials, &CredentialSource::failed, this, onFailed);
    m_shared.credentials->fetch();
}

void ProxySession::forward()
{
    const std::shared_ptr<const AwsCredentials> aws = signingCredentials();
    if (m_match.rule->auth.kind == AuthRule::Kind::SigV4 && !aws)
        return refuse(Reason::CredentialsUnavailable); // expired since it was checked
    m_stage = Stage::Forwarding;
    const RequestHead &head = m_parser.head();
    QByteArray body = m_parser.takeBody(); // now held by the exchange until it went out
    const UpstreamAuth auth{&m_match, aws.get(), QDateTime::currentDateTimeUtc()};
    QByteArray upstreamHead = buildUpstreamHead(head, m_clean, body, auth);
    m_upstream = new UpstreamExchange(m_shared.tls, m_shared.config.timeouts, this);
    connect(m_upstream, &UpstreamExchange::requestSent, this, [this] { m_lease.releaseBytes(); });
    connect(m_upstream, &UpstreamExchange::responseHead, this, &ProxySession::onResponseHead);
    connect(m_upstream, &UpstreamExchange::responseData, this, &ProxySession::onResponseData);
    connect(m_upstream, &UpstreamExchange::finished, this, &ProxySession::onResponseFinished);
    connect(m_upstream, &UpstreamExchange::failed, this, &ProxySession::onUpstreamFailed);
    m_clock.start();
    m_upstream->start(UpstreamTarget::resolve(QString::fromLatin1(head.authority.host), m_shared.config.connectTo),
                      std::move(upstreamHead), std::move(body), head.method == "HEAD");
}

void ProxySession::onResponseHead(int status, const QByteArray &reasonPhrase, const HeaderList &headers,
                                  qint64 contentLength)
{
    m_stage = Stage::Streaming;
    m_chunked = contentLength < 0;
    m_tokens = tokenHeaders(headers);
    if (isEventStream(headers))
        m_events = std::make_unique<EventStreamTokens>();
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase + "\r\n";
    for (const auto &[name, value] : sanitizeResponseHeaders(headers))
        out += name + ": " + value + "\r\n";
    out += m_chunked ? QByteArray("transfer-encoding: chunked\r\n")
                     : "content-length: " + QByteArray::number(contentLength) + "\r\n";
    out += "connection: close\r\n\r\n";
    m_writer->write({out});
}

void ProxySession::onResponseData(QByteArrayView data)
{
    if (m_events)
        m_events->feed(data);
    if (m_chunked)
        m_writer->write({QByteArray::number(data.size(), 16).append("\r\n"), data, "\r\n"});
    else
        m_writer->write({data}); // straight from the upstream read buffer
    if (m_writer->pending() > 0) // the client is behind: wait for it, bounding memory
        m_upstream->setPaused(true);
}

void ProxySession::onClientDrained()
{
    if (m_upstream)
        m_upstream->setPaused(false);
}

void ProxySession::onResponseFinished()
{
    if (m_chunked)
        m_writer->write({"0\r\n\r\n"});
    conclude(Reason::None);
    closeClient();
}

void ProxySession::onUpstreamFailed(Reason reason)
{
    if (m_stage != Stage::Streaming)
        return refuse(reason);
    conclude(reason); // mid-body: the client must see a truncated stream, not a new status
    m_client->abort();
}

// An event stream's usage comes last, so a client could hang up once it has
// the text and escape the token count: such a stream is read to its end
// without it (holding its connection slot, bounded by the upstream's idle
// limit). Anything else ends now, counting what its headers said.
void ProxySession::onClientGone()
{
    if (m_stage == Stage::Streaming && m_events && m_upstream) {
        m_clientGone = true;
        m_upstream->setPaused(false);
        return;
    }
    countTokens();
    deleteLater();
}

void ProxySession::refuse(Reason reason, const QByteArray &rule)
{
    if (m_stage == Stage::Done)
        return;
    // Only a connection that holds a slot lingers: the slots bound how many do.
    const bool linger = m_stage == Stage::Receiving;
    m_writer->write({refusalResponse(reason, rule)});
    conclude(reason, rule);
    closeClient(linger);
}

// The connection closes once everything queued for the client went out. A
// client refused while still sending would get EPIPE on its next write, and
// many clients stop there without reading the answer; lingering, the proxy
// only stops writing (the client reads the refusal, then the end) and drops
// what still comes for a short while before it closes.
void ProxySession::closeClient(bool linger)
{
    const auto close = [this, linger] {
        if (!linger)
            return m_client->disconnectFromServer();
        ::shutdown(int(m_client->socketDescriptor()), SHUT_WR);
        QTimer::singleShot(kLingerMs, m_client, &QLocalSocket::abort);
    };
    if (m_writer->pending() == 0)
        return close();
    connect(m_writer, &ClientWriter::drained, this, close);
}

void ProxySession::conclude(Reason reason, const QByteArray &rule)
{
    m_stage = Stage::Done;
    m_timer.stop();
    m_deadline.stop();
    if (m_upstream)
        m_upstream->deleteLater(); // with the request bytes it may still hold
    m_upstream = nullptr;
    m_parser.takeBody();
    m_lease.releaseBytes();
    countTokens();
    if (const char *event = securityEventFor(reason))
        Q_EMIT securityEvent(QString::fromLatin1(event));
    const qint64 upstreamMs = m_clock.isValid() ? m_clock.elapsed() : -1;
    qCInfo(lcProxy).noquote() << decisionFor(reason) << reasonCode(reason) << m_parser.head().method
                              << m_parser.head().authority.host << upstreamMs << "ms" << rule;
    Q_EMIT concluded(reason, upstreamMs, rule);
    if (m_clientGone)
        deleteLater();
}

// Whatever part of an answer passed: a stream's usage comes last, so one cut
// short counts what its headers said, if anything.
void ProxySession::countTokens()
{
    const TokenCounts used = m_events && m_events->counts().seen ? m_events->counts() : m_tokens;
    m_events.reset();
    m_tokens = {};
    if (!used.seen)
        return;
    m_shared.tokens->add(m_socket, used.input, used.output);
    Q_EMIT tokensUsed(used.input, used.output);
}

} // namespace hako::proxy
