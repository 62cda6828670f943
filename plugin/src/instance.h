// One configuration of the plugin and everything built from it: the container
// engine, the engine's facts, the credential proxy, the workspace store, the
// launcher, the warm pool, the garbage collector and the conversations'
// sandboxes. configure() builds a new Instance and drops the old one, which
// takes its parts with it: ends still waiting fail, its pool's containers are
// left to the next pool or to GC.
#pragma once

#include "instanceconfig.h"
#include "lifecycle/enginefacts.h"
#include "lifecycle/launcher.h"
#include "lifecycle/removalbatcher.h"
#include "verify/startcheck.h"

#include <hako/error.h>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace hako {

class ActivityStore;
class ContainerEngine;
class Reaper;
class Sandbox;
class Tripwires;
class WarmPool;
class WorkspaceStore;
namespace proxy {
class CredentialProxy;
}

class Instance final : public QObject
{
    Q_OBJECT
public:
    // Takes `engine` over. `activity` is the plugin's, and outlives this.
    Instance(InstanceConfig config, ContainerEngine *engine, const ActivityStore &activity, QObject *parent = nullptr);
    ~Instance() override;

    const InstanceConfig &config() const { return m_config; }
    ContainerEngine &engine() const { return *m_engine; }
    proxy::CredentialProxy &proxy() const { return *m_proxy; }
    WorkspaceStore &workspaces() const { return *m_workspaces; }
    Reaper &reaper() const { return *m_reaper; }
    Tripwires &tripwires() const { return *m_tripwires; }
    StartCheck &check() const { return *m_check; }

    // The sandbox of conversation `key`, made on first use.
    Sandbox *sandboxFor(const QString &key);
    // Removes `key`'s container (and workspace when asked); `done` runs once,
    // with an error when this instance goes first.
    void endConversation(const QString &key, bool deleteWorkspace, std::function<void(const Error &)> done);

    // Fills the warm pool, when there is one, and keeps it full; once the
    // start-up check lets calls run, if it has been started.
    void startPool();
    // Removes every container of this instance (waits a bounded time; the
    // engine's count goes to `removed` when it answers) and the host-side
    // files of its sandboxes.
    void shutdown(const std::function<void(int removed)> &removed);
    QJsonObject health() const;

Q_SIGNALS:
    void sandboxCreated(hako::Sandbox *sandbox, const QString &key);

private:
    // The start-up check's sandbox: a conversation of its own, ended once the command has run.
    void probeInSandbox(const QString &command, QObject *context, StartCheck::ProbeDone done);
    // A conversation's sandbox, announced (sandboxCreated) so that telemetry follows it.
    Sandbox *newSandbox(const QString &key);
    void dropSandboxes();
    void dropReaped(const QStringList &keys);
    // The sandbox serving `proxySocket`, if any.
    Sandbox *sandboxOfSocket(const QString &proxySocket) const;
    // The decoy key ID planted in the container behind `proxySocket`; empty when none is known.
    QByteArray decoyKeyIdOf(const QString &proxySocket) const;

    const InstanceConfig m_config;
    ContainerEngine *m_engine; // a child: goes after every part that uses it
    EngineFacts m_facts;
    Launcher m_launcher;
    RemovalBatcher m_removals; // the ends' docker rm, shared
    std::unique_ptr<Tripwires> m_tripwires;
    std::unique_ptr<proxy::CredentialProxy> m_proxy;
    std::unique_ptr<WorkspaceStore> m_workspaces;
    std::unique_ptr<WarmPool> m_pool; // none when pool.size, pool.min and pool.max are 0
    std::unique_ptr<Reaper> m_reaper;
    std::unique_ptr<StartCheck> m_check;
    QHash<QString, Sandbox *> m_sandboxes;
    QSet<Sandbox *> m_ending; // ending conversations' sandboxes, out of m_sandboxes
    bool m_poolWaits = false; // startPool() waits for the check
};

} // namespace hako
