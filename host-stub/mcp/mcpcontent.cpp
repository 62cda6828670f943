#include "mcpcontent.h"

#include "common/translate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrl>

namespace hako::host::mcp {
namespace {

QJsonObject text(const QString &content)
{
    return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), content}};
}

QJsonObject toolResult(const QJsonArray &content, bool isError)
{
    return {{QStringLiteral("content"), content}, {QStringLiteral("isError"), isError}};
}

QString commandStatus(const QJsonObject &r)
{
    if (r.value(QLatin1String("timed_out")).toBool())
        return tr("[timed out: the command was killed]");
    if (r.value(QLatin1String("oom_killed")).toBool())
        return tr("[out of memory: the command was killed]");
    return tr("[exit code %1]").arg(r.value(QLatin1String("exit_code")).toInt());
}

// stdout, then stderr under its own heading, then how the command ended.
QString commandText(const QJsonObject &r)
{
    QString out = r.value(QLatin1String("stdout")).toString();
    const QString err = r.value(QLatin1String("stderr")).toString();
    const auto endLine = [&out] {
        if (!out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
            out += QLatin1Char('\n');
    };
    if (!err.isEmpty()) {
        endLine();
        out += tr("[stderr]") + QLatin1Char('\n') + err;
    }
    endLine();
    return out + commandStatus(r);
}

QJsonObject blob(const QJsonObject &result, const QJsonObject &input)
{
    const QString path = input.value(QLatin1String("path")).toString();
    const QString absolute = path.startsWith(QLatin1Char('/')) ? path : QStringLiteral("/workspace/") + path;
    return {{QStringLiteral("type"), QStringLiteral("resource")},
            {QStringLiteral("resource"),
             QJsonObject{{QStringLiteral("uri"), QUrl::fromLocalFile(absolute).toString(QUrl::FullyEncoded)},
                         {QStringLiteral("mimeType"), QStringLiteral("application/octet-stream")},
                         {QStringLiteral("blob"), result.value(QLatin1String("content"))}}}};
}

QJsonObject content(const QJsonObject &result, const QJsonObject &input)
{
    if (result.contains(QLatin1String("exit_code")))
        return text(commandText(result));
    if (result.value(QLatin1String("output")).isString())
        return text(result.value(QLatin1String("output")).toString());
    if (result.value(QLatin1String("content")).isString()) {
        if (result.value(QLatin1String("encoding")).toString() == QLatin1String("base64"))
            return blob(result, input);
        return text(result.value(QLatin1String("content")).toString());
    }
    return text(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)));
}

} // namespace

QJsonArray toolsFromDefinitions(const QJsonArray &definitions)
{
    QJsonObject conversation{{QStringLiteral("type"), QStringLiteral("string")},
                             {QStringLiteral("description"),
                              tr("Conversation whose sandbox runs the call; defaults to this session's.")}};
    QJsonArray tools;
    for (const QJsonValue &value : definitions) {
        const QJsonObject d = value.toObject();
        QJsonObject schema = d.value(QLatin1String("input_schema")).toObject();
        QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        properties.insert(QLatin1String(kConversationArgument), conversation);
        schema.insert(QStringLiteral("properties"), properties);
        tools.append(QJsonObject{{QStringLiteral("name"), d.value(QLatin1String("name"))},
                                 {QStringLiteral("description"), d.value(QLatin1String("description"))},
                                 {QStringLiteral("inputSchema"), schema}});
    }
    return tools;
}

QJsonObject callResult(const QJsonObject &result, const QJsonObject &input)
{
    QJsonObject r = toolResult({content(result, input)}, false);
    // Machine-readable fields (exit code, sizes, flags) without repeating a file's bytes.
    QJsonObject structured = result;
    structured.remove(QStringLiteral("content"));
    r.insert(QStringLiteral("structuredContent"), structured);
    return r;
}

QJsonObject errorResult(const Error &error)
{
    QJsonObject r = toolResult({text(error.message)}, true);
    r.insert(QStringLiteral("_meta"), QJsonObject{{QStringLiteral("org.hako/error"), error.code}});
    return r;
}

} // namespace hako::host::mcp
