#include "channel/framereader.h"

#include <QTest>

#include <algorithm>

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
        QTest::newRow("hello") << packFrame(proto::Type::Hello, 0, "{}") << FrameReader::Status::Frame
                               << QByteArray("{}");
        QTest::newRow("empty payload") << packFrame(proto::Type::Cancel, 7, {}) << FrameReader::Status::Frame
                                       << QByteArray();
        QTest::newRow("binary payload") << packFrame(proto::Type::Stdout, 1, QByteArray("\0\xff\n", 3))
                                        << FrameReader::Status::Frame << QByteArray("\0\xff\n", 3);
        QTest::newRow("partial header") << QByteArray("\0\0\0", 3) << FrameReader::Status::NeedMore << QByteArray();
        QTest::newRow("partial payload") << header(10, 6, 1) + "abc" << FrameReader::Status::NeedMore << QByteArray();
        QTest::newRow("type zero") << header(0, 0, 1) << FrameReader::Status::Bad << QByteArray();
        QTest::newRow("type unknown") << header(0, 200, 1) << FrameReader::Status::Bad << QByteArray();
        QTest::newRow("one byte too large")
                << header(proto::kMaxPayload + 1, 6, 1) << FrameReader::Status::Bad << QByteArray();
        QTest::newRow("4 GiB length") << header(0xffffffffu, 6, 1) << FrameReader::Status::Bad << QByteArray();
        QTest::newRow("largest allowed, incomplete")
                << header(proto::kMaxPayload, 6, 1) << FrameReader::Status::NeedMore << QByteArray();
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

    // With tags on, a frame is whole only with the kTagBytes after its payload.
    void tagged_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<FrameReader::Status>("status");
        QTest::addColumn<QByteArray>("payload");
        const QByteArray tag = "0123456789abcdef";
        QTest::newRow("frame and tag") << packFrame(proto::Type::Result, 1, "{}") + tag << FrameReader::Status::Frame
                                       << QByteArray("{}");
        QTest::newRow("empty payload and tag")
                << packFrame(proto::Type::Cancel, 7, {}) + tag << FrameReader::Status::Frame << QByteArray();
        QTest::newRow("tag one byte short") << packFrame(proto::Type::Result, 1, "{}") + tag.left(15)
                                            << FrameReader::Status::NeedMore << QByteArray();
        QTest::newRow("no tag") << packFrame(proto::Type::Result, 1, "{}") << FrameReader::Status::NeedMore
                                << QByteArray();
        QTest::newRow("largest frame and tag")
                << packFrame(proto::Type::FileData, 1, QByteArray(int(proto::kMaxPayload), 'b')) + tag
                << FrameReader::Status::Frame << QByteArray(int(proto::kMaxPayload), 'b');
    }

    void tagged()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(FrameReader::Status, status);
        QFETCH(QByteArray, payload);
        FrameReader reader;
        reader.setTagged(true);
        // The largest frame and its tag fit in the capacity.
        QCOMPARE(reader.append(bytes), bytes.size());
        Frame frame;
        QCOMPARE(reader.next(&frame), status);
        if (status != FrameReader::Status::Frame)
            return;
        QCOMPARE(frame.payload, payload);
        QCOMPARE(QByteArray(frame.tag.data(), qsizetype(frame.tag.size())), QByteArray("0123456789abcdef"));
        QCOMPARE(reader.buffered(), qsizetype(0)); // the tag is taken with its frame
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

    // A peer writing faster than frames are taken: the reader takes only what
    // fits, however the bytes are cut, and gives every frame back whole.
    void boundedWhateverTheFeed_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("payload");
        QTest::addColumn<int>("piece");
        QTest::newRow("1 MiB frames, fed 4 MiB at a time") << 6 << int(proto::kMaxPayload) << (4 << 20);
        QTest::newRow("1 MiB frames, fed 1 MiB + 1 at a time") << 4 << int(proto::kMaxPayload) << (1 << 20) + 1;
        QTest::newRow("1 MiB frames, fed 7 bytes at a time") << 2 << int(proto::kMaxPayload) << 7;
        QTest::newRow("small frames, fed 3 MiB at a time") << 100000 << 20 << (3 << 20);
        QTest::newRow("empty frames, fed whole") << 500000 << 0 << (9 * 500000);
        QTest::newRow("frames one byte past a 64 KiB step") << 40 << 65536 - 8 << 100000;
    }

    void boundedWhateverTheFeed()
    {
        QFETCH(int, frames);
        QFETCH(int, payload);
        QFETCH(int, piece);
        QByteArray stream;
        for (int i = 0; i < frames; ++i)
            stream += packFrame(proto::Type::Stdout, quint32(i + 1), QByteArray(payload, char('a' + i % 26)));
        FrameReader reader;
        qsizetype fed = 0;
        int taken = 0;
        while (fed < stream.size()) {
            const qsizetype n =
                    reader.append(stream.constData() + fed, std::min<qsizetype>(piece, stream.size() - fed));
            fed += n;
            QVERIFY(reader.buffered() <= FrameReader::kCapacity);
            QVERIFY(reader.storage() <= FrameReader::kCapacity);
            Frame frame;
            FrameReader::Status status;
            while ((status = reader.next(&frame)) == FrameReader::Status::Frame) {
                QCOMPARE(frame.id, quint32(taken + 1));
                QCOMPARE(frame.payload.size(), qsizetype(payload));
                if (payload > 0)
                    QCOMPARE(frame.payload.front(), char('a' + taken % 26));
                ++taken;
            }
            QCOMPARE(status, FrameReader::Status::NeedMore);
            QVERIFY2(n > 0 || reader.space() > 0, "a drained reader must take more");
        }
        QCOMPARE(taken, frames);
        QCOMPARE(reader.buffered(), qsizetype(0));
    }

    // Fed and never drained, the reader stops at one largest frame.
    void fullReaderTakesNothing_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::newRow("largest frame") << header(proto::kMaxPayload, 6, 1);
        QTest::newRow("many small frames") << packFrame(proto::Type::Stderr, 3, "x");
    }

    void fullReaderTakesNothing()
    {
        QFETCH(QByteArray, first);
        FrameReader reader;
        const QByteArray flood(8 << 20, '\x06');
        QCOMPARE(reader.append(first), first.size());
        qsizetype total = first.size();
        for (int i = 0; i < 8; ++i)
            total += reader.append(flood);
        QCOMPARE(total, reader.capacity());
        QCOMPARE(reader.capacity(), FrameReader::kCapacity - qsizetype(proto::kTagBytes)); // no tags by default
        QCOMPARE(reader.space(), qsizetype(0));
        QCOMPARE(reader.append(flood), qsizetype(0));
        QVERIFY(reader.storage() <= FrameReader::kCapacity);
    }

    // Taking a frame makes room again; the rest of a frame cut at the edge is kept.
    void roomAfterTaking()
    {
        FrameReader reader;
        const QByteArray big = packFrame(proto::Type::FileData, 1, QByteArray(int(proto::kMaxPayload), 'b'));
        const QByteArray next = packFrame(proto::Type::Result, 1, "{}");
        const QByteArray stream = big + next;
        qsizetype fed = reader.append(stream);
        QCOMPARE(fed, big.size());
        Frame frame;
        QCOMPARE(reader.next(&frame), FrameReader::Status::Frame);
        QCOMPARE(frame.payload.size(), qsizetype(proto::kMaxPayload));
        QCOMPARE(reader.next(&frame), FrameReader::Status::NeedMore);
        fed += reader.append(stream.mid(fed));
        QCOMPARE(fed, stream.size());
        QCOMPARE(reader.next(&frame), FrameReader::Status::Frame);
        QCOMPARE(frame.type, proto::Type::Result);
    }
};

QTEST_APPLESS_MAIN(tst_FrameReader)
#include "tst_framereader.moc"
