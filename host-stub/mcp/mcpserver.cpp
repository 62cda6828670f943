#include "mcpserver.h"

#include "jsonrpc.h"
#include "mcpcontent.h"
#include "mcptoolcall.h"

#include <QJsonArray>
#include <QUuid>

namespace hako::host {
namespace {

QJsonValue progressTokenOf(const QJsonObject &params)
{
    const QJsonValue token = params.value(QLatin1String("_meta")).toObject().value(QLatin1String("progressToken"));
    return token.isString() || token.isDouble() ? token : QJsonValue(QJsonValue::Undefined);
}

} // namespace

const QStringList McpServer::kProtocolVersions = {QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"),
                                                  QStringLiteral("2025-03-26"), QStringLiteral("2024-11-05")};

McpServer::McpServer(ToolExecutor *executor, const Identity &identity, QObject *parent)
    : QObject(parent), m_executor(executor), m_identity(identity)
{}

// The calls in flight are children: deleting their handles cancels them.
McpServer::~McpServer() = default;

void McpServer::receive(const QByteArray &message)
{
    const jsonrpc::Message m = jsonrpc::parse(message);
    switch (m.kind) {
    case jsonrpc::Message::Kind::Request: return request(m.id, m.method, m.params);
    case jsonrpc::Message::Kind::Notification: return notification(m.method, m.params);
    case jsonrpc::Message::Kind::Response: return; // this server sends no requests, so there is nothing to match
    case jsonrpc::Message::Kind::Invalid:
        return fail(m.id, m.errorCode,
                    m.errorCode == jsonrpc::ParseError ? tr("The message is not valid JSON.")
                                                       : tr("The message is not a valid JSON-RPC 2.0 request."));
    }
}

void McpServer::receiveUnreadable()
{
    fail(QJsonValue::Null, jsonrpc::ParseError, tr("The message is too long to read."));
}

void McpServer::request(const QJsonValue &id, const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("ping"))
        return reply(id, {});
    if (method == QLatin1String("initialize")) {
        if (m_initialized)
            return fail(id, jsonrpc::InvalidRequest, tr("The session is already initialized."));
        if (!params.value(QLatin1String("protocolVersion")).isString())
            return fail(id, jsonrpc::InvalidParams, tr("initialize needs a protocolVersion."));
        return reply(id, initialize(params));
    }
    if (!m_initialized)
        return fail(id, jsonrpc::InvalidRequest, tr("The session is not initialized yet."));
    if (method == QLatin1String("tools/list"))
        return reply(id, listTools());
    if (method == QLatin1String("tools/call"))
        return callTool(id, params);
    fail(id, jsonrpc::MethodNotFound, tr("Unknown method \"%1\".").arg(method));
}

void McpServer::notification(const QString &method, const QJsonObject &params)
{
    if (method != QLatin1String("notifications/cancelled"))
        return; // notifications/initialized and others need nothing from us
    const QJsonValue requestId = params.value(QLatin1String("requestId"));
    if (McpToolCall *call = m_calls.value(jsonrpc::idKey(requestId)))
        call->cancel();
}

QJsonObject McpServer::initialize(const QJsonObject &params)
{
    m_initialized = true;
    const QString asked = params.value(QLatin1String("protocolVersion")).toString();
    return {{QStringLiteral("protocolVersion"), kProtocolVersions.contains(asked) ? asked : kProtocolVersions.first()},
            {QStringLiteral("capabilities"),
             QJsonObject{{QStringLiteral("tools"), QJsonObject{{QStringLiteral("listChanged"), false}}}}},
            {QStringLiteral("serverInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("hako")},
                                                       {QStringLiteral("title"), QStringLiteral("Hako")},
                                                       {QStringLiteral("version"), m_identity.version}}},
            {QStringLiteral("instructions"),
             tr("Tools run in a hardened container without network access; files live in /workspace. "
                "Calls share the conversation \"%1\" unless they name another in the conversation argument.")
                     .arg(m_identity.conversation)}};
}

QJsonObject McpServer::listTools() const
{
    return {{QStringLiteral("tools"), mcp::toolsFromDefinitions(m_executor->toolDefinitions())}};
}

void McpServer::callTool(const QJsonValue &id, const QJsonObject &params)
{
    const QJsonValue name = params.value(QLatin1String("name"));
    const QJsonValue arguments = params.value(QLatin1String("arguments"));
    if (!name.isString() || name.toString().isEmpty())
        return fail(id, jsonrpc::InvalidParams, tr("tools/call needs the name of a tool."));
    if (!arguments.isUndefined() && !arguments.isObject())
        return fail(id, jsonrpc::InvalidParams, tr("The arguments of tools/call must be an object."));
    const QString key = jsonrpc::idKey(id);
    if (m_calls.contains(key))
        return fail(id, jsonrpc::InvalidRequest, tr("A request with this ID is still in flight."));
    QJsonObject input = arguments.toObject();
    const QJsonValue conversation = input.take(QLatin1String(mcp::kConversationArgument));
    if (!conversation.isUndefined() && !conversation.isString())
        return reply(id, mcp::errorResult(
                                 {QStringLiteral("bad_input"), tr("The conversation argument must be a string."), {}}));
    const QString conversationId = conversation.isString() ? conversation.toString() : m_identity.conversation;
    ToolCall *toolCall = m_executor->call(conversationId, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                          name.toString(), input);
    auto *call = new McpToolCall(toolCall, input, progressTokenOf(params), this);
    m_calls.insert(key, call);
    const auto done = [this, key, call] {
        m_calls.remove(key);
        call->deleteLater();
        return !call->isCancelled(); // a cancelled request gets no answer
    };
    connect(call, &McpToolCall::progress, this, [this](const QJsonObject &progress) {
        Q_EMIT send(jsonrpc::notification(QStringLiteral("notifications/progress"), progress));
    });
    connect(call, &McpToolCall::finished, this, [this, id, done](const QJsonObject &result) {
        if (done())
            reply(id, result);
    });
    connect(call, &McpToolCall::unknownTool, this, [this, id, done](const QString &message) {
        if (done())
            fail(id, jsonrpc::InvalidParams, message);
    });
}

void McpServer::reply(const QJsonValue &id, const QJsonObject &result)
{
    Q_EMIT send(jsonrpc::response(id, result));
}

void McpServer::fail(const QJsonValue &id, int code, const QString &message)
{
    Q_EMIT send(jsonrpc::error(id, code, message));
}

} // namespace hako::host
