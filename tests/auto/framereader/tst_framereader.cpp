#include "channel/framereader.h"

#include <QTest>

using namespace hako;

Q_DECLARE_METATYPE(hako::FrameReader::Status)

class tst_FrameReader : public QObject
{
    Q_OBJECT

    static QByteArray header(quint32 length, quint8 type, quint32 id)
    {
        QByteArray h(9, '\0');
        auto *p = reinterpret_cast<unsigned char *>(h.data());
        proto::writeBe32(p, length);
        p[4] = type;
        proto::writeBe32(p + 5, id);
        return h;
    }

private Q_SLOTS:
    void firstFrame_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<FrameReader::Status>("status");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("hello") << packFrame(proto::Type::Hello, 0, "{}") << FrameReader::Status::Frame << QByteArray("{}");
        QTest::newRow("empty payload") << packFrame(proto::Type::Cancel, 7, {}) << FrameReader::Status::Frame << QByteArray();
        QTest::newRow("binary payload") << packFrame(proto::Type::Stdout, 1, QByteArray("\0\xff\n", 3))
                                        << FrameReader::Status::Frame << QByteArray("\0\xff\n", 3);
        QTest::newRow("partial header") << QByteArray("\0\0\0", 3) << FrameReader::Status::NeedMore << QByteArray();
        QTest::newRow("partial payload") << header(10, 6, 1) + "abc" << FrameReader::Status::NeedMore << QByteArray();
        QTest::newRow("type zero") << header(0, 0, 1) << FrameReader::Status::Bad << QByteArray();
        QTest::newRow("type unknown") << header(0, 200, 1) << FrameReader::Status::Bad << QByteArray();
        QTest::newRow("one byte too large") << header(proto::kMaxPayload + 1, 6, 1) << FrameReader::Status::Bad << QByteArray();
        QTest::newRow("4 GiB length") << header(0xffffffffu, 6, 1) << FrameReader::Status::Bad << QByteArray();
        QTest::newRow("largest allowed, incomplete") << header(proto::kMaxPayload, 6, 1) << FrameReader::Status::NeedMore << QByteArray();
    }

    void firstFrame()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(FrameReader::Status, status);
        QFETCH(QByteArray, payload);
        FrameReader reader;
        reader.append(bytes);
        Frame frame;
        QCOMPARE(reader.next(&frame), status);
        if (status == FrameReader::Status::Frame)
            QCOMPARE(frame.payload, payload);
    }

    void byteByByte()
    {
        const QByteArray stream = packFrame(proto::Type::Stdout, 1, "one") + packFrame(proto::Type::Result, 1, "{}");
        FrameReader reader;
        QList<Frame> frames;
        for (char c : stream) {
            reader.append(QByteArray(1, c));
            Frame f;
            while (reader.next(&f) == FrameReader::Status::Frame)
                frames << f;
        }
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames.at(0).payload, QByteArray("one"));
        QCOMPARE(frames.at(1).type, proto::Type::Result);
        QCOMPARE(frames.at(1).id, 1u);
    }
};

QTEST_APPLESS_MAIN(tst_FrameReader)
#include "tst_framereader.moc"
