// One conversation's sandbox: finds its container by name, takes one from the
// warm pool, or starts one, and hands out a ready agent channel. While it
// looks for or starts a container it holds the conversation's lock
// (<paths.runtime>/locks/<key>), so that no two processes of this host ever
// start two containers for one conversation.
#pragma once

#include "../hostpaths.h"

#include "../engine/containerengine.h"
#include "../policy/settings.h"
#include "filelock.h"

#include <hako/error.h>

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace hako {

class AgentChannel;
class WarmPool;
class WorkspaceStore;
namespace proxy {
class CredentialProxy;
}

// What the engine said about itself, asked once before the first container
// of a context is made (`docker info`): under userns-remap the container's
// users are other host users, and the directories it gets are prepared for them.
struct EngineFacts
{
    bool known = false;       // asked and answered
    bool userns = false;      // rootful docker with userns-remap
    int remapRootUid = -1;    // host uid of container root under userns-remap
};

// What every sandbox of one plugin instance shares.
struct SandboxContext
{
    ContainerEngine *engine = nullptr;
    Settings settings;
    QString instanceId;
    QString agentBinary;
    SeccompFiles seccomp;
    QString appArmorProfile; // empty where the kernel has no AppArmor
    uint containerUid = 1000; // the container's user, inside the container
    std::shared_ptr<EngineFacts> engineFacts = std::make_shared<EngineFacts>();
    QByteArray agentSecret; // what every container's agent key is derived from (channel/agentproof.h)
    proxy::CredentialProxy *proxy = nullptr; // serves every sandbox's proxy.sock
    WorkspaceStore *workspaces = nullptr;
    WarmPool *pool = nullptr; // set while this process keeps a warm pool
};

class Sandbox final : public QObject
{
    Q_OBJECT
public:
    using ReadyCallback = std::function<void(const Error &, AgentChannel *)>;

    Sandbox(const QString &key, const SandboxContext *context, QObject *parent = nullptr);
    ~Sandbox() override;

    QString key() const { return m_key; }
    QString workspaceDir() const;
    QString socketDir() const;
    QString proxySocketPath() const;

    // Calls back once the agent answers (starting the container if needed),
    // or with the reason it cannot.
    void whenReady(QObject *receiver, ReadyCallback callback);
    // Removes the container; the workspace survives unless asked otherwise.
    // `done` runs exactly once, with an error if the sandbox is deleted first.
    void destroy(bool deleteWorkspace, std::function<void(const Error &)> done);

Q_SIGNALS:
    // For metrics and the audit log.
    void containerCreated();
    void containersRemoved(const QString &reason, int count); // reason: ended or error
    void seccompViolation(const QString &syscall);            // as the agent reported it
    void securityEvent(const QString &type);                  // e.g. agent_impersonation

private:
    enum class State { Idle, Starting, Ready };
    struct Waiter
    {
        QPointer<QObject> receiver;
        ReadyCallback callback;
    };

    QString containerName() const;
    QString lockPath() const;
    void begin();
    void locate();
    void createContainer();
    void adoptOrCreate(const QList<ContainerInfo> &found);
    // Removes `names` (the workspace stays), then runs `then` or settles with the engine's error.
    void replace(const QStringList &names, std::function<void()> then);
    void create();
    // A warm pool container's channel, already connected.
    void useChannel(AgentChannel *channel, const QString &container);
    void retireChannel();
    // `adopted`: the name of an existing container, replaced if its agent is silent.
    void connectAgent(int timeoutMs, const QString &adopted, const QByteArray &key);
    void onAgentFailed(const Error &error, const QString &adopted);
    void onAgentLost(const Error &error);
    void reportCompromised(const Error &error); // logged and counted as a security event
    void settle(const Error &error);
    void takeName();
    void serveProxy();

    QString m_key;
    const SandboxContext *m_context;
    State m_state = State::Idle;
    AgentChannel *m_channel = nullptr;
    QList<Waiter> m_waiters;
    QString m_container; // name of the container in use; a pool name until renamed
    FileLock m_lock;
    bool m_createdOnce = false;
    std::function<void(const Error &)> m_destroyDone; // while destroy() runs
};

} // namespace hako
