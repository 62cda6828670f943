// Containers started ahead of need, each with a fresh workspace, so that a new
// conversation's first call does not wait for `docker run`. The pool lives in
// the process that called start() (`hako-host serve`, an embedding app) and
// refills in the background, one container at a time. Its size is pool.size,
// or follows the arrivals of new conversations between pool.min and pool.max
// (poolsizing.h): it grows after arrivals and gives back ready containers as
// they age out of the window.
//
// A slot is a container named hako-<instance>-pool-<slot>, labelled with the
// slot and no conversation, with its workspace at <workspaces>/.pool/<slot>
// and its socket directory at <paths.runtime>/pool/sockets/<slot>. The pool
// holds an flock on <paths.runtime>/pool/<slot>.lock for as long as it keeps
// the slot, so a slot whose lock is free has been abandoned (its process died)
// and GC takes it away. Handing a slot over moves the workspace and the socket
// directory to the conversation's paths (the running container keeps them:
// its bind mounts follow), records the claim (poolclaims.h), and the Sandbox
// then renames the container to the conversation's name.
#pragma once

#include "poolsizing.h"
#include "sandboxpaths.h"

#include <hako/error.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace hako {

class AgentChannel;
class ContainerEngine;
class EngineFacts;
class Launcher;
class WorkspaceStore;
struct InstanceConfig;

class WarmPool final : public QObject
{
    Q_OBJECT
public:
    WarmPool(const InstanceConfig &config, ContainerEngine &engine, EngineFacts &facts, WorkspaceStore &workspaces,
             Launcher &launcher, QObject *parent = nullptr);
    ~WarmPool() override;

    // Removes what dead pools left behind, then fills up to its size.
    void start();
    // No more refills; the slots' containers are left for the caller to remove.
    void stop();
    // After the containers are gone: deletes every slot's files.
    void discardSlots();

    struct Handed
    {
        QString container;
        AgentChannel *channel = nullptr; // connected to its agent; the caller's now
    };
    // A ready container for the new conversation `key`, its workspace and
    // socket directory now at `paths`; nothing when none is ready or the
    // conversation already has a workspace.
    Handed handOver(const QString &key, const SandboxPaths &paths);

    int readyCount() const;
    // The size the pool keeps now.
    int target() const;
    QJsonObject health() const;

    static QString containerName(const QString &instanceId, const QString &slot);
    // The files of an abandoned slot (nobody holds its lock), once its container is gone.
    static void discardLeftovers(WorkspaceStore &workspaces, const SandboxPaths &slot);

private:
    struct Slot;
    void reconcile();
    void refill();
    // Gives back ready containers beyond the target, refills up to it, and
    // comes back when the next arrival ages out of the window.
    void resize();
    void startSlot();
    void launch(Slot *slot);
    void wire(Slot *slot, AgentChannel *channel);
    void startShell(Slot *slot);
    void slotFailed(Slot *slot, const Error &error);
    void discard(Slot *slot);
    SandboxPaths pathsOf(const QString &slot) const;

    const InstanceConfig &m_config;
    ContainerEngine &m_engine;
    EngineFacts &m_facts;
    WorkspaceStore &m_workspaces;
    Launcher &m_launcher;
    QList<Slot *> m_slots; // children of the pool
    bool m_running = false;
    bool m_filling = false;
    PoolBounds m_bounds;
    ArrivalHistory m_arrivals;
    QElapsedTimer m_clock;
    QTimer m_resize;
};

} // namespace hako
