// A ToolExecutor that records the calls it is given and lets the test finish
// them, so that the MCP layer is tested without a container.
#pragma once

#include <hako/toolexecutor.h>
#include <toolcall_p.h>

#include <QPointer>

class FakeExecutor final : public hako::ToolExecutor
{
public:
    struct Started
    {
        QString conversation;
        QString tool;
        QJsonObject input;
        QPointer<hako::ToolCall> call;
        bool cancelRequested = false;
    };

    QList<Started> started;

    QJsonArray toolDefinitions() const override
    {
        const QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                                 {QStringLiteral("properties"),
                                  QJsonObject{{QStringLiteral("command"),
                                               QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}},
                                 {QStringLiteral("additionalProperties"), false}};
        return {QJsonObject{{QStringLiteral("name"), QStringLiteral("bash")},
                            {QStringLiteral("description"), QStringLiteral("Run a command.")},
                            {QStringLiteral("input_schema"), schema}}};
    }
    QJsonObject settingsSchema() const override { return {}; }
    QList<hako::Error> configure(const QJsonObject &) override { return {}; }

    hako::ToolCall *call(const QString &conversationId, const QString &callId, const QString &tool,
                         const QJsonObject &input) override
    {
        hako::ToolCall *call = hako::ToolCallPrivate::create(conversationId, callId, tool);
        hako::ToolCallPrivate *producer = hako::ToolCallPrivate::get(call);
        const int index = int(started.size());
        started.append({conversationId, tool, input, call});
        producer->setCanceller([this, index, producer](hako::ToolCallPrivate::Cancel) {
            started[index].cancelRequested = true;
            producer->finishWithError({QStringLiteral("cancelled"), QStringLiteral("The call was cancelled."), {}});
        });
        if (tool != QLatin1String("bash"))
            producer->finishWithError(
                    {QStringLiteral("unknown_tool"), QStringLiteral("There is no tool named \"%1\".").arg(tool), {}});
        return call;
    }

    hako::ToolCall *endConversation(const QString &conversationId, bool) override
    {
        hako::ToolCall *call = hako::ToolCallPrivate::create(conversationId, {}, QStringLiteral("end"));
        hako::ToolCallPrivate::get(call)->finishWithResult({});
        return call;
    }
    void start() override {}
    QJsonObject health() const override { return {}; }
    void shutdown() override {}
    hako::ToolCall *collectGarbage() override { return nullptr; }
};
