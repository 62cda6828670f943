// How the plugin's results and errors read as MCP tool results.
#include "mcp/mcpcontent.h"

#include <QJsonDocument>
#include <QTest>

using namespace hako;
using namespace hako::host;

namespace {

QJsonObject parse(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class tst_McpContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callResult_data()
    {
        QTest::addColumn<QByteArray>("result");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text"); // of a text block; the URI of a resource

        QTest::newRow("bash ok") << QByteArray(R"({"exit_code":0,"stdout":"hi\n","stderr":""})") << QByteArray("{}")
                                 << "text"
                                 << "hi\n[exit code 0]";
        QTest::newRow("bash both streams")
                << QByteArray(R"({"exit_code":3,"stdout":"out","stderr":"err\n"})") << QByteArray("{}") << "text"
                << "out\n[stderr]\nerr\n[exit code 3]";
        QTest::newRow("bash no output") << QByteArray(R"({"exit_code":1,"stdout":"","stderr":""})") << QByteArray("{}")
                                        << "text"
                                        << "[exit code 1]";
        QTest::newRow("bash timed out") << QByteArray(
                R"({"exit_code":137,"timed_out":true,"stdout":"a\n","stderr":""})")
                                        << QByteArray("{}") << "text"
                                        << "a\n[timed out: the command was killed]";
        QTest::newRow("bash out of memory")
                << QByteArray(R"({"exit_code":137,"oom_killed":true,"stdout":"","stderr":""})") << QByteArray("{}")
                << "text"
                << "[out of memory: the command was killed]";
        QTest::newRow("editor") << QByteArray(R"({"output":"File created successfully at: /workspace/a"})")
                                << QByteArray("{}") << "text"
                                << "File created successfully at: /workspace/a";
        QTest::newRow("read text") << QByteArray(R"({"content":"x\n","encoding":"utf-8","size":2})")
                                   << QByteArray(R"({"path":"a.txt"})") << "text"
                                   << "x\n";
        QTest::newRow("read bytes, relative path") << QByteArray(R"({"content":"AAE=","encoding":"base64","size":2})")
                                                   << QByteArray(R"({"path":"dir/a b.bin"})") << "resource"
                                                   << "file:///workspace/dir/a%20b.bin";
        QTest::newRow("read bytes, absolute path") << QByteArray(R"({"content":"AAE=","encoding":"base64","size":2})")
                                                   << QByteArray(R"({"path":"/workspace/a.bin"})") << "resource"
                                                   << "file:///workspace/a.bin";
        QTest::newRow("other shape") << QByteArray(R"({"written":5})") << QByteArray("{}") << "text"
                                     << R"({"written":5})";
    }

    void callResult()
    {
        QFETCH(QByteArray, result);
        QFETCH(QByteArray, input);
        QFETCH(QString, type);
        QFETCH(QString, text);
        const QJsonObject r =
                mcp::callResult(QJsonDocument::fromJson(result).object(), QJsonDocument::fromJson(input).object());
        QCOMPARE(r.value(QLatin1String("isError")).toBool(true), false);
        const QJsonArray content = r.value(QLatin1String("content")).toArray();
        QCOMPARE(content.size(), 1);
        const QJsonObject block = content.first().toObject();
        QCOMPARE(block.value(QLatin1String("type")).toString(), type);
        if (type == QLatin1String("text")) {
            QCOMPARE(block.value(QLatin1String("text")).toString(), text);
        } else {
            const QJsonObject resource = block.value(QLatin1String("resource")).toObject();
            QCOMPARE(resource.value(QLatin1String("uri")).toString(), text);
            QCOMPARE(resource.value(QLatin1String("blob")).toString(), QStringLiteral("AAE="));
        }
        // Structured fields stay; a file's bytes are not sent twice.
        const QJsonObject structured = r.value(QLatin1String("structuredContent")).toObject();
        QVERIFY(!structured.contains(QLatin1String("content")));
        for (const QString &key : QJsonDocument::fromJson(result).object().keys())
            QVERIFY(key == QLatin1String("content") || structured.contains(key));
    }

    void errorResult()
    {
        const QJsonObject r = mcp::errorResult(
                {QStringLiteral("no_match"), QStringLiteral("Not found, translated."), QStringLiteral("plain")});
        QCOMPARE(r.value(QLatin1String("isError")).toBool(), true);
        QCOMPARE(r.value(QLatin1String("content")).toArray().first().toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("Not found, translated."));
        QCOMPARE(r.value(QLatin1String("_meta")).toObject().value(QLatin1String("org.hako/error")).toString(),
                 QStringLiteral("no_match"));
        QVERIFY(!r.contains(QLatin1String("structuredContent")));
    }

    void toolsKeepTheirSchema()
    {
        const QJsonArray tools = mcp::toolsFromDefinitions(QJsonArray{parse(R"({"name":"t","description":"d",
            "input_schema":{"type":"object","required":["a"],"additionalProperties":false,
                            "properties":{"a":{"type":"integer","minimum":1}}}})")});
        const QJsonObject schema = tools.first().toObject().value(QLatin1String("inputSchema")).toObject();
        QCOMPARE(schema.value(QLatin1String("required")).toArray(), QJsonArray{QStringLiteral("a")});
        QCOMPARE(schema.value(QLatin1String("additionalProperties")).toBool(true), false);
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        QCOMPARE(properties.value(QLatin1String("a")).toObject().value(QLatin1String("minimum")).toInt(), 1);
        QVERIFY(properties.contains(QLatin1String(mcp::kConversationArgument)));
    }
};

QTEST_GUILESS_MAIN(tst_McpContent)
#include "tst_mcpcontent.moc"
