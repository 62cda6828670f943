#include "policy/conversationid.h"

#include <QTest>

using namespace hako;

class tst_ConversationId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("plain") << "c1"
                               << "";
        QTest::newRow("uuid") << "3f2b8c1e-5d4a-4f7b-9c2e-1a2b3c4d5e6f"
                              << "";
        QTest::newRow("japanese") << QStringLiteral("会話-1") << "";
        QTest::newRow("traversal is only text") << "../../etc"
                                                << "";
        QTest::newRow("option-like") << "--privileged"
                                     << "";
        QTest::newRow("empty") << ""
                               << "conversation_id_empty";
        QTest::newRow("nul") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))
                             << "conversation_id_invalid";
        QTest::newRow("newline") << "a\nb"
                                 << "conversation_id_invalid";
        QTest::newRow("escape") << "a\x1b[31m"
                                << "conversation_id_invalid";
        QTest::newRow("bidi override") << QString(QStringLiteral("a") + QChar(0x202E)) << "conversation_id_invalid";
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << "conversation_id_invalid";
        QTest::newRow("256 bytes") << QString(256, QLatin1Char('x')) << "";
        QTest::newRow("257 bytes") << QString(257, QLatin1Char('x')) << "conversation_id_too_long";
        QTest::newRow("huge") << QString(1 << 20, QLatin1Char('x')) << "conversation_id_too_long";
    }

    void validation()
    {
        QFETCH(QString, id);
        QFETCH(QString, errorCode);
        QCOMPARE(validateConversationId(id).code, errorCode);
    }

    void keyIsSafeForNamesAndPaths_data() { validation_data(); }

    void keyIsSafeForNamesAndPaths()
    {
        QFETCH(QString, id);
        const QString key = conversationKey(id);
        QCOMPARE(key.size(), 32);
        for (const QChar c : key)
            QVERIFY(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f')));
        QCOMPARE(containerName(QStringLiteral("i1"), key), QStringLiteral("hako-i1-") + key);
    }

    void distinctIdsDistinctKeys()
    {
        QVERIFY(conversationKey(QStringLiteral("a")) != conversationKey(QStringLiteral("b")));
        QCOMPARE(conversationKey(QStringLiteral("a")), conversationKey(QStringLiteral("a")));
    }
};

QTEST_APPLESS_MAIN(tst_ConversationId)
#include "tst_conversationid.moc"
