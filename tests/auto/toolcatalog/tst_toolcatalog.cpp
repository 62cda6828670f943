#include "toolcatalog.h"

#include <QJsonDocument>
#include <QTest>

using namespace hako;

class tst_ToolCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void definitionsHaveTheApiShape()
    {
        const QJsonArray defs = ToolCatalog::definitions();
        QCOMPARE(defs.size(), 4);
        for (const QJsonValue &d : defs) {
            const QJsonObject o = d.toObject();
            QCOMPARE(o.keys(), (QStringList{QStringLiteral("description"), QStringLiteral("input_schema"),
                                            QStringLiteral("name")}));
            QCOMPARE(o.value(QLatin1String("input_schema")).toObject().value(QLatin1String("type")).toString(),
                     QStringLiteral("object"));
        }
    }

    void input_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("bash") << "bash" << QByteArray("{\"command\":\"ls\"}") << "";
        QTest::newRow("bash restart only") << "bash" << QByteArray("{\"restart\":true}") << "";
        QTest::newRow("bash timeout") << "bash" << QByteArray("{\"command\":\"ls\",\"timeout\":5}") << "";
        QTest::newRow("bash nothing") << "bash" << QByteArray("{}") << "bad_input";
        QTest::newRow("bash command number") << "bash" << QByteArray("{\"command\":5}") << "bad_input";
        QTest::newRow("bash timeout zero") << "bash" << QByteArray("{\"command\":\"ls\",\"timeout\":0}") << "bad_input";
        QTest::newRow("bash timeout fraction")
                << "bash" << QByteArray("{\"command\":\"ls\",\"timeout\":1.5}") << "bad_input";
        QTest::newRow("bash extra field") << "bash" << QByteArray("{\"command\":\"ls\",\"sudo\":true}") << "bad_input";
        QTest::newRow("edit view") << "str_replace_based_edit_tool"
                                   << QByteArray("{\"command\":\"view\",\"path\":\"a\"}") << "";
        QTest::newRow("edit range") << "str_replace_based_edit_tool"
                                    << QByteArray("{\"command\":\"view\",\"path\":\"a\",\"view_range\":[1,-1]}") << "";
        QTest::newRow("edit range text") << "str_replace_based_edit_tool"
                                         << QByteArray("{\"command\":\"view\",\"path\":\"a\",\"view_range\":[\"1\"]}")
                                         << "bad_input";
        QTest::newRow("edit bad command") << "str_replace_based_edit_tool"
                                          << QByteArray("{\"command\":\"delete\",\"path\":\"a\"}") << "bad_input";
        QTest::newRow("edit no path") << "str_replace_based_edit_tool" << QByteArray("{\"command\":\"view\"}")
                                      << "bad_input";
        QTest::newRow("write") << "write_file" << QByteArray("{\"path\":\"a\",\"content\":\"x\"}") << "";
        QTest::newRow("write base64") << "write_file"
                                      << QByteArray("{\"path\":\"a\",\"content\":\"AA==\",\"encoding\":\"base64\"}")
                                      << "";
        QTest::newRow("write bad encoding")
                << "write_file" << QByteArray("{\"path\":\"a\",\"content\":\"x\",\"encoding\":\"utf-16\"}")
                << "bad_input";
        QTest::newRow("read") << "read_file" << QByteArray("{\"path\":\"a\"}") << "";
        QTest::newRow("unknown tool") << "rm_rf" << QByteArray("{}") << "unknown_tool";
        QTest::newRow("empty tool name") << "" << QByteArray("{}") << "unknown_tool";
    }

    void input()
    {
        QFETCH(QString, tool);
        QFETCH(QByteArray, input);
        QFETCH(QString, errorCode);
        const Error e = ToolCatalog::validate(tool, QJsonDocument::fromJson(input).object());
        QCOMPARE(e.code, errorCode);
        if (e)
            QVERIFY(!e.message.isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_ToolCatalog)
#include "tst_toolcatalog.moc"
