// What a docker daemon keeps, for the fake engine: containers by id with their
// names, labels and state, each one a hako-agent process (agentprocess.h)
// started with the host-side paths of the container's mounts. It outlives the
// engines in front of it, as dockerd outlives its clients: the plugin makes a
// new engine on every configure() and must find the same containers.
//
// Everything lives under one temporary directory: per container its record
// (container.json: id, name, labels, state), the agent's private state
// directory and its log (agent.log, for a test that fails).
#pragma once

#include "engine/containerengine.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTemporaryDir>

namespace hako::fake {

class AgentProcess;

class FakeDaemon final : public QObject
{
    Q_OBJECT
public:
    explicit FakeDaemon(QObject *parent = nullptr);
    // Kills every agent still running.
    ~FakeDaemon() override;

    bool isValid() const { return m_root.isValid(); }
    QString root() const { return m_root.path(); }

    // The engine's operations, done at once. Errors are plain English.
    Error run(const ContainerSpec &spec);
    QList<ContainerInfo> containers();
    Error rename(const QString &from, const QString &to);
    // The names it removed.
    QStringList remove(const QStringList &names);
    // Stops (SIGSTOP) or continues the container's agent, its state "paused" while stopped.
    Error setPaused(const QString &name, bool paused);
    // As `docker top` prints it: a header and the agent's line (its tools are not listed).
    QByteArray processList(const QString &name);

    // For tests: the agent of the named container dies as if killed on the
    // host (SIGKILL to the container's init); false when none runs.
    bool killAgent(const QString &name);
    // The host pid of the named container's agent; 0 when none runs.
    pid_t agentPid(const QString &name);
    // The host directory that is the named container's home (its decoys); empty when there is none.
    QString homeDir(const QString &name);
    // The next engine operation (run, ps, rm, rename, info) fails once.
    void failNext(const QString &operation) { m_faults.insert(operation); }
    // True, once, when `operation` is to fail.
    bool takeFault(const QString &operation) { return m_faults.remove(operation); }
    int startedCount() const { return m_started; }
    // Each start takes `ms` after the one before it, one at a time, as a busy
    // engine's queue would; 0 answers at once.
    void setStartDelay(int ms) { m_startDelayMs = ms; }
    // How long from now a start asked for now is answered, with the queue that delay makes.
    int nextStartInMs();

private:
    struct Container
    {
        ContainerInfo info;
        AgentProcess *agent = nullptr;
    };
    Container *find(const QString &name);
    QString dirOf(const Container &c) const;
    QString homeOf(const Container &c) const { return dirOf(c) + QStringLiteral("/home"); }
    void refresh(Container &c);
    void save(const Container &c) const;
    Error launch(Container &c, const ContainerSpec &spec);

    QTemporaryDir m_root;
    QHash<QString, Container> m_containers; // by id
    QSet<QString> m_faults;
    int m_started = 0;
    int m_startDelayMs = 0;
    QDeadlineTimer m_queueEnd{qint64(0)}; // when the last start queued so far is answered
};

} // namespace hako::fake
