// The plugin: a thin ToolExecutor that owns its parts (settings, container
// engine, sandboxes) and wires them together. The parts do the work.
#pragma once

#include "lifecycle/activitystore.h"
#include "lifecycle/reaper.h"
#include "lifecycle/sandbox.h"
#include "telemetry/telemetry.h"
#include "lifecycle/warmpool.h"
#include "lifecycle/workspacestore.h"
#include "toolrunner.h"

#include <hako/filetransfer.h>
#include <hako/toolexecutor.h>

#include <QHash>
#include <QSet>
#include <QObject>

#include <functional>

namespace hako {

class TransferStream;

// Makes the container engine for the settings being applied; tests run the plugin on an engine of their own.
using EngineFactory = std::function<ContainerEngine *(const Settings &settings, QObject *parent)>;

class HakoPlugin final : public QObject, public ToolExecutor, public FileTransfer
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID HakoToolExecutor_iid FILE "hako.json")
    Q_INTERFACES(hako::ToolExecutor hako::FileTransfer)

public:
    explicit HakoPlugin(QObject *parent = nullptr);
    explicit HakoPlugin(EngineFactory engineFactory, QObject *parent = nullptr);
    ~HakoPlugin() override;

    QJsonArray toolDefinitions() const override;
    QJsonObject settingsSchema() const override;
    QList<Error> configure(const QJsonObject &settings) override;
    ToolCall *call(const QString &conversationId, const QString &callId, const QString &tool,
                   const QJsonObject &input) override;
    ToolCall *endConversation(const QString &conversationId, bool deleteWorkspace) override;
    void start() override;
    QJsonObject health() const override;
    void shutdown() override;
    ToolCall *collectGarbage() override;

    ToolCall *writeFile(const QString &conversationId, const QString &callId, const QString &path,
                        QIODevice *source) override;
    ToolCall *readFile(const QString &conversationId, const QString &callId, const QString &path,
                       QIODevice *sink) override;

private:
    ToolCall *startCall(const QString &conversationId, const QString &callId, const QString &tool,
                        const QJsonObject &input, TransferStream *stream = nullptr);
    Sandbox *newSandbox(const QString &key);
    Sandbox *sandboxFor(const QString &key);
    void dropSandboxes();
    void startPool();
    ToolCall *failLater(ToolCall *call, const Error &error);

    EngineFactory m_engineFactory;
    SandboxContext m_context;
    CallLimits m_limits;
    QHash<QString, Sandbox *> m_sandboxes;
    QSet<Sandbox *> m_ending; // ending conversations' sandboxes, out of m_sandboxes
    bool m_shuttingDown = false;
    bool m_started = false;
    WarmPool *m_pool = nullptr;
    ActivityStore *m_activity = new ActivityStore(&m_context, this);
    Reaper *m_reaper = new Reaper(&m_context, m_activity, this);
    telemetry::Telemetry *m_telemetry = new telemetry::Telemetry(&m_context, this);
};

} // namespace hako
