#include "agentchannel.h"

#include "../logging.h"

#include "../engine/containerpolicy.h"
#include "../safedir.h"
#include "../policy/errors.h"
#include "agentproof.h"
#include "framecheck.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>

namespace hako {
namespace {

constexpr int kRetryMs = 15;
constexpr int kHelloFloorMs = 1000; // an agent that connected at the deadline still gets this long to answer

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Frame lostFrame(quint32 id, const Error &error)
{
    return {proto::Type::Error, id, {}, {}, error};
}

// Whether `pid` is PID 1 of its innermost pid namespace: the last number of
// its NSpid line (Linux 4.1 and later) is 1.
bool isNamespaceInit(pid_t pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly))
        return false;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine())
        if (line.startsWith("NSpid:")) {
            const QList<QByteArray> ids = line.mid(6).simplified().split(' ');
            return ids.size() > 1 && ids.last() == "1";
        }
    return false;
}

} // namespace

AgentChannel::AgentChannel(QObject *parent) : QObject(parent), m_socket(new QLocalSocket(this))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AgentChannel::tryConnect);
    // A peer that accepts and never answers (a wedged agent, a stopped one, a
    // hostile one) must not hold the conversation's start forever.
    m_helloWait.setSingleShot(true);
    connect(&m_helloWait, &QTimer::timeout, this, [this] {
        fail(makeError(ErrorCode::AgentUnreachable, {QString::number(m_timeoutMs / 1000)},
                       QStringLiteral("no answer to the Hello")));
    });
    // Qt would otherwise take in whatever the kernel holds (up to twice
    // net.core.wmem_max, which the agent may ask for); past this the peer waits.
    m_socket->setReadBufferSize(FrameReader::kCapacity);
    connect(m_socket, &QLocalSocket::readyRead, this, &AgentChannel::onReadyRead);
    connect(m_socket, &QLocalSocket::bytesWritten, this, &AgentChannel::bytesWritten);
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        const Error error = m_dropReason ? std::exchange(m_dropReason, {}) : makeError(ErrorCode::AgentLost);
        if (!m_ready) {
            if (m_helloSent) // accepted, then closed before Hello: not an agent we can use
                fail(error);
            return;
        }
        m_ready = false;
        const QPointer<AgentChannel> self(this);
        failAllCalls(error);
        if (self)
            Q_EMIT lost(error);
    });
}

AgentChannel::~AgentChannel()
{
    m_socket->disconnect(this);
    failAllCalls(makeError(ErrorCode::ShuttingDown));
}

void AgentChannel::open(const AgentEndpoint &endpoint, int timeoutMs)
{
    m_endpoint = endpoint;
    m_timeoutMs = timeoutMs;
    m_deadline = QDateTime::currentMSecsSinceEpoch() + timeoutMs;
    tryConnect();
}

// Connects to agent.sock through descriptors only: the directory is opened
// without following a link, the socket as an O_PATH descriptor that must be a
// socket, and connect() names that descriptor, not the path.
void AgentChannel::tryConnect()
{
    m_helloSent = false;
    // A new connection starts untagged, with none of an earlier one's bytes.
    m_sendTags.reset();
    m_receiveTags.reset();
    m_reader = FrameReader();
    m_socket->abort();
    const safedir::UniqueFd dir = safedir::openDirectory(m_endpoint.directory);
    if (!dir.valid())
        return retryOrFail(QString::fromLocal8Bit(std::strerror(errno)));
    const safedir::UniqueFd target = safedir::openSocketAt(dir.get(), kAgentSocketName);
    if (!target.valid() && (errno == ELOOP || errno == ENOTSOCK))
        return fail(makeError(ErrorCode::AgentImpersonation, {}, QStringLiteral("agent.sock is not a socket")));
    if (!target.valid())
        return retryOrFail(QString::fromLocal8Bit(std::strerror(errno)));
    safedir::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray path = safedir::procPath(target.get());
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()) + 1);
    int connected;
    do
        connected = ::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address);
    while (connected != 0 && errno == EINTR);
    // Refused: a stale socket of an agent not started yet; would block: its backlog is full.
    if (connected != 0)
        return retryOrFail(QString::fromLocal8Bit(std::strerror(errno)));
    if (const Error error = checkPeer(fd.get()))
        return fail(error);
    m_socket->setSocketDescriptor(fd.release(), QLocalSocket::ConnectedState);
    m_helloSent = true;
    m_challenge = newChallenge();
    QJsonObject hello{{QStringLiteral("version"), int(proto::kVersion)},
                      {QStringLiteral("challenge"), QString::fromLatin1(m_challenge)}};
    if (m_endpoint.authenticateFrames)
        hello.insert(QStringLiteral("mac"), true);
    send(proto::Type::Hello, 0, json(hello));
    m_helloWait.start(int(qMax<qint64>(m_deadline - QDateTime::currentMSecsSinceEpoch(), kHelloFloorMs)));
    // Our frames after this Hello are tagged; the agent's after its own (onHello).
    if (m_endpoint.authenticateFrames)
        m_sendTags.emplace(sessionKey(m_endpoint.key, m_challenge), proto::kHostToAgent);
}

void AgentChannel::retryOrFail(const QString &detail)
{
    if (QDateTime::currentMSecsSinceEpoch() < m_deadline)
        return m_retry.start(kRetryMs);
    fail(makeError(ErrorCode::AgentUnreachable, {QString::number(m_timeoutMs / 1000)}, detail));
}

// The peer's process as the kernel saw it at connect(). Under runc and Podman
// the agent is its container's init; a tool process never is, since the
// sandbox's seccomp profile refuses new namespaces.
Error AgentChannel::checkPeer(int fd) const
{
    if (!m_endpoint.peerIsNamespaceInit)
        return {};
    ucred peer{};
    socklen_t length = sizeof peer;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &length) != 0)
        return makeError(ErrorCode::AgentImpersonation, {}, QStringLiteral("no peer credentials"));
    if (!isNamespaceInit(peer.pid))
        return makeError(ErrorCode::AgentImpersonation, {},
                         QStringLiteral("peer pid %1 is not the container's init").arg(peer.pid));
    return {};
}

void AgentChannel::onHello(const QByteArray &payload)
{
    const QJsonObject hello = QJsonDocument::fromJson(payload).object();
    // The proof first: the agent is mounted from this host's own build, so a
    // peer that cannot prove the key is an impostor whatever version it claims.
    if (!proofMatches(m_endpoint.key, m_challenge, hello.value(QLatin1String("proof")).toString().toLatin1()))
        return fail(makeError(ErrorCode::AgentImpersonation, {}, QStringLiteral("no valid proof of the agent key")));
    const int version = hello.value(QLatin1String("version")).toInt();
    if (version != int(proto::kVersion))
        return fail(makeError(ErrorCode::AgentProtocol, {}, QStringLiteral("version %1").arg(version)));
    if (m_endpoint.authenticateFrames) {
        m_receiveTags.emplace(sessionKey(m_endpoint.key, m_challenge), proto::kAgentToHost);
        m_reader.setTagged(true);
    }
    m_helloWait.stop();
    m_ready = true;
    Q_EMIT ready();
}

quint32 AgentChannel::startCall(const QJsonObject &call, FrameHandler handler)
{
    const quint32 id = m_nextId++;
    m_handlers.insert(id, std::move(handler));
    send(proto::Type::Call, id, json(call));
    // Out now, not at the event loop's next turn: a burst of first calls
    // would otherwise reach their agents only after the last one's claim.
    m_socket->flush();
    return id;
}

void AgentChannel::send(proto::Type type, quint32 id, const QByteArray &payload)
{
    // Written apart from its header, a large payload is queued by reference
    // (QIODevice keeps big QByteArrays whole) rather than copied into a frame.
    const QByteArray header = frameHeader(type, id, payload.size());
    m_socket->write(header);
    if (!payload.isEmpty())
        m_socket->write(payload);
    if (m_sendTags)
        m_socket->write(m_sendTags->next(header.constData(), payload));
}

void AgentChannel::onReadyRead()
{
    // A frame's handler may end the conversation, and with it this channel.
    const QPointer<AgentChannel> self(this);
    Frame frame;
    // The reader holds at most one frame: what it has no room for stays in
    // the socket until frames are taken, so no peer can grow it. The loop ends
    // when the socket's buffer is empty: it never reads the kernel by itself.
    while (m_reader.readFrom(m_socket) > 0) {
        for (;;) {
            const FrameReader::Status status = m_reader.next(&frame);
            if (status == FrameReader::Status::NeedMore)
                break;
            const bool forged = status == FrameReader::Status::Frame && !tagMatches(frame);
            const QString violation = status == FrameReader::Status::Bad ? QStringLiteral("an undecodable frame")
                                      : forged ? QStringLiteral("a frame whose tag does not match")
                                      // The agent says Hello once per connection (and refuses a second from us).
                                      : frame.type == proto::Type::Hello && m_ready
                                              ? QStringLiteral("a second Hello")
                                              : frameViolation(frame, m_handlers.contains(frame.id));
            if (!violation.isEmpty()) {
                qCWarning(lcAgent).noquote()
                        << "dropping the agent channel of" << m_endpoint.directory << "for" << violation;
                // Only the holder of the key can tag a frame: a failed tag is someone else on the line.
                if (forged)
                    m_dropReason = makeError(ErrorCode::AgentImpersonation, {}, violation);
                m_socket->abort();
                return;
            }
            handleFrame(frame);
            // Ended by the frame: the conversation (self) or the connection (a failed Hello).
            if (!self || m_socket->state() != QLocalSocket::ConnectedState)
                return;
            // A connection Error is the agent's last frame before it closes: no
            // second one gets read, and logged.
            if (frame.id == 0 && frame.type == proto::Type::Error)
                return m_socket->abort();
        }
    }
}

// A frame that fails is not the agent's, or not in its place: whoever relays
// the connection altered, injected, dropped, replayed or reordered it.
bool AgentChannel::tagMatches(const Frame &frame)
{
    if (!m_receiveTags)
        return true;
    unsigned char header[proto::kHeaderSize];
    proto::writeHeader(header, frame.type, frame.id, std::size_t(frame.payload.size()));
    return m_receiveTags->matches(reinterpret_cast<const char *>(header), frame.payload, frame.tag.data());
}

void AgentChannel::handleFrame(const Frame &frame)
{
    if (frame.id == 0) {
        if (frame.type == proto::Type::Hello && !m_ready && m_helloSent) {
            onHello(frame.payload);
        } else if (frame.type == proto::Type::Event) {
            handleEvent(frame.payload);
        } else if (frame.type == proto::Type::Error) {
            qCWarning(lcAgent) << "agent refused the connection:" << frame.payload.left(500);
        }
        return;
    }
    const auto it = m_handlers.constFind(frame.id);
    if (it == m_handlers.constEnd())
        return; // a late frame for a call already given up on
    const FrameHandler handler = it.value();
    if (frame.type == proto::Type::Result || frame.type == proto::Type::Error)
        m_handlers.remove(frame.id);
    handler(frame);
}

void AgentChannel::handleEvent(const QByteArray &payload)
{
    // The agent reports only after its Hello, so an earlier event is not the agent's.
    if (!m_ready)
        return fail(makeError(ErrorCode::AgentProtocol, {}, QStringLiteral("an event before Hello")));
    const QJsonObject event = QJsonDocument::fromJson(payload).object();
    if (event == QJsonObject{{QStringLiteral("event"), QLatin1String(proto::kCanaryEvent)}})
        return Q_EMIT canaryRead();
    const QString syscall = event.value(QLatin1String("syscall")).toString();
    // The name becomes a metric label: only what a system call name can look like.
    static const QRegularExpression name(QStringLiteral("^[a-z0-9_]{1,40}$"));
    if (event.value(QLatin1String("event")).toString() != QLatin1String("seccomp_violation")
        || !name.match(syscall).hasMatch()) {
        // No conforming agent sends it, and a log line each would let a peer flood the log.
        qCWarning(lcAgent).noquote() << "dropping the agent channel of" << m_endpoint.directory
                                     << "for an event that is neither a seccomp violation nor a canary";
        m_socket->abort();
        return;
    }
    // Counted for each attempt; the log and audit lines are throttled where they are written (telemetry).
    Q_EMIT seccompViolation(syscall);
}

void AgentChannel::fail(const Error &error)
{
    m_retry.stop();
    m_helloWait.stop();
    m_helloSent = false;
    m_ready = false;
    m_socket->abort();
    const QPointer<AgentChannel> self(this);
    failAllCalls(error);
    if (self)
        Q_EMIT failed(error);
}

void AgentChannel::abandonCalls(const Error &error)
{
    for (const quint32 id : m_handlers.keys()) {
        auto it = m_handlers.find(id);
        if (it == m_handlers.end())
            continue; // ended by an earlier one's handler
        const FrameHandler handler = std::exchange(it.value(), [](const Frame &) {});
        handler(lostFrame(id, error));
    }
}

void AgentChannel::failAllCalls(const Error &error)
{
    const auto handlers = std::exchange(m_handlers, {});
    for (auto it = handlers.begin(); it != handlers.end(); ++it)
        it.value()(lostFrame(it.key(), error));
}

} // namespace hako
