// hako-agent run the way a container runs it, without a container: PID 1 of a
// pid namespace of its own, in a mount namespace of its own with a /proc of
// that pid namespace, as the container's user. The host's peer check (the
// agent is its namespace's init) holds unchanged, and the agent's scans of
// /proc see only its own processes, never the host's. Needs root.
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include <sys/types.h>

class QSocketNotifier;

namespace hako::fake {

class AgentProcess final : public QObject
{
    Q_OBJECT
public:
    struct Launch
    {
        QString program;
        QStringList arguments;
        QStringList environment; // KEY=VALUE, the whole environment
        // Host directories bound (recursively) onto existing directories in
        // the agent's mount namespace, as a container's bind mounts are.
        QList<QPair<QString, QString>> binds;
        uint uid = 0;
        uint gid = 0;
        QString logFile; // standard output and error
    };

    // The process, or null with the reason in `error`.
    static AgentProcess *start(const Launch &launch, QString *error, QObject *parent = nullptr);
    // Kills what is still running: the namespace's init takes every process of the namespace with it.
    ~AgentProcess() override;

    // Its pid as the host sees it.
    pid_t pid() const { return m_pid; }
    // Asks the kernel, not the event loop: false as soon as the process has exited.
    bool isRunning();
    // SIGKILL, and waits until the whole namespace is gone.
    void kill();

Q_SIGNALS:
    void exited();

private:
    AgentProcess(pid_t pid, int pidfd, QObject *parent);
    // Collects the exit status once the process has ended; true when it has.
    bool reap(int waitMs);

    pid_t m_pid;
    int m_pidfd;
    bool m_running = true;
    QSocketNotifier *m_notifier;
};

} // namespace hako::fake
