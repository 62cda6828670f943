// A dockerd of the test's own, for tests that stop, kill or restart the
// engine: never the machine's shared daemon. Everything it has lives in one
// temporary directory (socket, data root, exec root, pid file, log); it has no
// bridge and touches no iptables. It dies with the test process.
//
//   PrivateDockerd engine;
//   QVERIFY2(engine.start(), engine.log());
//   settings: docker.host=engine.host()
//   engine.stop(); ... engine.start();   // same data root: containers survive as stopped
//   engine.loadImage("hako/workspace-base:latest");   // from the shared daemon, if a test needs it
//   engine.importMinimalImage("hako-test/minimal:latest"); // or bash and coreutils only, quickly
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

class QProcess;

class PrivateDockerd
{
public:
    // `config`: the daemon.json it reads (e.g. {"runtimes": {...}}); the host's is never read.
    // `dataRoot`: a data root that outlives the test (a cache of loaded images);
    // empty: one in the temporary directory.
    explicit PrivateDockerd(const QJsonObject &config = {}, const QString &dataRoot = {});
    ~PrivateDockerd();
    PrivateDockerd(const PrivateDockerd &) = delete;
    PrivateDockerd &operator=(const PrivateDockerd &) = delete;

    // Starts dockerd and waits until `docker info` answers; false on timeout.
    bool start(int timeoutMs = 120000);
    // SIGTERM, and waits for the daemon (and its containerd) to exit.
    bool stop(int timeoutMs = 30000);
    // SIGKILL: a crash, as far as the containers are concerned.
    void kill();
    bool isRunning() const;

    // For docker.host / DOCKER_HOST.
    QString host() const;
    // The docker CLI against this daemon; exit code, output in `out`.
    int docker(const QStringList &args, QByteArray *out = nullptr, int timeoutMs = 60000) const;
    // Copies an image from the shared daemon (docker save | docker load).
    bool loadImage(const QString &image) const;
    // loadImage unless this daemon already holds the shared daemon's image of that name (same ID).
    bool ensureImage(const QString &image) const;
    // The temporary directory (socket, exec root, log).
    QString directory() const { return m_dir.path(); }
    // Makes a small image `name` from this machine's bash, coreutils and their
    // libraries: enough for hako-agent's tools, in seconds instead of a 450 MB copy.
    bool importMinimalImage(const QString &name);
    // The daemon's log so far, for failure messages.
    QByteArray log() const;

private:
    QTemporaryDir m_dir;
    QString m_dataRoot;
    QProcess *m_process = nullptr;
    bool m_killed = false; // its containers may live on in their shims
};
