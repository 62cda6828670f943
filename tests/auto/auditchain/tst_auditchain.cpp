// The audit log's chain and checkpoints against a real file: every kind of
// tampering is found at the line where it happened; rotation, restarts and
// several writers keep one chain; a damaged tail starts a marked segment;
// the signing key is kept private; `hako-host audit` reports with exit codes.
#include "auditfixture.h"

#include "audit/auditchain.h"
#include "audit/auditverify.h"
#include "telemetry/auditlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hako;
using namespace hako::test;

namespace {

// Applies the attack named `name` to the standard log's lines.
void tamper(const QString &name, QByteArrayList *lines, const AuditFixture &fixture)
{
    if (name == QLatin1String("edit one byte")) {
        (*lines)[4].replace("conv-", "conw-");
    } else if (name == QLatin1String("edit a number")) {
        (*lines)[2].replace("\"count\":3", "\"count\":1");
    } else if (name == QLatin1String("delete a line")) {
        lines->removeAt(5);
    } else if (name == QLatin1String("insert a copy")) {
        lines->insert(3, lines->at(2));
    } else if (name == QLatin1String("insert a linked line")) {
        // Sealed onto line 3 as the writer would have: the break shows at the line it displaced.
        audit::SealedLine third;
        audit::parseLine(lines->at(2), &third);
        audit::ChainHead head;
        lines->insert(3, audit::sealLine(objectOf(lines->at(0)), {third.seq, third.hash}, &head).chopped(1));
    } else if (name == QLatin1String("insert from another log")) {
        QByteArrayList other = *lines;
        other[0].replace("call-1", "call-X");
        reseal(&other, 0, nullptr);
        lines->insert(6, other.at(6));
    } else if (name == QLatin1String("swap two lines")) {
        lines->swapItemsAt(5, 6);
    } else if (name == QLatin1String("truncate the tail")) {
        lines->last().chop(10);
    } else if (name == QLatin1String("forge a checkpoint")) {
        // Valid shape, the real key's ID, another key's signature; the chain resealed after it.
        QJsonObject checkpoint = objectOf(lines->at(7));
        audit::SealedLine before;
        audit::parseLine(lines->at(6), &before);
        checkpoint.insert(
                QStringLiteral("sig"),
                QString::fromLatin1(
                        fixture.otherKey().sign(audit::checkpointMessage(before.seq + 1, before.hash)).toBase64()));
        (*lines)[7] = QJsonDocument(checkpoint).toJson(QJsonDocument::Compact);
        reseal(lines, 7, nullptr);
    } else if (name == QLatin1String("edit and reseal")) {
        (*lines)[5].replace("\"ok\"", "\"error\"");
        reseal(lines, 5, nullptr);
    } else if (name == QLatin1String("edit, reseal and re-sign")) {
        (*lines)[1].replace("denied", "allowed");
        reseal(lines, 1, &fixture.otherKey());
    }
}

} // namespace

class tst_AuditChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intactLogHolds()
    {
        AuditFixture fixture;
        fixture.writeStandardLog();
        const QByteArrayList lines = readLines(fixture.path());
        QCOMPARE(lines.size(), 10);
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(objectOf(lines.at(i)).value(QLatin1String("seq")).toInt(), i + 1);
        QCOMPARE(objectOf(lines.at(3)).value(QLatin1String("event")).toString(), QStringLiteral("checkpoint"));
        QCOMPARE(objectOf(lines.at(9)).value(QLatin1String("event")).toString(), QStringLiteral("checkpoint"));
        const audit::VerifyReport report = audit::verifyLog({fixture.path()}, &fixture.publicKey());
        QVERIFY2(report.ok(), qPrintable(report.problem));
        QCOMPARE(report.lines, 10);
        QCOMPARE(report.checkpoints, 3);
        QCOMPARE(report.signedChecked, 3);
        QCOMPARE(report.linesAfterLastCheckpoint, 0);
    }

    void tamperingIsFoundAtItsLine_data()
    {
        QTest::addColumn<bool>("withKey");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("problem");
        QTest::newRow("edit one byte") << false << 5 << "hash does not match";
        QTest::newRow("edit a number") << false << 3 << "hash does not match";
        QTest::newRow("delete a line") << false << 6 << "missing or moved";
        QTest::newRow("insert a copy") << false << 4 << "inserted or moved";
        QTest::newRow("insert a linked line") << false << 5 << "inserted or moved";
        QTest::newRow("insert from another log") << false << 7 << "does not link";
        QTest::newRow("swap two lines") << false << 6 << "missing or moved";
        QTest::newRow("truncate the tail") << false << 10 << "cut short";
        QTest::newRow("forge a checkpoint") << true << 8 << "does not verify";
        QTest::newRow("edit and reseal") << true << 8 << "does not verify";
        QTest::newRow("edit, reseal and re-sign") << true << 4 << "another signing key";
    }

    void tamperingIsFoundAtItsLine()
    {
        QFETCH(bool, withKey);
        QFETCH(int, line);
        QFETCH(QString, problem);
        AuditFixture fixture;
        fixture.writeStandardLog();
        QByteArrayList lines = readLines(fixture.path());
        tamper(QString::fromLatin1(QTest::currentDataTag()), &lines, fixture);
        writeLines(fixture.path(), lines);
        if (QLatin1String(QTest::currentDataTag()) == QLatin1String("truncate the tail")) {
            QFile f(fixture.path());
            QVERIFY(f.resize(f.size() - 1)); // no newline after the cut line either
        }
        const audit::VerifyReport report = audit::verifyLog({fixture.path()}, withKey ? &fixture.publicKey() : nullptr);
        QVERIFY(!report.ok());
        QCOMPARE(report.line, line);
        QCOMPARE(report.file, fixture.path());
        QVERIFY2(report.problem.contains(problem), qPrintable(report.problem));
    }

    // What an unkeyed hash cannot catch, the signature does: a resealed log holds as a chain.
    void resealedLogNeedsTheKey()
    {
        AuditFixture fixture;
        fixture.writeStandardLog();
        QByteArrayList lines = readLines(fixture.path());
        tamper(QStringLiteral("edit, reseal and re-sign"), &lines, fixture);
        writeLines(fixture.path(), lines);
        QVERIFY(audit::verifyLog({fixture.path()}, nullptr).ok());
        QVERIFY(!audit::verifyLog({fixture.path()}, &fixture.publicKey()).ok());
    }

    void rotationKeepsTheChain()
    {
        AuditFixture fixture;
        const QString rotated = fixture.path() + QStringLiteral(".1");
        {
            telemetry::AuditLog log;
            QVERIFY(!log.open(fixture.path(), fixture.keyFile()));
            log.securityEvent(QStringLiteral("c"), QStringLiteral("one"));
            log.securityEvent(QStringLiteral("c"), QStringLiteral("two"));
            QVERIFY(QFile::rename(fixture.path(), rotated)); // logrotate, while the host runs
            log.securityEvent(QStringLiteral("c"), QStringLiteral("three"));
            log.checkpoint();
        }
        const QByteArrayList fresh = readLines(fixture.path());
        QCOMPARE(fresh.size(), 2); // the event and the checkpoint
        QCOMPARE(objectOf(fresh.first()).value(QLatin1String("seq")).toInt(), 3);
        const audit::VerifyReport both = audit::verifyLog({rotated, fixture.path()}, &fixture.publicKey());
        QVERIFY2(both.ok(), qPrintable(both.problem));
        QCOMPARE(both.lines, 4);
        const audit::VerifyReport alone = audit::verifyLog({fixture.path()}, &fixture.publicKey());
        QVERIFY(alone.ok());
        QCOMPARE(alone.firstSeq, 3);
        const audit::VerifyReport reversed = audit::verifyLog({fixture.path(), rotated}, nullptr);
        QVERIFY(!reversed.ok());
        QCOMPARE(reversed.file, rotated);
        QCOMPARE(reversed.line, 1);
    }

    void restartResumesTheChain()
    {
        AuditFixture fixture;
        fixture.writeStandardLog();
        {
            telemetry::AuditLog log;
            QVERIFY(!log.open(fixture.path(), fixture.keyFile()));
            log.toolCall({QStringLiteral("c"),
                          QStringLiteral("after"),
                          QStringLiteral("bash"),
                          QStringLiteral("ok"),
                          1,
                          0,
                          {}});
            log.checkpoint();
            log.checkpoint(); // nothing new since: no second line
        }
        const QByteArrayList lines = readLines(fixture.path());
        QCOMPARE(lines.size(), 12);
        QCOMPARE(objectOf(lines.at(10)).value(QLatin1String("seq")).toInt(), 11);
        const audit::VerifyReport report = audit::verifyLog({fixture.path()}, &fixture.publicKey());
        QVERIFY2(report.ok(), qPrintable(report.problem));
        QCOMPARE(report.signedChecked, 4);
    }

    void twoLogsOnOneFileInterleave()
    {
        AuditFixture fixture;
        telemetry::AuditLog first, second;
        QVERIFY(!first.open(fixture.path(), fixture.keyFile()));
        QVERIFY(!second.open(fixture.path(), fixture.keyFile()));
        for (int i = 0; i < 20; ++i) {
            (i % 3 ? first : second).securityEvent(QStringLiteral("c"), QString::number(i));
            if (i % 7 == 0)
                second.checkpoint();
        }
        const audit::VerifyReport report = audit::verifyLog({fixture.path()}, &fixture.publicKey());
        QVERIFY2(report.ok(), qPrintable(QStringLiteral("line %1: %2").arg(report.line).arg(report.problem)));
        QCOMPARE(report.lines, 20 + 3);
    }

    // Two processes writing at once: flock serialises them onto one chain.
    void twoProcessesKeepOneChain()
    {
        AuditFixture fixture;
        constexpr int kLines = 300;
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        {
            telemetry::AuditLog log;
            log.open(fixture.path(), fixture.keyFile());
            for (int i = 0; i < kLines; ++i)
                log.securityEvent(child == 0 ? QStringLiteral("child") : QStringLiteral("parent"), QString::number(i));
            log.checkpoint();
        }
        if (child == 0)
            ::_exit(0);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        const audit::VerifyReport report = audit::verifyLog({fixture.path()}, &fixture.publicKey());
        QVERIFY2(report.ok(), qPrintable(QStringLiteral("line %1: %2").arg(report.line).arg(report.problem)));
        QCOMPARE(report.lines, 2 * kLines + 2);
        const QByteArray text = readLines(fixture.path()).join('\n');
        QCOMPARE(text.count("\"child\""), kLines);
        QCOMPARE(text.count("\"parent\""), kLines);
    }

    void damagedTailStartsAMarkedSegment_data()
    {
        QTest::addColumn<QByteArray>("damage");
        QTest::newRow("torn line") << QByteArray("{\"event\":\"tool_call\",\"conversation\":\"c\",\"se");
        QTest::newRow("edited line") << QByteArray("{\"event\":\"x\",\"seq\":11,\"prev\":\"") + QByteArray(64, '0')
                                                + "\",\"hash\":\"" + QByteArray(64, 'a') + "\"}\n";
        QTest::newRow("not json") << QByteArray("garbage\n");
        QTest::newRow("oversized line") << QByteArray(64 * 1024, 'x') + '\n';
        QTest::newRow("no newline at all") << QByteArray(64 * 1024, 'x');
    }

    void damagedTailStartsAMarkedSegment()
    {
        QFETCH(QByteArray, damage);
        AuditFixture fixture;
        fixture.writeStandardLog();
        {
            QFile f(fixture.path());
            QVERIFY(f.open(QIODevice::Append));
            f.write(damage);
        }
        {
            telemetry::AuditLog log;
            QVERIFY(!log.open(fixture.path(), fixture.keyFile()));
            log.securityEvent(QStringLiteral("c"), QStringLiteral("after"));
            log.checkpoint();
        }
        const QByteArrayList lines = readLines(fixture.path());
        QCOMPARE(lines.size(), 14); // the damaged line kept on its own, the marker, the event, a checkpoint
        const QJsonObject marker = objectOf(lines.at(11));
        QCOMPARE(marker.value(QLatin1String("event")).toString(), QStringLiteral("segment"));
        QCOMPARE(marker.value(QLatin1String("reason")).toString(), QStringLiteral("damaged_tail"));
        QCOMPARE(marker.value(QLatin1String("seq")).toInt(), 1);
        const audit::VerifyReport whole = audit::verifyLog({fixture.path()}, &fixture.publicKey());
        QCOMPARE(whole.line, 11);
        writeLines(fixture.path(), lines.mid(11));
        const audit::VerifyReport segment = audit::verifyLog({fixture.path()}, &fixture.publicKey());
        QVERIFY2(segment.ok(), qPrintable(segment.problem));
        QCOMPARE(segment.lines, 3);
    }

    void keyIsPrivate()
    {
        AuditFixture fixture;
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(fixture.keyFile()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QCOMPARE(::stat(QFile::encodeName(QFileInfo(fixture.keyFile()).path()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0700));
        audit::SigningKey again;
        QVERIFY(again.loadOrCreate(fixture.keyFile()).isEmpty());
        QCOMPARE(again.publicKeyPem(), fixture.publicKeyPem());
    }

    void hostileKeyPlacesAreRefused_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::newRow("key is a symlink") << "symlink";
        QTest::newRow("directory is a symlink") << "dirsymlink";
        QTest::newRow("directory open to others") << "opendir";
        QTest::newRow("key readable by others") << "openkey";
        QTest::newRow("key is not a key") << "garbage";
    }

    void hostileKeyPlacesAreRefused()
    {
        QFETCH(QString, setup);
        AuditFixture fixture;
        const QString dir = fixture.filePath(QStringLiteral("hostile"));
        const QString key = dir + QStringLiteral("/signing.key");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QString target = key;
        if (setup == QLatin1String("symlink")) {
            QVERIFY(QFile::link(fixture.keyFile(), key));
        } else if (setup == QLatin1String("dirsymlink")) {
            QVERIFY(QDir(dir).removeRecursively());
            QVERIFY(QFile::link(QFileInfo(fixture.keyFile()).path(), dir));
        } else if (setup == QLatin1String("opendir")) {
            QVERIFY(QFile::copy(fixture.keyFile(), key));
            QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0755), 0);
        } else if (setup == QLatin1String("openkey")) {
            QVERIFY(QFile::copy(fixture.keyFile(), key));
            QCOMPARE(::chmod(QFile::encodeName(key).constData(), 0644), 0);
        } else {
            QFile f(key);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a key");
            f.close();
            QCOMPARE(::chmod(QFile::encodeName(key).constData(), 0600), 0);
        }
        audit::SigningKey loaded;
        QVERIFY(!loaded.loadOrCreate(target).isEmpty());
        QVERIFY(!loaded.isLoaded());
        telemetry::AuditLog log;
        const Error error = log.open(fixture.path(), target);
        QCOMPARE(error.code, QStringLiteral("audit_key"));
        QVERIFY(!log.isOpen());
    }

    void commandLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("tampered");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("output");
        QTest::newRow("intact") << "verify @LOG@" << false << 0 << "Signatures not checked";
        QTest::newRow("intact, key") << "verify @LOG@ --key @PUB@" << false << 0 << "3 checkpoint";
        QTest::newRow("tampered") << "verify @LOG@" << true << 1 << "audit.jsonl: line 6:";
        QTest::newRow("wrong key") << "verify @LOG@ --key @OTHER@" << false << 1 << "line 4:";
        QTest::newRow("no file") << "verify" << false << 2 << "";
        QTest::newRow("missing file") << "verify @LOG@.none" << false << 1 << "cannot be read";
        QTest::newRow("no action") << "" << false << 2 << "";
        QTest::newRow("export without format") << "export @LOG@" << false << 2 << "";
        QTest::newRow("export tampered") << "export --format ocsf @LOG@" << true << 1 << "";
    }

    void commandLine()
    {
        QFETCH(QString, line);
        QFETCH(bool, tampered);
        QFETCH(int, exitCode);
        QFETCH(QString, output);
        AuditFixture fixture;
        fixture.writeStandardLog();
        if (tampered) {
            QByteArrayList lines = readLines(fixture.path());
            lines.removeAt(5);
            writeLines(fixture.path(), lines);
        }
        const QString pub = fixture.filePath(QStringLiteral("public.pem"));
        const QString otherPub = fixture.filePath(QStringLiteral("other.pem"));
        writeLines(pub, {fixture.publicKeyPem().trimmed()});
        writeLines(otherPub, {fixture.otherKey().publicKeyPem().trimmed()});
        QStringList arguments = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString &arg : arguments)
            arg.replace(QLatin1String("@OTHER@"), otherPub)
                    .replace(QLatin1String("@PUB@"), pub)
                    .replace(QLatin1String("@LOG@"), fixture.path());
        QProcess host;
        host.start(QStringLiteral(HAKO_HOST_BINARY), QStringList{QStringLiteral("audit")} + arguments);
        QVERIFY(host.waitForFinished(30000));
        const QString text = QString::fromUtf8(host.readAllStandardOutput() + host.readAllStandardError());
        QCOMPARE(host.exitCode(), exitCode);
        QVERIFY2(text.contains(output), qPrintable(text));
    }

    void commandLinePrintsThePublicKey()
    {
        AuditFixture fixture;
        QProcess host;
        host.start(QStringLiteral(HAKO_HOST_BINARY),
                   {QStringLiteral("audit"), QStringLiteral("key"), QStringLiteral("--set"),
                    QStringLiteral("audit.key=") + fixture.keyFile()});
        QVERIFY(host.waitForFinished(30000));
        QCOMPARE(host.exitCode(), 0);
        QCOMPARE(host.readAllStandardOutput(), fixture.publicKeyPem());
    }
};

QTEST_GUILESS_MAIN(tst_AuditChain)
#include "tst_auditchain.moc"
