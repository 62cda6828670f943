// One conversation's sandbox: finds its container by label or starts one,
// prepares the host directories, and hands out a ready agent channel.
#pragma once

#include "../hostpaths.h"

#include "../engine/containerengine.h"
#include "../policy/settings.h"

#include <hako/error.h>

#include <QObject>
#include <QPointer>

#include <functional>

namespace hako {

class AgentChannel;
namespace proxy {
class CredentialProxy;
}

// What every sandbox of one plugin instance shares.
struct SandboxContext
{
    ContainerEngine *engine = nullptr;
    Settings settings;
    QString instanceId;
    QString agentBinary;
    SeccompFiles seccomp;
    QString appArmorProfile; // empty where the kernel has no AppArmor
    uint containerUid = 1000; // owner of the workspace and socket directory on the host
    proxy::CredentialProxy *proxy = nullptr; // serves every sandbox's proxy.sock
};

class Sandbox final : public QObject
{
    Q_OBJECT
public:
    using ReadyCallback = std::function<void(const Error &, AgentChannel *)>;

    Sandbox(const QString &key, const SandboxContext *context, QObject *parent = nullptr);

    QString key() const { return m_key; }
    QString workspaceDir() const;
    QString socketDir() const;

    // Calls back once the agent answers (starting the container if needed),
    // or with the reason it cannot.
    void whenReady(QObject *receiver, ReadyCallback callback);
    // Removes the container; the workspace survives unless asked otherwise.
    void destroy(bool deleteWorkspace, std::function<void(const Error &)> done);

Q_SIGNALS:
    // For metrics and the audit log.
    void containerCreated();
    void containersRemoved(const QString &reason, int count); // reason: ended or error
    void seccompViolation(const QString &syscall);            // as the agent reported it

private:
    enum class State { Idle, Starting, Ready };
    struct Waiter
    {
        QPointer<QObject> receiver;
        ReadyCallback callback;
    };

    void begin();
    void adoptOrCreate(const QList<ContainerInfo> &found);
    void create();
    // `adopted`: the name of an existing container, replaced if its agent is silent.
    void connectAgent(int timeoutMs, const QString &adopted);
    void settle(const Error &error);
    void serveProxy();
    Error prepareDirectories();
    ContainerSpec spec() const;

    QString m_key;
    const SandboxContext *m_context;
    State m_state = State::Idle;
    AgentChannel *m_channel = nullptr;
    QList<Waiter> m_waiters;
    bool m_createdOnce = false;
};

} // namespace hako
