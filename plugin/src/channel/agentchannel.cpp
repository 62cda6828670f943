#include "agentchannel.h"

#include "../policy/errors.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAgent, "hako.agent", QtInfoMsg)

namespace hako {
namespace {

constexpr int kRetryMs = 15;

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

Frame lostFrame(quint32 id, const Error &error)
{
    return {proto::Type::Error, id,
            json({{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.logMessage}})};
}

} // namespace

AgentChannel::AgentChannel(QObject *parent) : QObject(parent), m_socket(new QLocalSocket(this))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AgentChannel::tryConnect);
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_helloSent = true;
        send(proto::Type::Hello, 0, json({{QStringLiteral("version"), int(proto::kVersion)}}));
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &AgentChannel::onReadyRead);
    connect(m_socket, &QLocalSocket::bytesWritten, this, &AgentChannel::bytesWritten);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (m_ready || m_helloSent)
            return;
        // The agent is not listening yet: try again until the deadline.
        if (QDateTime::currentMSecsSinceEpoch() < m_deadline)
            m_retry.start(kRetryMs);
        else
            fail(makeError(ErrorCode::AgentUnreachable, {QString::number(m_timeoutMs / 1000)}, m_socket->errorString()));
    });
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        const Error error = makeError(ErrorCode::AgentLost);
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

void AgentChannel::open(const QString &socketPath, int timeoutMs)
{
    m_path = socketPath;
    m_timeoutMs = timeoutMs;
    m_deadline = QDateTime::currentMSecsSinceEpoch() + timeoutMs;
    tryConnect();
}

void AgentChannel::tryConnect()
{
    m_helloSent = false;
    m_socket->abort();
    m_socket->connectToServer(m_path);
}

quint32 AgentChannel::startCall(const QJsonObject &call, FrameHandler handler)
{
    const quint32 id = m_nextId++;
    m_handlers.insert(id, std::move(handler));
    send(proto::Type::Call, id, json(call));
    return id;
}

void AgentChannel::send(proto::Type type, quint32 id, const QByteArray &payload)
{
    // Written apart from its header, a large payload is queued by reference
    // (QIODevice keeps big QByteArrays whole) rather than copied into a frame.
    m_socket->write(frameHeader(type, id, payload.size()));
    if (!payload.isEmpty())
        m_socket->write(payload);
}

void AgentChannel::onReadyRead()
{
    m_reader.append(m_socket->readAll());
    // A frame's handler may end the conversation, and with it this channel.
    const QPointer<AgentChannel> self(this);
    Frame frame;
    for (;;) {
        switch (m_reader.next(&frame)) {
        case FrameReader::Status::NeedMore:
            return;
        case FrameReader::Status::Bad:
            qCWarning(lcAgent) << "undecodable frame from" << m_path;
            m_socket->abort();
            return;
        case FrameReader::Status::Frame:
            handleFrame(frame);
            if (!self)
                return;
            break;
        }
    }
}

void AgentChannel::handleFrame(const Frame &frame)
{
    if (frame.id == 0) {
        if (frame.type == proto::Type::Hello && !m_ready) {
            const int version = QJsonDocument::fromJson(frame.payload).object().value(QLatin1String("version")).toInt();
            if (version != int(proto::kVersion))
                return fail(makeError(ErrorCode::AgentProtocol, {}, QStringLiteral("version %1").arg(version)));
            m_ready = true;
            Q_EMIT ready();
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
    const QJsonObject event = QJsonDocument::fromJson(payload).object();
    const QString syscall = event.value(QLatin1String("syscall")).toString();
    // The name becomes a metric label: only what a system call name can look like.
    static const QRegularExpression name(QStringLiteral("^[a-z0-9_]{1,40}$"));
    if (event.value(QLatin1String("event")).toString() != QLatin1String("seccomp_violation")
        || !name.match(syscall).hasMatch()) {
        qCWarning(lcAgent) << "ignoring an agent event:" << payload.left(200);
        return;
    }
    qCWarning(lcAgent) << "seccomp denied" << syscall << "in a sandbox";
    Q_EMIT seccompViolation(syscall);
}

void AgentChannel::fail(const Error &error)
{
    m_retry.stop();
    m_helloSent = false;
    m_ready = false;
    m_socket->abort();
    const QPointer<AgentChannel> self(this);
    failAllCalls(error);
    if (self)
        Q_EMIT failed(error);
}

void AgentChannel::failAllCalls(const Error &error)
{
    const auto handlers = std::exchange(m_handlers, {});
    for (auto it = handlers.begin(); it != handlers.end(); ++it)
        it.value()(lostFrame(it.key(), error));
}

} // namespace hako
