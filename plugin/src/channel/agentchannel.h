// The plugin's end of one conversation's agent socket: connects (retrying
// while the container starts), proves the peer is that container's agent,
// exchanges Hello, multiplexes calls by id.
//
// The agent's directory is writable by the sandbox, so agent.sock there is
// opened through a directory descriptor without following a symlink, and the
// peer must answer a fresh challenge with the container's key
// (channel/agentproof.h); under runc and Podman it must also be PID 1 of its
// own pid namespace, which no tool process can be. A failure of either is
// reported as failed() with the code agent_impersonation. Under gVisor, where
// the peer cannot be checked, every frame after the Hellos also carries a tag
// keyed by the handshake, so that a process relaying it cannot change what
// passes; a frame whose tag fails drops the channel like an undecodable one.
#pragma once

#include "agentproof.h"
#include "framereader.h"

#include <hako/error.h>

#include <QHash>
#include <QJsonObject>
#include <QLocalSocket>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace hako {

struct AgentEndpoint
{
    QString directory; // host side of the agent's own socket directory
    QByteArray key;    // the container's agent key (hex)
    // Whether the peer must be PID 1 of its pid namespace. Not under gVisor,
    // whose gofer is the host-side peer of every socket bound in the sandbox.
    bool peerIsNamespaceInit = true;
    // Whether every frame after the Hellos carries a tag keyed by the
    // handshake (hako/protocol/wire.h, "Frame tags"): where the peer check cannot
    // tell a relay from the agent, the tags leave a relay nothing to change.
    bool authenticateFrames = false;
};

class AgentChannel final : public QObject
{
    Q_OBJECT
public:
    // Receives every frame of one call; the last is Result or Error.
    using FrameHandler = std::function<void(const Frame &)>;

    explicit AgentChannel(QObject *parent = nullptr);
    ~AgentChannel() override;

    // Tries to connect until `timeoutMs` passes; emits ready() or failed().
    void open(const AgentEndpoint &endpoint, int timeoutMs);
    bool isReady() const { return m_ready; }
    // The key the agent proves (hex): what its decoys are derived from.
    QByteArray agentKey() const { return m_endpoint.key; }

    quint32 startCall(const QJsonObject &call, FrameHandler handler);
    void send(proto::Type type, quint32 id, const QByteArray &payload = {});
    void cancel(quint32 id) { send(proto::Type::Cancel, id); }
    // Ends every call in flight with `error`; what the agent still sends for
    // them, up to their Result or Error, is taken and dropped.
    void abandonCalls(const Error &error);
    // Bytes sent but not yet taken by the socket: what an upload paces itself by.
    qint64 bytesToWrite() const { return m_socket->bytesToWrite(); }

Q_SIGNALS:
    void ready();
    void failed(const hako::Error &error); // never became ready
    void lost(const hako::Error &error);   // was ready, now gone
    void bytesWritten();                   // the socket took some of bytesToWrite()
    // The agent's seccomp layer denied one call by this name (one signal per attempt).
    void seccompViolation(const QString &syscall);
    // The agent saw one of its decoy files opened (a tripwire); the event carries nothing more.
    void canaryRead();

private:
    void tryConnect();
    // The agent is not (yet) there: try again until the deadline.
    void retryOrFail(const QString &detail);
    Error checkPeer(int fd) const;
    void onHello(const QByteArray &payload);
    void onReadyRead();
    bool tagMatches(const Frame &frame);
    void handleFrame(const Frame &frame);
    void handleEvent(const QByteArray &payload);
    void fail(const Error &error);
    void failAllCalls(const Error &error);

    QLocalSocket *m_socket;
    QTimer m_retry;
    QTimer m_helloWait; // the agent's answer to our Hello, within the same deadline
    AgentEndpoint m_endpoint;
    QByteArray m_challenge;
    Error m_dropReason; // why this side dropped the connection, when it was not the agent's doing
    // Present while tags are on, each from the frame after its side's Hello.
    std::optional<FrameTagger> m_sendTags;
    std::optional<FrameTagger> m_receiveTags;
    qint64 m_deadline = 0;
    int m_timeoutMs = 0;
    FrameReader m_reader;
    QHash<quint32, FrameHandler> m_handlers;
    quint32 m_nextId = 1;
    bool m_ready = false;
    bool m_helloSent = false;
};

} // namespace hako
