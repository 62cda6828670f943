// A ToolExecutor that records the calls it is given and lets the test finish
// them, so that the MCP layer is tested without a container.
#pragma once

#include <hako/toolexecutor.h>

#include <QPointer>
#include <QTimer>

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
        auto *call = new hako::ToolCall(conversationId, callId, tool);
        const int index = int(started.size());
        started.append({conversationId, tool, input, call});
        QObject::connect(call, &hako::ToolCall::cancelRequested, call, [this, index, call] {
            started[index].cancelRequested = true;
            call->finishWithResult({{QStringLiteral("cancelled"), true}, {QStringLiteral("exit_code"), 137}});
        });
        if (tool != QLatin1String("bash")) // as the plugin: the error comes after call() returns
            QTimer::singleShot(0, call, [call, tool] {
                call->finishWithError({QStringLiteral("unknown_tool"),
                                       QStringLiteral("There is no tool named \"%1\".").arg(tool),
                                       {}});
            });
        return call;
    }

    hako::ToolCall *endConversation(const QString &conversationId, bool) override
    {
        auto *call = new hako::ToolCall(conversationId, {}, QStringLiteral("end"));
        call->finishWithResult({});
        return call;
    }
    void start() override {}
    QJsonObject health() const override { return {}; }
    void shutdown() override {}
    hako::ToolCall *collectGarbage() override { return nullptr; }
};
