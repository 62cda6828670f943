#include "jsonrpc.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hako::host::jsonrpc {
namespace {

bool isValidId(const QJsonValue &id)
{
    return id.isString() || id.isDouble();
}

Message invalid(int code, const QJsonValue &id = QJsonValue::Null)
{
    Message m;
    m.errorCode = code;
    m.id = isValidId(id) ? id : QJsonValue(QJsonValue::Null);
    return m;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Message parse(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(ParseError);
    if (!doc.isObject())
        return invalid(InvalidRequest); // batches went with MCP 2025-06-18
    const QJsonObject o = doc.object();
    const QJsonValue id = o.value(QLatin1String("id"));
    if (o.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0"))
        return invalid(InvalidRequest, id);
    const QJsonValue method = o.value(QLatin1String("method"));
    if (method.isUndefined()) {
        Message m;
        const bool answers = o.contains(QLatin1String("result")) || o.contains(QLatin1String("error"));
        m.kind = answers && !id.isUndefined() ? Message::Kind::Response : Message::Kind::Invalid;
        m.errorCode = InvalidRequest;
        return m;
    }
    if (!method.isString() || (!id.isUndefined() && !isValidId(id)))
        return invalid(InvalidRequest, id);
    const QJsonValue params = o.value(QLatin1String("params"));
    if (!params.isUndefined() && !params.isObject())
        return invalid(InvalidParams, id);
    Message m;
    m.kind = id.isUndefined() ? Message::Kind::Notification : Message::Kind::Request;
    m.id = id;
    m.method = method.toString();
    m.params = params.toObject();
    return m;
}

QByteArray response(const QJsonValue &id, const QJsonObject &result)
{
    return compact({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("result"), result}});
}

QByteArray error(const QJsonValue &id, int code, const QString &message)
{
    return compact({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

QByteArray notification(const QString &method, const QJsonObject &params)
{
    return compact({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("method"), method},
                    {QStringLiteral("params"), params}});
}

QString idKey(const QJsonValue &id)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact));
}

} // namespace hako::host::jsonrpc
