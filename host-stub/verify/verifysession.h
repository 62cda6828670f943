// The throwaway deployment `hako-host verify` probes: the user's settings with
// private directories (so that nothing of the user's is touched, and nothing of
// verify's is left), three conversations, synchronous tool calls, and the
// docker CLI for looking from outside.
#pragma once

#include <hako/toolexecutor.h>

#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace hako::host {
class SignalWatcher;
}

namespace hako::host::verify {

// The conversations: the one most probes run in, a neighbour holding a secret,
// and a scratch one for the destructive probes.
enum class Tenant { Main, Neighbour, Scratch };

// The policy as the user configured it, with the schema's defaults filled in.
struct Expected
{
    QString runtime;
    bool gvisor = false;
    int pids = 0;
    qint64 memoryBytes = 0;
    qint64 tmpBytes = 0;
    double cpus = 0;
};

struct ToolReply
{
    QJsonObject result; // when error is null
    Error error;
    qint64 ms = 0;
    int exitCode() const { return result.value(QLatin1String("exit_code")).toInt(-1); }
    bool timedOut() const { return result.value(QLatin1String("timed_out")).toBool(); }
    QString stdoutText() const { return result.value(QLatin1String("stdout")).toString(); }
    QString summary() const; // one line, for evidence
};

struct CommandRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class Session
{
public:
    Session(ToolExecutor *executor, const QJsonObject &settings);
    ~Session();

    // Private directories, the canary, configure(); what stood in the way, if anything.
    QList<Error> open();
    // Applies the session's settings with `overrides` on top.
    QList<Error> reconfigure(const QJsonObject &overrides);

    const Expected &expected() const { return m_expected; }
    QString conversation(Tenant tenant) const;
    // The canary planted in this process's environment, and the neighbour's
    // secret: both in two halves, so that no command line ever holds them whole.
    QString canary() const { return m_canary; }
    QString secret() const { return m_secret; }
    QString secretFileName() const { return QStringLiteral("hako-verify-neighbour.txt"); }
    ToolExecutor *executor() const { return m_executor; }
    // The run's own host instance; empty until open() configured the private directories.
    QString instance() const { return m_instance; }
    QString privateRoot() const { return m_root.path(); }

    // Runs the event loop until `done()` holds, checking every 250 ms; false on timeout.
    bool waitFor(const std::function<bool()> &done, int timeoutMs);
    // Port of the admin endpoint (/metrics, /healthz) this run asked for.
    quint16 adminPort() const { return m_adminPort; }

    // A tool call, waited for; SIGINT cancels it and stops the run.
    ToolReply call(Tenant tenant, const QString &tool, const QJsonObject &input);
    ToolReply bash(Tenant tenant, const QString &command, int timeoutSeconds = 120);
    bool interrupted() const { return m_interrupted; }

    CommandRun docker(const QStringList &args, int timeoutMs = 60000) const;
    // `docker inspect` of the tenant's current container; empty when it has none.
    QJsonObject inspect(Tenant tenant);
    // Containers of this verify run (its own instance), running or not.
    QStringList containers() const;
    // The host side of the tenant's /workspace.
    QString workspaceOnHost(Tenant tenant);

    // Removes every container of this run; true when none is left.
    bool removeContainers();

    // The effective value of a setting: the user's, else the schema's default.
    QJsonValue setting(const QString &key) const;

private:
    Expected readExpected() const;

    ToolExecutor *m_executor;
    QJsonObject m_settings;
    QTemporaryDir m_root;
    QJsonObject m_defaults;
    Expected m_expected;
    QString m_runId;
    QString m_instance;
    QString m_canary;
    QString m_secret;
    std::unique_ptr<SignalWatcher> m_watcher; // SIGINT/SIGTERM stop the run, which then cleans up
    ToolCall *m_current = nullptr;
    quint16 m_adminPort = 0;
    bool m_interrupted = false;
};

} // namespace hako::host::verify
