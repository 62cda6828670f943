// The plugin loaded in the test's own process, the way an embedding host
// loads it, for tests that look at one long-running instance from outside:
// its /metrics, /healthz and audit log. Calls block in a local event loop, so
// the plugin's timers and admin server keep running meanwhile.
#pragma once

#include <hako/toolexecutor.h>

#include <QJsonObject>
#include <QPluginLoader>
#include <QTemporaryDir>

struct CallReply
{
    QJsonObject result;
    hako::Error error;
};

class PluginSession
{
public:
    PluginSession();
    ~PluginSession();

    // Loads the plugin and applies `settings` on top of the session's own
    // directories; an error message, empty on success.
    QString open(const QJsonObject &settings);
    hako::ToolExecutor *executor() const { return m_executor; }
    // The plugin's root object, for its optional interfaces (qobject_cast).
    QObject *instance() { return m_loader.instance(); }
    QString root() const { return m_root.path(); }

    CallReply call(const QString &conversation, const QString &tool, const QJsonObject &input, int timeoutMs = 120000);
    CallReply bash(const QString &conversation, const QString &command);
    CallReply end(const QString &conversation, bool deleteWorkspace = true);
    // Waits for a call the test started itself, and takes it.
    static CallReply finish(hako::ToolCall *call, int timeoutMs = 120000);

    // GET http://<admin address><path>; status in `status`.
    static QByteArray get(const QString &address, const QString &path, int *status = nullptr);
    // Waits (running the event loop) until `condition` holds or `timeoutMs` passes.
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs);

private:
    QTemporaryDir m_root;
    QPluginLoader m_loader;
    hako::ToolExecutor *m_executor = nullptr;
};
