// The line transport over real pipes: framing, CRLF, blank lines, a last line
// without newline, oversized lines, end of input and a reader that left.
#include "mcp/stdiochannel.h"

#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace hako::host;

class tst_StdioChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framing_data()
    {
        QTest::addColumn<QByteArrayList>("writes");
        QTest::addColumn<QByteArrayList>("messages");
        QTest::addColumn<int>("oversized");

        QTest::newRow("two lines") << QByteArrayList{"{\"a\":1}\n{\"b\":2}\n"}
                                   << QByteArrayList{"{\"a\":1}", "{\"b\":2}"} << 0;
        QTest::newRow("split across writes") << QByteArrayList{"{\"a\"", ":1}\n"} << QByteArrayList{"{\"a\":1}"} << 0;
        QTest::newRow("CRLF and blank lines") << QByteArrayList{"\n\r\n{}\r\n  \n"} << QByteArrayList{"{}"} << 0;
        QTest::newRow("last line without newline") << QByteArrayList{"{}\n[1]"} << QByteArrayList{"{}", "[1]"} << 0;
        QTest::newRow("oversized line dropped")
                << QByteArrayList{QByteArray(40, 'x'), QByteArray(40, 'y') + "\n{}\n"} << QByteArrayList{"{}"} << 1;
        QTest::newRow("line at the limit kept")
                << QByteArrayList{QByteArray(32, 'z') + "\n"} << QByteArrayList{QByteArray(32, 'z')} << 0;
    }

    void framing()
    {
        QFETCH(QByteArrayList, writes);
        QFETCH(QByteArrayList, messages);
        QFETCH(int, oversized);
        int in[2];
        QVERIFY(::pipe(in) == 0);
        StdioChannel channel(in[0], -1, 32);
        QSignalSpy received(&channel, &StdioChannel::received);
        QSignalSpy tooLong(&channel, &StdioChannel::oversized);
        QSignalSpy closed(&channel, &StdioChannel::closed);
        for (const QByteArray &w : writes) {
            QCOMPARE(::write(in[1], w.constData(), size_t(w.size())), ssize_t(w.size()));
            QTest::qWait(20); // one read per write
        }
        ::close(in[1]);
        QTRY_COMPARE(closed.size(), 1);
        QByteArrayList got;
        for (const QList<QVariant> &args : received)
            got << args.first().toByteArray();
        QCOMPARE(got, messages);
        QCOMPARE(int(tooLong.size()), oversized);
        ::close(in[0]);
    }

    void writeAddsNewline()
    {
        int out[2];
        QVERIFY(::pipe(out) == 0);
        StdioChannel channel(-1, out[1], 32);
        QVERIFY(channel.write("{\"x\":1}"));
        char buffer[64] = {};
        QCOMPARE(::read(out[0], buffer, sizeof buffer), ssize_t(8));
        QCOMPARE(QByteArray(buffer), QByteArray("{\"x\":1}\n"));
        ::close(out[0]);
        // The reader has gone: no SIGPIPE, just false.
        QVERIFY(!channel.write("{}"));
        ::close(out[1]);
    }
};

QTEST_GUILESS_MAIN(tst_StdioChannel)
#include "tst_stdiochannel.moc"
