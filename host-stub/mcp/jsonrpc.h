// JSON-RPC 2.0 framing as MCP uses it: one object per message (no batches),
// request IDs are strings or numbers, never null, and params are an object.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace hako::host::jsonrpc {

enum ErrorCode {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
};

struct Message
{
    enum class Kind { Request, Notification, Response, Invalid };
    Kind kind = Kind::Invalid;
    QJsonValue id;      // Request, and Invalid when the ID itself could be read
    QString method;     // Request and Notification
    QJsonObject params; // Request and Notification
    int errorCode = 0;  // Invalid: what to answer with
};

Message parse(const QByteArray &text);

QByteArray response(const QJsonValue &id, const QJsonObject &result);
QByteArray error(const QJsonValue &id, int code, const QString &message);
QByteArray notification(const QString &method, const QJsonObject &params);

// A key telling 1 and "1" apart, for tables of requests in flight.
QString idKey(const QJsonValue &id);

} // namespace hako::host::jsonrpc
