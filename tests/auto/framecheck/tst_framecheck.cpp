// Which frames from the agent the host accepts, by type, id and size; every
// row that is refused is something the conforming agent never sends.
#include "channel/framecheck.h"

#include <QTest>

using namespace hako;

class tst_FrameCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdict_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<quint32>("id");
        QTest::addColumn<int>("payload");
        QTest::addColumn<bool>("inFlight");
        QTest::addColumn<bool>("accepted");
        const int maxJson = int(kMaxConnectionJson);
        using T = proto::Type;
        QTest::newRow("Hello") << int(T::Hello) << 0u << 80 << false << true;
        QTest::newRow("Event") << int(T::Event) << 0u << 60 << false << true;
        QTest::newRow("connection Error") << int(T::Error) << 0u << 100 << false << true;
        QTest::newRow("Event at the size limit") << int(T::Event) << 0u << maxJson << false << true;
        QTest::newRow("Event past the size limit") << int(T::Event) << 0u << maxJson + 1 << false << false;
        QTest::newRow("Hello of 1 MiB") << int(T::Hello) << 0u << (1 << 20) << false << false;
        QTest::newRow("connection Error of 1 MiB") << int(T::Error) << 0u << (1 << 20) << false << false;
        QTest::newRow("Stdout in flight") << int(T::Stdout) << 3u << (1 << 20) << true << true;
        QTest::newRow("Stderr in flight") << int(T::Stderr) << 3u << 10 << true << true;
        QTest::newRow("FileData in flight") << int(T::FileData) << 3u << 65536 << true << true;
        QTest::newRow("Result in flight, 1 MiB") << int(T::Result) << 3u << (1 << 20) << true << true;
        QTest::newRow("Error in flight") << int(T::Error) << 3u << 100 << true << true;
        QTest::newRow("Stdout for no call") << int(T::Stdout) << 3u << 10 << false << false;
        QTest::newRow("Result for no call") << int(T::Result) << 3u << 2 << false << false;
        QTest::newRow("Error for no call") << int(T::Error) << 99u << 2 << false << false;
        QTest::newRow("Stdout with id 0") << int(T::Stdout) << 0u << 10 << false << false;
        QTest::newRow("Result with id 0") << int(T::Result) << 0u << 2 << false << false;
        QTest::newRow("FileData with id 0") << int(T::FileData) << 0u << 2 << false << false;
        QTest::newRow("Hello for a call") << int(T::Hello) << 3u << 2 << true << false;
        QTest::newRow("Event for a call") << int(T::Event) << 3u << 2 << true << false;
        QTest::newRow("Call from the agent") << int(T::Call) << 3u << 2 << true << false;
        QTest::newRow("Data from the agent") << int(T::Data) << 3u << 2 << true << false;
        QTest::newRow("DataEnd from the agent") << int(T::DataEnd) << 3u << 0 << true << false;
        QTest::newRow("Cancel from the agent") << int(T::Cancel) << 3u << 0 << true << false;
        QTest::newRow("Cancel with id 0") << int(T::Cancel) << 0u << 0 << false << false;
        QTest::newRow("highest id, not in flight") << int(T::Stdout) << 0xffffffffu << 1 << false << false;
    }

    // Payloads of '{': each one is a token of JSON, and nothing in bytes.
    void tokenLimit_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<quint32>("id");
        QTest::addColumn<int>("payload");
        QTest::addColumn<bool>("accepted");
        using T = proto::Type;
        QTest::newRow("Result of 1024 tokens") << int(T::Result) << 3u << 1024 << true;
        QTest::newRow("Result of 1025 tokens") << int(T::Result) << 3u << 1025 << false;
        QTest::newRow("Error of 1 MiB tokens") << int(T::Error) << 3u << (1 << 20) << false;
        QTest::newRow("Event of 2000 tokens") << int(T::Event) << 0u << 2000 << false;
        QTest::newRow("Hello of 2000 tokens") << int(T::Hello) << 0u << 2000 << false;
        QTest::newRow("Stdout of 1 MiB braces is bytes") << int(T::Stdout) << 3u << (1 << 20) << true;
    }

    void tokenLimit()
    {
        QFETCH(int, type);
        QFETCH(quint32, id);
        QFETCH(int, payload);
        QFETCH(bool, accepted);
        const Frame frame{proto::Type(type), id, QByteArray(payload, '{')};
        const QString violation = frameViolation(frame, true);
        QVERIFY2(violation.isEmpty() == accepted, qPrintable(violation));
    }

    void tokens_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qsizetype>("tokens");
        QTest::newRow("empty") << QByteArray() << qsizetype(0);
        QTest::newRow("bash result") << QByteArray(
                "{\"exit_code\":0,\"signal\":null,\"timed_out\":false,\"truncated\":true,\"stdout_bytes\":5}")
                                     << qsizetype(10);
        QTest::newRow("separators inside a string") << QByteArray("{\"output\":\"a,b:[c]{d}\"}") << qsizetype(2);
        QTest::newRow("escaped quote does not end the string")
                << QByteArray("{\"o\":\"\\\",[{:\",\"p\":1}") << qsizetype(4);
        QTest::newRow("escaped backslash ends before the quote") << QByteArray("[\"\\\\\",1]") << qsizetype(2);
        QTest::newRow("unterminated string") << QByteArray("{\"o\":\"[[[[") << qsizetype(2);
        QTest::newRow("1 MiB of empty arrays stops past the limit")
                << QByteArray("[") + QByteArray("[],").repeated(350000) << kMaxJsonTokens + 1;
    }

    void tokens()
    {
        QFETCH(QByteArray, json);
        QFETCH(qsizetype, tokens);
        QCOMPARE(jsonTokens(json), tokens);
    }

    // The output of a tool is one string however many commas it holds.
    void largeStringResultAccepted()
    {
        const QByteArray output = QByteArray("a,b:[{").repeated(170000);
        const Frame frame{proto::Type::Result, 1, "{\"output\":\"" + output + "\"}"};
        QVERIFY(frame.payload.size() < qsizetype(proto::kMaxPayload));
        QVERIFY(frameViolation(frame, true).isEmpty());
    }

    void verdict()
    {
        QFETCH(int, type);
        QFETCH(quint32, id);
        QFETCH(int, payload);
        QFETCH(bool, inFlight);
        QFETCH(bool, accepted);
        const Frame frame{proto::Type(type), id, QByteArray(payload, 'x')};
        const QString violation = frameViolation(frame, inFlight);
        QVERIFY2(violation.isEmpty() == accepted, qPrintable(violation));
    }
};

QTEST_APPLESS_MAIN(tst_FrameCheck)
#include "tst_framecheck.moc"
