// A dockerd of the test's own, for faults that take the engine away: its own
// socket, data root, exec root, pidfile and (empty) daemon.json under a
// temporary directory, no bridge, no iptables, its own containerd. The shared
// engine is never stopped or touched. It dies with the test process.
#pragma once

#include "hakohostdriver.h"

#include <QTemporaryDir>

#include <memory>

class QProcess;

class PrivateDaemon
{
public:
    PrivateDaemon();
    ~PrivateDaemon(); // stops it and removes everything it made

    // Starts the daemon and waits until it answers; false (see log()) if not.
    bool start(int timeoutMs = 90000);
    // SIGTERM, as `systemctl stop docker` does: it stops its containers and exits.
    bool stop(int timeoutMs = 60000);
    bool isRunning() const;

    // For the docker.host setting.
    QString host() const { return QStringLiteral("unix://") + m_dir.path() + QStringLiteral("/docker.sock"); }
    HostRun docker(const QStringList &args, int timeoutMs = 60000) const;
    // A small image with bash and coreutils copied from this machine, enough
    // for hako-agent's tools; named `name`.
    bool importMinimalImage(const QString &name);
    QByteArray log() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_daemon;
};
