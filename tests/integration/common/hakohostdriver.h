// Runs build/bin/hako-host the way a user would, with settings that keep the
// test's containers, sockets and workspaces apart from anything else.
#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

class QProcess;

struct HostRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
    QJsonObject json() const;
};

class HakoHostDriver
{
public:
    HakoHostDriver();
    ~HakoHostDriver();

    bool isValid() const { return m_root.isValid(); }
    QString workspacesDir() const { return m_root.path() + QStringLiteral("/workspaces"); }
    QString runtimeDir() const { return m_root.path() + QStringLiteral("/run"); }
    QString instanceId() const;

    // Extra `--set key=value` for every later run.
    void set(const QString &assignment) { m_extra << QStringLiteral("--set") << assignment; }
    void setEnvironment(const QString &name, const QString &value) { m_env.insert(name, value); }

    HostRun run(const QStringList &args, int timeoutMs = 120000) const;
    HostRun exec(const QString &conversation, const QString &command, const QStringList &flags = {}) const;
    HostRun tool(const QString &conversation, const QString &name, const QByteArray &inputJson) const;
    // `hako-host ARGS` in the background (e.g. `serve`), with the same settings; the caller owns it.
    QProcess *spawn(const QStringList &args) const;

    // The engine's CLI itself (docker, or $HAKO_TEST_ENGINE), for checks from outside the sandbox.
    static HostRun docker(const QStringList &args, int timeoutMs = 60000);
    // $HAKO_TEST_ENGINE (e.g. podman), else docker: the docker.binary every run uses.
    static QString engineBinary();
    // $HAKO_TEST_HOST (a copy of the build another user can read), else the build's hako-host.
    static QString hostBinary();
    // $HAKO_TEST_RUNTIME (e.g. runsc): the runtime every run sets; empty: the default (runc).
    static QString testRuntime();
    static bool isGvisor() { return testRuntime() == QLatin1String("runsc"); }
    static bool isPodman() { return engineBinary().endsWith(QLatin1String("podman")); }
    QString containerOf(const QString &conversation) const;

private:
    QTemporaryDir m_root;
    QStringList m_extra;
    QProcessEnvironment m_env;
};
