// The MCP server's protocol handling against a fake executor: JSON-RPC
// errors, version negotiation, tool listing, call routing, results, tool
// errors, progress and cancellation. The real client and container are in
// tests/integration/mcp.
#include "fakeexecutor.h"
#include "mcp/jsonrpc.h"
#include "mcp/mcpserver.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace hako;
using namespace hako::host;

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray request(const QJsonValue &id, const QString &method, const QJsonObject &params = {})
{
    return json({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                 {QStringLiteral("id"), id},
                 {QStringLiteral("method"), method},
                 {QStringLiteral("params"), params}});
}

QByteArray initializeRequest(const QString &version)
{
    return request(0, QStringLiteral("initialize"),
                   {{QStringLiteral("protocolVersion"), version},
                    {QStringLiteral("capabilities"), QJsonObject{}},
                    {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("t")},
                                                               {QStringLiteral("version"), QStringLiteral("1")}}}});
}

struct Session
{
    QList<QJsonObject> sent; // first, so that it outlives the server
    FakeExecutor fake;
    McpServer server{&fake, {QStringLiteral("9.9"), QStringLiteral("session-conv")}};

    Session()
    {
        QObject::connect(&server, &McpServer::send, &server,
                         [this](const QByteArray &m) { sent.append(QJsonDocument::fromJson(m).object()); });
    }
    void initialize()
    {
        server.receive(initializeRequest(QStringLiteral("2025-11-25")));
        sent.clear();
    }
    void callBash(const QJsonValue &id, const QJsonObject &arguments, const QJsonValue &progressToken = {})
    {
        QJsonObject params{{QStringLiteral("name"), QStringLiteral("bash")}, {QStringLiteral("arguments"), arguments}};
        if (!progressToken.isUndefined() && !progressToken.isNull())
            params.insert(QStringLiteral("_meta"), QJsonObject{{QStringLiteral("progressToken"), progressToken}});
        server.receive(request(id, QStringLiteral("tools/call"), params));
    }
    QJsonObject last() const { return sent.isEmpty() ? QJsonObject() : sent.last(); }
};

int errorCode(const QJsonObject &reply)
{
    return reply.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt();
}

} // namespace

class tst_McpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void protocolErrors_data()
    {
        QTest::addColumn<bool>("initialized");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("code"); // 0: a result
        QTest::addColumn<QByteArray>("id");

        QTest::newRow("not JSON") << true << QByteArray("{\"jsonrpc\":") << int(jsonrpc::ParseError)
                                  << QByteArray("null");
        QTest::newRow("batch") << true << QByteArray("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")
                               << int(jsonrpc::InvalidRequest) << QByteArray("null");
        QTest::newRow("no jsonrpc") << true << QByteArray("{\"id\":1,\"method\":\"ping\"}")
                                    << int(jsonrpc::InvalidRequest) << QByteArray("1");
        QTest::newRow("jsonrpc 1.0") << true << QByteArray("{\"jsonrpc\":\"1.0\",\"id\":\"a\",\"method\":\"ping\"}")
                                     << int(jsonrpc::InvalidRequest) << QByteArray("\"a\"");
        QTest::newRow("null id") << true << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}")
                                 << int(jsonrpc::InvalidRequest) << QByteArray("null");
        QTest::newRow("boolean id") << true << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}")
                                    << int(jsonrpc::InvalidRequest) << QByteArray("null");
        QTest::newRow("method not text") << true << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":7}")
                                         << int(jsonrpc::InvalidRequest) << QByteArray("2");
        QTest::newRow("params array") << true
                                      << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":[]}")
                                      << int(jsonrpc::InvalidParams) << QByteArray("3");
        QTest::newRow("nothing to do") << true << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":4}")
                                       << int(jsonrpc::InvalidRequest) << QByteArray("null");
        QTest::newRow("unknown method") << true << request(5, QStringLiteral("resources/list"))
                                        << int(jsonrpc::MethodNotFound) << QByteArray("5");
        QTest::newRow("tools/list before initialize")
                << false << request(6, QStringLiteral("tools/list")) << int(jsonrpc::InvalidRequest) << QByteArray("6");
        QTest::newRow("tools/call before initialize")
                << false << request(7, QStringLiteral("tools/call"), {{QStringLiteral("name"), QStringLiteral("bash")}})
                << int(jsonrpc::InvalidRequest) << QByteArray("7");
        QTest::newRow("ping before initialize") << false << request(8, QStringLiteral("ping")) << 0 << QByteArray("8");
        QTest::newRow("initialize without version")
                << false << request(9, QStringLiteral("initialize")) << int(jsonrpc::InvalidParams) << QByteArray("9");
        QTest::newRow("initialize twice") << true << initializeRequest(QStringLiteral("2025-11-25"))
                                          << int(jsonrpc::InvalidRequest) << QByteArray("0");
        QTest::newRow("call without name")
                << true << request(10, QStringLiteral("tools/call")) << int(jsonrpc::InvalidParams) << QByteArray("10");
        QTest::newRow("call arguments array") << true
                                              << request(11, QStringLiteral("tools/call"),
                                                         {{QStringLiteral("name"), QStringLiteral("bash")},
                                                          {QStringLiteral("arguments"), QJsonArray{}}})
                                              << int(jsonrpc::InvalidParams) << QByteArray("11");
        QTest::newRow("tools/list") << true << request(12, QStringLiteral("tools/list")) << 0 << QByteArray("12");
    }

    void protocolErrors()
    {
        QFETCH(bool, initialized);
        QFETCH(QByteArray, message);
        QFETCH(int, code);
        QFETCH(QByteArray, id);
        Session s;
        if (initialized)
            s.initialize();
        s.server.receive(message);
        QCOMPARE(s.sent.size(), 1);
        const QJsonObject reply = s.last();
        QCOMPARE(reply.value(QLatin1String("jsonrpc")).toString(), QStringLiteral("2.0"));
        QCOMPARE(errorCode(reply), code);
        QCOMPARE(reply.contains(QLatin1String("result")), code == 0);
        QVERIFY(code == 0
                || !reply.value(QLatin1String("error"))
                            .toObject()
                            .value(QLatin1String("message"))
                            .toString()
                            .isEmpty());
        QCOMPARE(QJsonDocument(QJsonArray{reply.value(QLatin1String("id"))}).toJson(QJsonDocument::Compact),
                 "[" + id + "]");
    }

    void silentMessages_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("initialized") << QByteArray("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        QTest::newRow("unknown notification")
                << QByteArray("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/whatever\"}");
        QTest::newRow("cancel of nothing") << QByteArray(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":99}}");
        QTest::newRow("a client's response") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
    }

    void silentMessages()
    {
        QFETCH(QByteArray, message);
        Session s;
        s.initialize();
        s.server.receive(message);
        QVERIFY(s.sent.isEmpty());
    }

    void initializeNegotiates_data()
    {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<QString>("answered");
        QTest::newRow("newest") << "2025-11-25"
                                << "2025-11-25";
        QTest::newRow("2025-06-18") << "2025-06-18"
                                    << "2025-06-18";
        QTest::newRow("2024-11-05") << "2024-11-05"
                                    << "2024-11-05";
        QTest::newRow("unknown") << "1999-01-01"
                                 << "2025-11-25";
        QTest::newRow("not a date") << "latest"
                                    << "2025-11-25";
    }

    void initializeNegotiates()
    {
        QFETCH(QString, asked);
        QFETCH(QString, answered);
        Session s;
        s.server.receive(initializeRequest(asked));
        const QJsonObject result = s.last().value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("protocolVersion")).toString(), answered);
        QVERIFY(result.value(QLatin1String("capabilities")).toObject().contains(QLatin1String("tools")));
        QCOMPARE(result.value(QLatin1String("serverInfo")).toObject().value(QLatin1String("version")).toString(),
                 QStringLiteral("9.9"));
        QVERIFY(result.value(QLatin1String("instructions")).toString().contains(QLatin1String("session-conv")));
    }

    void toolsListAddsConversation()
    {
        Session s;
        s.initialize();
        s.server.receive(request(1, QStringLiteral("tools/list")));
        const QJsonArray tools =
                s.last().value(QLatin1String("result")).toObject().value(QLatin1String("tools")).toArray();
        QCOMPARE(tools.size(), 1);
        const QJsonObject bash = tools.first().toObject();
        QCOMPARE(bash.value(QLatin1String("name")).toString(), QStringLiteral("bash"));
        QCOMPARE(bash.value(QLatin1String("description")).toString(), QStringLiteral("Run a command."));
        QVERIFY(!bash.contains(QLatin1String("input_schema")));
        const QJsonObject properties =
                bash.value(QLatin1String("inputSchema")).toObject().value(QLatin1String("properties")).toObject();
        QVERIFY(properties.contains(QLatin1String("command")));
        QCOMPARE(properties.value(QLatin1String("conversation")).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("string"));
    }

    void callRouting_data()
    {
        QTest::addColumn<QByteArray>("arguments");
        QTest::addColumn<QString>("conversation"); // empty: no call may start
        QTest::newRow("session's") << QByteArray("{\"command\":\"ls\"}") << "session-conv";
        QTest::newRow("named") << QByteArray("{\"command\":\"ls\",\"conversation\":\"other\"}") << "other";
        QTest::newRow("named empty") << QByteArray("{\"command\":\"ls\",\"conversation\":\"\"}") << "";
        QTest::newRow("named number") << QByteArray("{\"command\":\"ls\",\"conversation\":5}") << QString();
    }

    void callRouting()
    {
        QFETCH(QByteArray, arguments);
        QFETCH(QString, conversation);
        Session s;
        s.initialize();
        s.callBash(1, QJsonDocument::fromJson(arguments).object());
        if (conversation.isNull()) {
            QVERIFY(s.fake.started.isEmpty());
            const QJsonObject result = s.last().value(QLatin1String("result")).toObject();
            QVERIFY(result.value(QLatin1String("isError")).toBool());
            return;
        }
        QCOMPARE(s.fake.started.size(), 1);
        QCOMPARE(s.fake.started.first().conversation, conversation);
        // The conversation argument is the MCP layer's, not the tool's.
        QCOMPARE(s.fake.started.first().input, (QJsonObject{{QStringLiteral("command"), QStringLiteral("ls")}}));
        QCOMPARE(s.server.callsInFlight(), 1);
        ToolCallPrivate::get(s.fake.started.first().call)->finishWithResult({{QStringLiteral("exit_code"), 0}});
        QTRY_COMPARE(s.server.callsInFlight(), 0);
        QCOMPARE(s.last().value(QLatin1String("id")).toInt(), 1);
        QCOMPARE(s.last().value(QLatin1String("result")).toObject().value(QLatin1String("isError")).toBool(), false);
    }

    void toolErrorIsAResult()
    {
        Session s;
        s.initialize();
        s.callBash(2, {{QStringLiteral("command"), 1}});
        ToolCallPrivate::get(s.fake.started.first().call)
                ->finishWithError({QStringLiteral("bad_input"), QStringLiteral("Invalid input for tool \"bash\"."),
                                   QStringLiteral("log")});
        QTRY_VERIFY(!s.sent.isEmpty());
        const QJsonObject result = s.last().value(QLatin1String("result")).toObject();
        QVERIFY(result.value(QLatin1String("isError")).toBool());
        QCOMPARE(result.value(QLatin1String("content"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QLatin1String("text"))
                         .toString(),
                 QStringLiteral("Invalid input for tool \"bash\"."));
    }

    void unknownToolIsAProtocolError()
    {
        Session s;
        s.initialize();
        s.server.receive(request(3, QStringLiteral("tools/call"), {{QStringLiteral("name"), QStringLiteral("rm_rf")}}));
        QVERIFY(s.sent.isEmpty()); // the plugin answers later
        QTRY_COMPARE(s.sent.size(), 1);
        QCOMPARE(errorCode(s.last()), int(jsonrpc::InvalidParams));
        QCOMPARE(s.last().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString(),
                 QStringLiteral("There is no tool named \"rm_rf\"."));
        QCOMPARE(s.server.callsInFlight(), 0);
    }

    void duplicateIdInFlight()
    {
        Session s;
        s.initialize();
        s.callBash(4, {{QStringLiteral("command"), QStringLiteral("sleep 9")}});
        s.callBash(4, {{QStringLiteral("command"), QStringLiteral("ls")}});
        QCOMPARE(s.fake.started.size(), 1);
        QCOMPARE(errorCode(s.last()), int(jsonrpc::InvalidRequest));
        // 4 and "4" are different requests.
        s.callBash(QStringLiteral("4"), {{QStringLiteral("command"), QStringLiteral("ls")}});
        QCOMPARE(s.fake.started.size(), 2);
    }

    void cancellation_data()
    {
        QTest::addColumn<QByteArray>("requestId");
        QTest::addColumn<bool>("cancels");
        QTest::newRow("same ID") << QByteArray("7") << true;
        QTest::newRow("text of the ID") << QByteArray("\"7\"") << false;
        QTest::newRow("another ID") << QByteArray("8") << false;
    }

    void cancellation()
    {
        QFETCH(QByteArray, requestId);
        QFETCH(bool, cancels);
        Session s;
        s.initialize();
        s.callBash(7, {{QStringLiteral("command"), QStringLiteral("sleep 300")}});
        s.server.receive("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":"
                         + requestId + ",\"reason\":\"test\"}}");
        QCOMPARE(s.fake.started.first().cancelRequested, cancels);
        // A cancelled request gets no answer; the others still do.
        QTRY_COMPARE(s.server.callsInFlight(), cancels ? 0 : 1);
        QCOMPARE(s.sent.isEmpty(), true);
    }

    void closingCancelsCallsInFlight()
    {
        FakeExecutor fake;
        {
            McpServer server(&fake, {QStringLiteral("1"), QStringLiteral("c")});
            server.receive(initializeRequest(QStringLiteral("2025-11-25")));
            server.receive(request(
                    1, QStringLiteral("tools/call"),
                    {{QStringLiteral("name"), QStringLiteral("bash")},
                     {QStringLiteral("arguments"), QJsonObject{{QStringLiteral("command"), QStringLiteral("x")}}}}));
        }
        QCOMPARE(fake.started.size(), 1);
        QVERIFY(fake.started.first().cancelRequested);
        QVERIFY(fake.started.first().call.isNull()); // and the handle went with the server
    }

    void progress_data()
    {
        QTest::addColumn<QJsonValue>("token");
        QTest::newRow("text token") << QJsonValue(QStringLiteral("p-1"));
        QTest::newRow("number token") << QJsonValue(42);
        QTest::newRow("no token") << QJsonValue();
    }

    void progress()
    {
        QFETCH(QJsonValue, token);
        Session s;
        s.initialize();
        s.callBash(1, {{QStringLiteral("command"), QStringLiteral("x")}}, token);
        ToolCallPrivate *call = ToolCallPrivate::get(s.fake.started.first().call);
        // "é" split across two chunks, output on both streams.
        call->emitOutput(ToolCall::Stream::Stdout, QByteArray("caf\xc3"));
        call->emitOutput(ToolCall::Stream::Stdout, QByteArray("\xa9\n"));
        call->emitOutput(ToolCall::Stream::Stderr, QByteArray("warn\n"));
        call->reportProgress(1500);
        call->reportProgress(1500); // no new output, same elapsed time
        QTest::qWait(50);
        if (token.isNull()) {
            QVERIFY(s.sent.isEmpty());
            return;
        }
        QCOMPARE(s.sent.size(), 2);
        const QJsonObject first = s.sent.at(0).value(QLatin1String("params")).toObject();
        const QJsonObject second = s.sent.at(1).value(QLatin1String("params")).toObject();
        QCOMPARE(s.sent.at(0).value(QLatin1String("method")).toString(), QStringLiteral("notifications/progress"));
        QVERIFY(!s.sent.at(0).contains(QLatin1String("id")));
        QCOMPARE(first.value(QLatin1String("progressToken")), token);
        QCOMPARE(first.value(QLatin1String("progress")).toDouble(), 1.5);
        QCOMPARE(first.value(QLatin1String("message")).toString(), QString::fromUtf8("café\nwarn\n"));
        QVERIFY(second.value(QLatin1String("progress")).toDouble() > 1.5);
        QCOMPARE(second.value(QLatin1String("message")).toString(), QStringLiteral("Running for 1 s."));
    }

    // A call waiting for its sandbox says so in its progress, then runs.
    void progressWhileQueued()
    {
        Session s;
        s.initialize();
        s.callBash(1, {{QStringLiteral("command"), QStringLiteral("x")}}, QStringLiteral("q"));
        ToolCallPrivate *call = ToolCallPrivate::get(s.fake.started.first().call);
        call->setQueued(true);
        call->reportProgress(2000);
        call->setQueued(false);
        call->reportProgress(3000);
        QTest::qWait(50);
        QCOMPARE(s.sent.size(), 2);
        const QString queued =
                s.sent.at(0).value(QLatin1String("params")).toObject().value(QLatin1String("message")).toString();
        const QString running =
                s.sent.at(1).value(QLatin1String("params")).toObject().value(QLatin1String("message")).toString();
        QCOMPARE(queued, QStringLiteral("Waiting for the sandbox to start (2 s); the call's timeout has not begun."));
        QCOMPARE(running, QStringLiteral("Running for 3 s."));
    }
};

QTEST_GUILESS_MAIN(tst_McpServer)
#include "tst_mcpserver.moc"
