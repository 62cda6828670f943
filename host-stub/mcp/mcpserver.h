// A Model Context Protocol server over any line transport: initialize,
// ping, tools/list and tools/call, with progress and cancellation. It speaks
// to the sandbox only through the ToolExecutor interface.
#pragma once

#include <hako/toolexecutor.h>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace hako::host {

class McpToolCall;

class McpServer final : public QObject
{
    Q_OBJECT
public:
    // Newest first; a client asking for another gets the newest.
    static const QStringList kProtocolVersions;

    struct Identity
    {
        QString version;      // serverInfo.version
        QString conversation; // the session's: calls without a conversation argument run there
    };

    McpServer(ToolExecutor *executor, const Identity &identity, QObject *parent = nullptr);
    ~McpServer() override; // cancels the calls still in flight

    // One JSON-RPC message as received; answers go out through send().
    void receive(const QByteArray &message);
    // A message the transport could not read at all (e.g. too long).
    void receiveUnreadable();
    int callsInFlight() const { return int(m_calls.size()); }

Q_SIGNALS:
    void send(const QByteArray &message);

private:
    void request(const QJsonValue &id, const QString &method, const QJsonObject &params);
    void notification(const QString &method, const QJsonObject &params);
    QJsonObject initialize(const QJsonObject &params);
    QJsonObject listTools() const;
    void callTool(const QJsonValue &id, const QJsonObject &params);
    void reply(const QJsonValue &id, const QJsonObject &result);
    void fail(const QJsonValue &id, int code, const QString &message);

    ToolExecutor *m_executor;
    Identity m_identity;
    bool m_initialized = false;
    QHash<QString, McpToolCall *> m_calls; // by request ID key
    int m_callCounter = 0;
};

} // namespace hako::host
