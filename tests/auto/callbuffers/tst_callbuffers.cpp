// What the host keeps of a call's output and download, whatever the agent
// sends: the chunks a hostile agent might choose, against the limits.
#include "callbuffers.h"

#include <QTest>

using namespace hako;

Q_DECLARE_METATYPE(hako::CallBuffers::Status)

class tst_CallBuffers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void output_data()
    {
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<QList<int>>("chunks"); // sizes of stdout chunks, in order
        QTest::addColumn<qint64>("kept");       // bytes kept, the host's marker not counted
        QTest::addColumn<qint64>("dropped");
        QTest::addColumn<CallBuffers::Status>("last");
        const qint64 room = 1024 + CallBuffers::kMarkerRoom;
        QTest::newRow("small output") << qint64(1024) << QList<int>{10, 20} << qint64(30) << qint64(0)
                                      << CallBuffers::Status::Ok;
        QTest::newRow("exactly the limit and the marker room")
                << qint64(1024) << QList<int>{int(room)} << room << qint64(0) << CallBuffers::Status::Ok;
        QTest::newRow("the agent's marker after a full limit")
                << qint64(1024) << QList<int>{1024, 60} << qint64(1084) << qint64(0) << CallBuffers::Status::Ok;
        QTest::newRow("one byte past") << qint64(1024) << QList<int>{int(room) + 1} << room << qint64(1)
                                       << CallBuffers::Status::Ok;
        QTest::newRow("empty chunks after the limit")
                << qint64(1024) << QList<int>{int(room), 0, 0} << room << qint64(0) << CallBuffers::Status::Ok;
        QTest::newRow("1 MiB frames into a 1 KiB limit, up to the allowance")
                << qint64(1024) << QList<int>{1 << 20} << room << qint64((1 << 20) - room) << CallBuffers::Status::Ok;
        QTest::newRow("1 MiB frames into a 1 KiB limit, past the allowance")
                << qint64(1024) << QList<int>{1 << 20, 1 << 20} << room << qint64((2 << 20) - room)
                << CallBuffers::Status::Overrun;
        QTest::newRow("a flood of one-byte chunks")
                << qint64(1024) << QList<int>(int(room) + CallBuffers::kOverrunAllowance + 1, 1) << room
                << CallBuffers::kOverrunAllowance + 1 << CallBuffers::Status::Overrun;
    }

    void output()
    {
        QFETCH(qint64, limit);
        QFETCH(QList<int>, chunks);
        QFETCH(qint64, kept);
        QFETCH(qint64, dropped);
        QFETCH(CallBuffers::Status, last);
        CallBuffers buffers(limit, 1 << 20);
        QByteArray shown; // what the output() signal would have carried
        CallBuffers::Status status = CallBuffers::Status::Ok;
        for (int size : chunks)
            shown += buffers.addOutput(CallBuffers::Stream::Stdout, QByteArray(size, 'o'), &status);
        QCOMPARE(status, last);
        QCOMPARE(buffers.dropped(), dropped);
        const QByteArray &out = buffers.output(CallBuffers::Stream::Stdout);
        QCOMPARE(shown, out);
        QCOMPARE(out.endsWith(CallBuffers::hostMarker()), dropped > 0);
        QCOMPARE(out.size() - (dropped > 0 ? CallBuffers::hostMarker().size() : 0), kept);
        QCOMPARE(out.count(CallBuffers::hostMarker()), dropped > 0 ? 1 : 0);
        // The memory held, not only the bytes: growth stops at what may be kept.
        QVERIFY(out.capacity() <= limit + CallBuffers::kMarkerRoom + CallBuffers::hostMarker().size());
        QVERIFY(buffers.output(CallBuffers::Stream::Stderr).isEmpty());
    }

    // Each stream has its own limit; dropped bytes of both count towards the overrun.
    void streamsApart()
    {
        CallBuffers buffers(1024, 1 << 20);
        CallBuffers::Status status;
        buffers.addOutput(CallBuffers::Stream::Stdout, QByteArray(4096, 'o'), &status);
        QCOMPARE(status, CallBuffers::Status::Ok);
        QCOMPARE(buffers.addOutput(CallBuffers::Stream::Stderr, "e", &status), QByteArray("e"));
        buffers.addOutput(CallBuffers::Stream::Stderr, QByteArray(int(CallBuffers::kOverrunAllowance), 'e'), &status);
        QCOMPARE(status, CallBuffers::Status::Overrun);
        QCOMPARE(buffers.output(CallBuffers::Stream::Stderr).size(),
                 1024 + CallBuffers::kMarkerRoom + CallBuffers::hostMarker().size());
    }

    // The host's marker is written once, however the agent's bytes look.
    void markerOnceAgainstAForgedOne()
    {
        CallBuffers buffers(1024, 1 << 20);
        CallBuffers::Status status;
        buffers.addOutput(CallBuffers::Stream::Stdout, CallBuffers::hostMarker(), &status);
        QCOMPARE(buffers.dropped(), qint64(0)); // a forged marker is output like any other
        buffers.addOutput(CallBuffers::Stream::Stdout, QByteArray(4096, 'o'), &status);
        buffers.addOutput(CallBuffers::Stream::Stdout, QByteArray(4096, 'o'), &status);
        const QByteArray &out = buffers.output(CallBuffers::Stream::Stdout);
        QCOMPARE(out.count(CallBuffers::hostMarker()), 2); // the forged one, then the host's
        QCOMPARE(out.size(), 1024 + CallBuffers::kMarkerRoom + CallBuffers::hostMarker().size());
    }

    void download_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::addColumn<QList<int>>("chunks");
        QTest::addColumn<int>("okChunks"); // chunks accepted before TooLarge, or all
        QTest::newRow("kept, under the limit") << true << QList<int>{4096, 4096} << 2;
        QTest::newRow("kept, exactly the limit") << true << QList<int>{65536, 65536} << 2;
        QTest::newRow("kept, one byte past") << true << QList<int>{65536, 65536, 1} << 2;
        QTest::newRow("kept, one 1 MiB frame") << true << QList<int>{1 << 20} << 0;
        QTest::newRow("streamed, past the limit") << false << QList<int>{100000, 100000} << 1;
        QTest::newRow("empty chunks") << true << QList<int>{0, 0, 0} << 3;
    }

    void download()
    {
        QFETCH(bool, keep);
        QFETCH(QList<int>, chunks);
        QFETCH(int, okChunks);
        CallBuffers buffers(1024, 128 * 1024);
        qint64 accepted = 0;
        int ok = 0;
        for (int size : chunks) {
            if (buffers.addDownload(QByteArray(size, 'd'), keep) == CallBuffers::Status::TooLarge)
                break;
            accepted += size;
            ++ok;
        }
        QCOMPARE(ok, okChunks);
        QVERIFY(buffers.downloaded() >= accepted);
        QCOMPARE(buffers.download().size(), keep ? accepted : 0);
        QVERIFY(buffers.download().capacity() <= 128 * 1024);
    }
};

QTEST_APPLESS_MAIN(tst_CallBuffers)
#include "tst_callbuffers.moc"
