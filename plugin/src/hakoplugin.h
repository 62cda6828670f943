// The plugin: a thin ToolExecutor that owns the current configuration's
// Instance and the parts that outlive configurations (activity records,
// telemetry), and wires them together. The parts do the work.
#pragma once

#include <hako/filetransfer.h>
#include <hako/toolexecutor.h>

#include <QObject>

#include <functional>
#include <memory>

namespace hako {

class ActivityStore;
class ContainerEngine;
class Instance;
class TransferStream;
struct Settings;
namespace telemetry {
class Telemetry;
}

// Makes the container engine of each configuration (the docker CLI; a fake in tests).
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
    Error ensureInstance();
    static ToolCall *newCall(const QString &conversationId, const QString &callId, const QString &tool);
    static ToolCall *fail(ToolCall *call, const Error &error);
    void use(std::unique_ptr<Instance> instance);
    // Runs `go` once the current instance's start-up check lets `call` run;
    // fails the call when the check refuses it.
    void whenChecked(ToolCall *call, const std::function<void()> &go);

    EngineFactory m_engineFactory;
    ActivityStore *m_activity;
    telemetry::Telemetry *m_telemetry;
    std::unique_ptr<Instance> m_instance; // none until configured, by the host or on first use
    bool m_shuttingDown = false;
    bool m_started = false;
};

} // namespace hako
