// A finished call reduced to its outcome, and the audit log's lines.
#include "telemetry/auditlog.h"
#include "telemetry/calloutcome.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace hako;
using namespace hako::telemetry;

namespace {

// The event lines; the chain's checkpoints are tst_auditchain's.
QList<QJsonObject> readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> lines;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (!line.isEmpty() && object.value(QLatin1String("event")).toString() != QLatin1String("checkpoint"))
            lines << object;
    }
    return lines;
}

} // namespace

class tst_Audit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outcome_data()
    {
        QTest::addColumn<QByteArray>("result");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("ok") << QByteArray(R"({"exit_code":0})") << ""
                            << "ok" << 0;
        QTest::newRow("edit") << QByteArray(R"({"path":"a"})") << ""
                              << "ok" << -1;
        QTest::newRow("exit 3") << QByteArray(R"({"exit_code":3})") << ""
                                << "exit_nonzero" << 3;
        QTest::newRow("timed out") << QByteArray(R"({"exit_code":137,"timed_out":true})") << ""
                                   << "timeout" << 137;
        QTest::newRow("oom") << QByteArray(R"({"exit_code":137,"oom_killed":true})") << ""
                             << "oom_killed" << 137;
        QTest::newRow("watchdog") << QByteArray("{}") << "timeout"
                                  << "timeout" << -1;
        QTest::newRow("cancelled") << QByteArray("{}") << "cancelled"
                                   << "cancelled" << -1;
        QTest::newRow("bad id") << QByteArray("{}") << "conversation_id_invalid"
                                << "rejected" << -1;
        QTest::newRow("unknown tool") << QByteArray("{}") << "unknown_tool"
                                      << "rejected" << -1;
        QTest::newRow("bad input") << QByteArray("{}") << "bad_input"
                                   << "rejected" << -1;
        QTest::newRow("engine") << QByteArray("{}") << "docker_failed"
                                << "error" << -1;
        QTest::newRow("not found") << QByteArray("{}") << "not_found"
                                   << "error" << -1;
    }

    void outcome()
    {
        QFETCH(QByteArray, result);
        QFETCH(QString, errorCode);
        QFETCH(QString, outcome);
        QFETCH(int, exitCode);
        Error error;
        error.code = errorCode;
        const CallOutcome o = callOutcome(QJsonDocument::fromJson(result).object(), error);
        QCOMPARE(o.outcome, outcome);
        QCOMPARE(o.exitCode, exitCode);
        QCOMPARE(o.errorCode, errorCode);
    }

    void linesAndPermissions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log/audit.jsonl"));
        AuditLog log;
        QVERIFY(!log.open(path, dir.filePath(QStringLiteral("key/signing.key"))));
        QVERIFY(log.isOpen());
        log.toolCall({QStringLiteral("c-1"),
                      QStringLiteral("call-1"),
                      QStringLiteral("bash"),
                      QStringLiteral("exit_nonzero"),
                      42,
                      3,
                      {}});
        log.toolCall({QString(1000, QLatin1Char('x')), QStringLiteral("call-2"), QStringLiteral("read_file"),
                      QStringLiteral("error"), 5, -1, QStringLiteral("not_found")});
        log.proxyDecision(QStringLiteral("c-1"), QStringLiteral("denied"), QStringLiteral("model_not_allowed"), -1,
                          QStringLiteral("proxy.models"));
        log.proxyDecision(QStringLiteral("c-1"), QStringLiteral("allowed"), QStringLiteral("ok"), 120);
        log.seccompViolation(QStringLiteral("c-1"), QStringLiteral("ptrace"), 7);
        // Run under verify.failOpen while the start-up check had failed.
        log.toolCall({QStringLiteral("c-2"),
                      QStringLiteral("call-3"),
                      QStringLiteral("bash"),
                      QStringLiteral("ok"),
                      9,
                      0,
                      {},
                      {QStringLiteral("seccomp.profile"), QStringLiteral("priv.user")}});
        QCOMPARE(QFile::permissions(path) & 0x0077, QFileDevice::Permissions());
        const QList<QJsonObject> lines = readLines(path);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines.at(0).value(QLatin1String("event")).toString(), QStringLiteral("tool_call"));
        QCOMPARE(lines.at(0).value(QLatin1String("exit_code")).toInt(), 3);
        QCOMPARE(lines.at(0).value(QLatin1String("duration_ms")).toInt(), 42);
        QVERIFY(!lines.at(0).contains(QLatin1String("error")));
        QCOMPARE(lines.at(1).value(QLatin1String("conversation")).toString().size(), 256);
        QCOMPARE(lines.at(1).value(QLatin1String("error")).toString(), QStringLiteral("not_found"));
        QVERIFY(!lines.at(1).contains(QLatin1String("exit_code")));
        QVERIFY(!lines.at(2).contains(QLatin1String("upstream_ms")));
        QCOMPARE(lines.at(2).value(QLatin1String("rule")).toString(), QStringLiteral("proxy.models"));
        QCOMPARE(lines.at(3).value(QLatin1String("upstream_ms")).toInt(), 120);
        QVERIFY(!lines.at(3).contains(QLatin1String("rule")));
        QCOMPARE(lines.at(4).value(QLatin1String("syscall")).toString(), QStringLiteral("ptrace"));
        QCOMPARE(lines.at(4).value(QLatin1String("count")).toInt(), 7); // one line for seven refusals
        for (int i = 0; i < 2; ++i)
            QVERIFY(!lines.at(i).contains(QLatin1String("failed_check")));
        QCOMPARE(lines.at(5).value(QLatin1String("failed_check")).toArray(),
                 QJsonArray({QStringLiteral("seccomp.profile"), QStringLiteral("priv.user")}));
        for (const QJsonObject &line : lines)
            QVERIFY(QDateTime::fromString(line.value(QLatin1String("time")).toString(), Qt::ISODateWithMs).isValid());
    }

    void appendsAndKeepsOldFileOnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        const QString key = dir.filePath(QStringLiteral("key/signing.key"));
        {
            AuditLog first;
            QVERIFY(!first.open(path, key));
            first.seccompViolation(QStringLiteral("a"), QStringLiteral("mount"), 1);
        }
        AuditLog log;
        QVERIFY(!log.open(path, key));
        QVERIFY(log.open(dir.path(), key));                                    // a directory: refused ...
        log.seccompViolation(QStringLiteral("b"), QStringLiteral("mount"), 1); // ... and the old file is still in use
        QCOMPARE(readLines(path).size(), 2);
        QVERIFY(!log.open(QString(), key));
        QVERIFY(!log.isOpen());
        log.seccompViolation(QStringLiteral("c"), QStringLiteral("mount"), 1);
        QCOMPARE(readLines(path).size(), 2);
    }
};

QTEST_APPLESS_MAIN(tst_Audit)
#include "tst_audit.moc"
