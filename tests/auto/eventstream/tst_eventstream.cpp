// Token counts from Bedrock's event streams, fed in every split, and from
// hostile streams: lying lengths, over-long messages, bad headers, numbers
// that are not whole counts.
#include "eventstream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <QtTest>

using namespace hako::proxy;

namespace {

QByteArray header(const QByteArray &name, const QByteArray &value)
{
    QByteArray out(1, char(name.size()));
    out += name + '\x07';
    quint16 length = qToBigEndian<quint16>(quint16(value.size()));
    out.append(reinterpret_cast<const char *>(&length), 2);
    return out + value;
}

QByteArray be32(quint32 v)
{
    v = qToBigEndian(v);
    return QByteArray(reinterpret_cast<const char *>(&v), 4);
}

// CRCs are not checked by the reader: zeros.
QByteArray frame(const QByteArray &event, const QByteArray &payload, const QByteArray &extraHeaders = {})
{
    const QByteArray headers = extraHeaders + header(":message-type", "event") + header(":event-type", event);
    const quint32 total = quint32(12 + headers.size() + payload.size() + 4);
    return be32(total) + be32(quint32(headers.size())) + be32(0) + headers + payload + be32(0);
}

QByteArray metadata(const QByteArray &in, const QByteArray &out)
{
    return frame("metadata", R"({"usage":{"inputTokens":)" + in + R"(,"outputTokens":)" + out + "}}");
}

QByteArray lastChunk(qint64 in, qint64 out)
{
    const QByteArray inner = R"({"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":)"
                             + QByteArray::number(in) + R"(,"outputTokenCount":)" + QByteArray::number(out) + "}}";
    return frame("chunk", R"({"bytes":")" + inner.toBase64() + R"("})");
}

} // namespace

class TestEventStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counts_data();
    void counts();
    void everySplit();
    void headerValue_data();
    void headerValue();
};

void TestEventStream::counts_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<bool>("seen");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<bool>("broken");
    const QByteArray text = frame("chunk", R"({"bytes":"eyJ0ZXh0IjoiaGkifQ=="})");
    QTest::newRow("converse-stream") << text + metadata("12", "34") << true << qint64(12) << qint64(34) << false;
    QTest::newRow("invoke stream") << text + lastChunk(5, 6) << true << qint64(5) << qint64(6) << false;
    QTest::newRow("no usage") << text + text << false << qint64(0) << qint64(0) << false;
    QTest::newRow("other headers first") << frame("metadata", R"({"usage":{"inputTokens":1,"outputTokens":2}})",
                                                  QByteArray("\x04"
                                                             "flag\x00",
                                                             6)
                                                          + QByteArray("\x03num\x04\x00\x00\x00\x07", 9))
                                         << true << qint64(1) << qint64(2) << false;
    QTest::newRow("over-long message skipped")
            << frame("chunk", QByteArray(EventStreamTokens::kMaxMessage + 10, 'x')) + metadata("7", "8") << true
            << qint64(7) << qint64(8) << false;
    QTest::newRow("negative") << metadata("-1", "2") << false << qint64(0) << qint64(0) << false;
    QTest::newRow("fraction") << metadata("1.5", "2") << false << qint64(0) << qint64(0) << false;
    QTest::newRow("huge") << metadata("1e300", "2") << false << qint64(0) << qint64(0) << false;
    QTest::newRow("string") << metadata("\"9\"", "2") << false << qint64(0) << qint64(0) << false;
    QTest::newRow("exception event") << frame("exception", R"({"usage":{"inputTokens":1,"outputTokens":2}})") << false
                                     << qint64(0) << qint64(0) << false;
    QTest::newRow("total shorter than prelude")
            << be32(8) + be32(0) + be32(0) + metadata("1", "1") << false << qint64(0) << qint64(0) << true;
    QTest::newRow("headers longer than message")
            << be32(40) + be32(100) + be32(0) + QByteArray(28, 'h') << false << qint64(0) << qint64(0) << true;
    QTest::newRow("header length past end")
            << QByteArray(metadata("1", "2"))
                       .replace(QByteArray(":event-type\x07\x00\x08", 14), QByteArray(":event-type\x07\xff\xff", 14))
            << false << qint64(0) << qint64(0) << false;
    QTest::newRow("unknown header type") << frame("metadata", R"({"usage":{"inputTokens":1,"outputTokens":2}})",
                                                  QByteArray("\x01x\x0f", 3))
                                         << false << qint64(0) << qint64(0) << false;
    QTest::newRow("counted, then garbage")
            << metadata("3", "4") + QByteArray(12, '\0') << true << qint64(3) << qint64(4) << true;
}

void TestEventStream::counts()
{
    QFETCH(QByteArray, stream);
    QFETCH(bool, seen);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(bool, broken);
    EventStreamTokens reader;
    reader.feed(stream);
    QCOMPARE(reader.counts().seen, seen);
    QCOMPARE(reader.counts().input, input);
    QCOMPARE(reader.counts().output, output);
    QCOMPARE(reader.broken(), broken);
}

// However the stream is cut into pieces, the counts are the same.
void TestEventStream::everySplit()
{
    const QByteArray stream = frame("chunk", R"({"bytes":"eyJ0ZXh0IjoiaGkifQ=="})") + lastChunk(11, 22);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        EventStreamTokens reader;
        reader.feed(QByteArrayView(stream).first(cut));
        reader.feed(QByteArrayView(stream).sliced(cut));
        QCOMPARE(reader.counts().input, qint64(11));
        QCOMPARE(reader.counts().output, qint64(22));
    }
    EventStreamTokens bytewise;
    for (char c : stream)
        bytewise.feed(QByteArrayView(&c, 1));
    QVERIFY(bytewise.counts().seen);
}

void TestEventStream::headerValue_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("plain") << QByteArray("123") << qint64(123);
    QTest::newRow("spaces") << QByteArray(" 7 ") << qint64(7);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("sign") << QByteArray("+5") << qint64(-1);
    QTest::newRow("hex") << QByteArray("0x10") << qint64(-1);
    QTest::newRow("too big") << QByteArray("99999999999999999999") << qint64(-1);
    QTest::newRow("list") << QByteArray("1, 2") << qint64(-1);
}

void TestEventStream::headerValue()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    QCOMPARE(parseTokenCount(value), expected);
}

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
