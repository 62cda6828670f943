// hako::FileTransfer: write_file and read_file with the bytes streamed from
// and to a host QIODevice, against a real container. Good devices round-trip
// every byte; bad ones are refused before anything runs; a device failing
// midway fails the call and leaves nothing half-written behind.
#include "pluginsession.h"

#include <hako/filetransfer.h>
#include <hako/toolcall.h>

#include <QBuffer>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

namespace {

const QString kConversation = QStringLiteral("transfer");

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// A buffer that cannot be seeked: what a pipe or a socket looks like.
class SequentialBuffer final : public QBuffer
{
public:
    bool isSequential() const override { return true; }
};

// A sink that takes `room` bytes, then fails as a full disk would.
class FullSink final : public QIODevice
{
public:
    explicit FullSink(qint64 room) : m_room(room) { open(QIODevice::WriteOnly); }
    qint64 taken = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        if (taken + size > m_room) {
            setErrorString(QStringLiteral("no space left"));
            return -1;
        }
        taken += size;
        return size;
    }

private:
    qint64 m_room;
};

// A source that asks for the call to be cancelled once `after` bytes have
// been read from it, from the event loop as a host's UI would: the cancel
// then lands in the middle of the stream.
class CancellingSource final : public QBuffer
{
public:
    CancellingSource(QByteArray *content, qint64 after) : QBuffer(content), m_after(after) {}
    hako::ToolCall *call = nullptr;

protected:
    qint64 readData(char *data, qint64 size) override
    {
        if (call && !m_asked && pos() >= m_after) {
            m_asked = true;
            QMetaObject::invokeMethod(call, &hako::ToolCall::cancel, Qt::QueuedConnection);
        }
        return QBuffer::readData(data, size);
    }

private:
    qint64 m_after;
    bool m_asked = false;
};

} // namespace

class tst_Transfer : public QObject
{
    Q_OBJECT

    PluginSession m_session;
    hako::FileTransfer *m_transfer = nullptr;

    CallReply write(const QString &path, QIODevice *source)
    {
        return PluginSession::finish(m_transfer->writeFile(kConversation, QStringLiteral("w"), path, source));
    }

    CallReply read(const QString &path, QIODevice *sink)
    {
        return PluginSession::finish(m_transfer->readFile(kConversation, QStringLiteral("r"), path, sink));
    }

    QString workspaceSha(const QString &file)
    {
        const CallReply r = m_session.bash(kConversation, QStringLiteral("sha256sum < ") + file);
        return r.result.value(QLatin1String("stdout")).toString().section(QLatin1Char(' '), 0, 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_session.open({{QStringLiteral("tools.transferLimit"), QStringLiteral("8m")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_transfer = qobject_cast<hako::FileTransfer *>(m_session.instance());
        QVERIFY2(m_transfer, "the plugin offers " HakoFileTransfer_iid);
    }

    void cleanupTestCase() { m_session.end(kConversation); }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("NUL and high bytes") << QByteArray("\0\xff\n\r\0", 5);
        QTest::newRow("3 MiB random") << randomBytes(3 << 20);
        QTest::newRow("exactly the limit") << randomBytes(8 << 20);
    }

    void roundTrip()
    {
        QFETCH(QByteArray, content);
        QBuffer source(&content);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const CallReply w = write(QStringLiteral("/workspace/f.bin"), &source);
        QVERIFY2(!w.error, qPrintable(w.error.logMessage));
        QCOMPARE(w.result.value(QLatin1String("size")).toDouble(), double(content.size()));
        QCOMPARE(workspaceSha(QStringLiteral("/workspace/f.bin")),
                 QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));

        QByteArray back;
        QBuffer sink(&back);
        QVERIFY(sink.open(QIODevice::WriteOnly));
        const CallReply r = read(QStringLiteral("f.bin"), &sink);
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QCOMPARE(r.result.value(QLatin1String("size")).toDouble(), double(content.size()));
        QVERIFY(back == content);
    }

    void sourceIsReadFromItsPosition()
    {
        QByteArray content("header:body");
        QBuffer source(&content);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(source.seek(7));
        QVERIFY(!write(QStringLiteral("/workspace/body"), &source).error);
        QCOMPARE(m_session.bash(kConversation, QStringLiteral("cat /workspace/body"))
                         .result.value(QLatin1String("stdout"))
                         .toString(),
                 QStringLiteral("body"));
    }

    void badDevicesAreRefused_data()
    {
        QTest::addColumn<bool>("upload");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        // kind: 0 no device, 1 not open, 2 wrong direction, 3 sequential
        QTest::newRow("no source") << true << 0 << "bad_input";
        QTest::newRow("source not open") << true << 1 << "bad_input";
        QTest::newRow("source open for writing only") << true << 2 << "bad_input";
        QTest::newRow("sequential source") << true << 3 << "bad_input";
        QTest::newRow("no sink") << false << 0 << "bad_input";
        QTest::newRow("sink not open") << false << 1 << "bad_input";
        QTest::newRow("sink open for reading only") << false << 2 << "bad_input";
    }

    void badDevicesAreRefused()
    {
        QFETCH(bool, upload);
        QFETCH(int, kind);
        QFETCH(QString, code);
        QByteArray bytes("content");
        SequentialBuffer device;
        device.setBuffer(&bytes);
        if (kind == 2)
            QVERIFY(device.open(upload ? QIODevice::WriteOnly : QIODevice::ReadOnly));
        if (kind == 3)
            QVERIFY(device.open(QIODevice::ReadOnly));
        QIODevice *given = kind == 0 ? nullptr : &device;
        const QString path = QStringLiteral("/workspace/refused");
        const CallReply reply = upload ? write(path, given) : read(QStringLiteral("/workspace/body"), given);
        QCOMPARE(reply.error.code, code);
        QVERIFY(!reply.error.message.isEmpty());
        QCOMPARE(m_session.bash(kConversation, QStringLiteral("test -e ") + path)
                         .result.value(QLatin1String("exit_code"))
                         .toInt(),
                 1);
    }

    void limitsAndPathsAreTheTools_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<QString>("code");
        QTest::newRow("over the limit") << "/workspace/big" << qsizetype((8 << 20) + 1) << "too_large";
        QTest::newRow("outside the workspace") << "/etc/hako-probe" << qsizetype(10) << "path_outside_workspace";
        QTest::newRow("traversal") << "../../etc/hako-probe" << qsizetype(10) << "path_outside_workspace";
    }

    void limitsAndPathsAreTheTools()
    {
        QFETCH(QString, path);
        QFETCH(qsizetype, size);
        QFETCH(QString, code);
        QByteArray content = randomBytes(size);
        QBuffer source(&content);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(write(path, &source).error.code, code);
        // Nothing half-written stays behind: no target, no temporary file.
        const CallReply left = m_session.bash(
                kConversation, QStringLiteral("ls -A /workspace | grep -c -e '^big$' -e '^.hako-' || true"));
        QCOMPARE(left.result.value(QLatin1String("stdout")).toString().trimmed(), QStringLiteral("0"));
    }

    void failingSinkFailsTheCall()
    {
        QByteArray content = randomBytes(4 << 20);
        QBuffer source(&content);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(!write(QStringLiteral("/workspace/four"), &source).error);
        FullSink sink(1 << 20);
        const CallReply r = read(QStringLiteral("/workspace/four"), &sink);
        QCOMPARE(r.error.code, QStringLiteral("transfer_io"));
        QVERIFY2(r.error.logMessage.contains(QLatin1String("no space left")), qPrintable(r.error.logMessage));
        QVERIFY(sink.taken <= 1 << 20);
        // The conversation's channel is still good for the next call.
        QCOMPARE(workspaceSha(QStringLiteral("/workspace/four")),
                 QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    }

    void cancelledUploadLeavesNothing_data()
    {
        QTest::addColumn<qint64>("after");
        QTest::newRow("before the first byte") << qint64(-1);
        QTest::newRow("after 2 MiB of 64") << qint64(2 << 20);
    }

    void cancelledUploadLeavesNothing()
    {
        QFETCH(qint64, after);
        QByteArray content = randomBytes(64 << 20);
        CancellingSource source(&content, after);
        QVERIFY(source.open(QIODevice::ReadOnly));
        hako::ToolCall *call =
                m_transfer->writeFile(kConversation, QStringLiteral("c"), QStringLiteral("/workspace/cut"), &source);
        if (after < 0)
            call->cancel();
        else
            source.call = call;
        const CallReply r = PluginSession::finish(call);
        QCOMPARE(r.error.code, QStringLiteral("cancelled"));
        if (after >= 0) { // the cancel came in the middle of the stream, not after it
            qInfo("source read up to %lld of %lld bytes", source.pos(), qint64(content.size()));
            QVERIFY2(source.pos() >= after && source.pos() < content.size(), qPrintable(QString::number(source.pos())));
        }
        const CallReply left = m_session.bash(
                kConversation, QStringLiteral("ls -A /workspace | grep -c -e '^cut$' -e '^.hako-' || true"));
        QCOMPARE(left.result.value(QLatin1String("stdout")).toString().trimmed(), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(tst_Transfer)
#include "tst_transfer.moc"
