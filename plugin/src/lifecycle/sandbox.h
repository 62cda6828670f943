// One conversation's sandbox: finds its container by name, takes one from the
// warm pool, or starts one, and hands out a ready agent channel. While it
// looks for or starts a container it holds the conversation's lock
// (SandboxPaths::lockPath), so that no two processes of this host ever start
// two containers for one conversation.
#pragma once

#include "../engine/containerengine.h"
#include "filelock.h"
#include "sandboxpaths.h"

#include <hako/error.h>

#include <QObject>
#include <QPointer>

#include <functional>

namespace hako {

class AgentChannel;
class EngineFacts;
class Launcher;
class RemovalBatcher;
class WarmPool;
class WorkspaceStore;
struct InstanceConfig;
namespace proxy {
class CredentialProxy;
}

class Sandbox final : public QObject
{
    Q_OBJECT
public:
    using ReadyCallback = std::function<void(const Error &, AgentChannel *)>;

    // `pool`, when there is one, may give a new conversation a container;
    // `removals` takes the container away when the conversation ends.
    Sandbox(const QString &key, const InstanceConfig &config, ContainerEngine &engine, EngineFacts &facts,
            Launcher &launcher, WorkspaceStore &workspaces, proxy::CredentialProxy &proxy, WarmPool *pool,
            RemovalBatcher &removals, QObject *parent = nullptr);
    ~Sandbox() override;

    QString key() const { return m_key; }
    const SandboxPaths &paths() const { return m_paths; }
    // The name of the container in use (empty before the first).
    QString container() const { return m_container; }
    // The decoy key ID planted in the container in use; empty when none is connected.
    QByteArray decoyKeyId() const;

    // Calls back once the agent answers (starting the container if needed),
    // or with the reason it cannot.
    void whenReady(QObject *receiver, ReadyCallback callback);
    // Removes the container; the workspace survives unless asked otherwise.
    // `done` runs exactly once, with an error if the sandbox is deleted first
    // or if there was neither a container nor a workspace to end.
    void destroy(bool deleteWorkspace, std::function<void(const Error &)> done);
    // Ends the calls in flight in the container in use with `error` (its container is frozen).
    void failCalls(const Error &error);

Q_SIGNALS:
    // For metrics and the audit log.
    void containerCreated();
    void containersRemoved(const QString &reason, int count); // reason: ended or error
    void seccompViolation(const QString &syscall);            // as the agent reported it
    void securityEvent(const QString &type);                  // e.g. agent_impersonation
    void canaryRead();                                        // the agent saw a decoy file opened

private:
    enum class State { Idle, Starting, Ready };
    // Another process holds the conversation while it starts a container: at
    // most `docker run` (60 s) and the agent's start (30 s).
    static constexpr int kLockBoundMs = 100000;
    struct Waiter
    {
        QPointer<QObject> receiver;
        ReadyCallback callback;
    };

    QString containerName() const;
    void begin();
    void locate();
    // Looks for the conversation's container, or `claimed`, through the engine.
    void lookUp(const QString &claimed);
    void createContainer();
    void adoptOrCreate(const QList<ContainerInfo> &found);
    // Removes `names` (the workspace stays), then runs `then` or settles with the engine's error.
    void replace(const QStringList &names, std::function<void()> then);
    void create();
    // A warm pool container's channel, already connected.
    void useChannel(AgentChannel *channel, const QString &container);
    void retireChannel();
    // `adopted`: the name of an existing container, replaced if its agent is silent.
    void adopt(const QString &adopted, const QByteArray &key);
    // The container its record names (containerrecord.h), its agent proving the nonce's key.
    void adoptRecorded(const QByteArray &nonce);
    void forwardEvents();
    // `channel` to `container`'s agent; `failed` runs when it does not answer or prove its key.
    void wire(AgentChannel *channel, const QString &container, const std::function<void(const Error &)> &failed);
    void onAgentFailed(const Error &error, const QString &adopted);
    void onAgentLost(const Error &error);
    void reportCompromised(const Error &error); // logged and counted as a security event
    void settle(const Error &error);
    // destroy() once no start is in progress; `inUse`: a container ran for this conversation.
    void removeAll(bool deleteWorkspace, bool inUse);
    void callWaiters(const Error &error);
    void takeName();
    void serveProxy();

    QString m_key;
    const InstanceConfig &m_config;
    SandboxPaths m_paths;
    ContainerEngine &m_engine;
    EngineFacts &m_facts;
    Launcher &m_launcher;
    WorkspaceStore &m_workspaces;
    proxy::CredentialProxy &m_proxy;
    WarmPool *m_pool;
    RemovalBatcher &m_removals;
    State m_state = State::Idle;
    AgentChannel *m_channel = nullptr;
    QList<Waiter> m_waiters;
    QString m_container; // name of the container in use; a pool name until renamed
    Error m_refusal;     // the recorded container's agent failed its proof (adoptRecorded)
    QByteArray m_refusedNonce;
    QByteArray m_nonce; // its agent key's nonce until recorded (containerrecord.h) once it answers
    FileLock m_lock;
    bool m_createdOnce = false;
    std::function<void(const Error &)> m_destroyDone; // while destroy() runs
};

} // namespace hako
