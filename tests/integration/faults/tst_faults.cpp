// Bad input and failures: each ends with a clear error, never a hang, and
// the next call works.
#include "hakohostdriver.h"

#include <QJsonDocument>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <future>
#include <QTest>

class tst_Faults : public QObject
{
    Q_OBJECT

    HakoHostDriver m_host;

    static QString errorCode(const HostRun &r)
    {
        return r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_host.isValid()); }

    void hostileConversationIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("traversal") << "../../../../etc" << 0;
        QTest::newRow("option") << "--privileged" << 0;
        QTest::newRow("shell") << "$(touch /tmp/pwned);`id`" << 0;
        QTest::newRow("newline") << "a\nb" << 125;
        QTest::newRow("huge") << QString(5000, QLatin1Char('x')) << 125;
        QTest::newRow("empty") << "" << 125;
    }

    void hostileConversationIds()
    {
        QFETCH(QString, id);
        QFETCH(int, exitCode);
        const HostRun r = m_host.exec(id, QStringLiteral("pwd"));
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode == 0) {
            QCOMPARE(r.out, QByteArray("/workspace\n"));
        } else {
            QVERIFY(r.err.contains("conversation ID"));
            QVERIFY(r.ms < 10000);
        }
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/pwned")));
        QVERIFY(!QFile::exists(QStringLiteral("/etc/workspace")));
    }

    void badToolCalls_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown tool") << "rm" << "{}" << 1 << "unknown_tool";
        QTest::newRow("malformed json") << "bash" << "{\"command\":" << 2 << "";
        QTest::newRow("json array") << "bash" << "[1]" << 2 << "";
        QTest::newRow("wrong type") << "bash" << "{\"command\":[\"ls\"]}" << 1 << "bad_input";
        QTest::newRow("outside workspace") << "read_file" << "{\"path\":\"/etc/passwd\"}" << 1 << "path_outside_workspace";
        QTest::newRow("dotdot") << "read_file" << "{\"path\":\"../etc/passwd\"}" << 1 << "path_outside_workspace";
        QTest::newRow("missing file") << "read_file" << "{\"path\":\"nope\"}" << 1 << "not_found";
        QTest::newRow("bad base64") << "write_file" << "{\"path\":\"x\",\"content\":\"@@@\",\"encoding\":\"base64\"}" << 1 << "bad_input";
    }

    void badToolCalls()
    {
        QFETCH(QString, tool);
        QFETCH(QString, input);
        QFETCH(int, exitCode);
        QFETCH(QString, code);
        const HostRun r = m_host.tool(QStringLiteral("faults"), tool, input.toUtf8());
        QCOMPARE(r.exitCode, exitCode);
        if (!code.isEmpty())
            QCOMPARE(errorCode(r), code);
        QVERIFY(!r.out.isEmpty() || !r.err.isEmpty());
    }

    void symlinkCannotLeadOut()
    {
        QCOMPARE(m_host.exec(QStringLiteral("faults"), QStringLiteral("ln -sfn /etc esc")).exitCode, 0);
        const HostRun r = m_host.tool(QStringLiteral("faults"), QStringLiteral("str_replace_based_edit_tool"),
                                      "{\"command\":\"view\",\"path\":\"esc/passwd\"}");
        QCOMPARE(errorCode(r), QStringLiteral("path_outside_workspace"));
    }

    void timeoutKillsTheProcessGroup()
    {
        const HostRun r = m_host.exec(QStringLiteral("faults"), QStringLiteral("sleep 300 & sleep 300"),
                                      {QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 124);
        QCOMPARE(r.json().value(QLatin1String("timed_out")).toBool(), true);
        QVERIFY(r.ms < 20000);
        QCOMPARE(m_host.exec(QStringLiteral("faults"), QStringLiteral("cat /proc/[0-9]*/comm 2>/dev/null | grep -c sleep || true")).out.trimmed(), QByteArray("0"));
    }

    void hugeOutputIsCapped()
    {
        const HostRun r = m_host.exec(QStringLiteral("faults"), QStringLiteral("head -c 100000000 /dev/zero | tr '\\0' a"),
                                      {QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QLatin1String("truncated")).toBool(), true);
        const QString out = o.value(QLatin1String("stdout")).toString();
        QVERIFY(out.size() < 2 * 1024 * 1024);
        QVERIFY(out.contains(QLatin1String("truncated")));
    }

    void binaryOutputPassesUnchanged()
    {
        const HostRun r = m_host.exec(QStringLiteral("faults"), QStringLiteral("printf '\\000\\001\\377\\376'"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("\0\1\xff\xfe", 4));
    }

    void agentKilledDuringACall()
    {
        const QString c = QStringLiteral("faults-kill");
        QCOMPARE(m_host.exec(c, QStringLiteral("echo survives > s")).exitCode, 0);
        const QString name = m_host.containerOf(c);
        QElapsedTimer clock;
        clock.start();
        // The call in flight, from another process; then the container's main process dies.
        auto pending = std::async(std::launch::async, [&] { return m_host.exec(c, QStringLiteral("sleep 60")); });
        QTest::qWait(2000);
        QCOMPARE(HakoHostDriver::docker({QStringLiteral("kill"), name}).exitCode, 0);
        const HostRun interrupted = pending.get();
        QCOMPARE(interrupted.exitCode, 125);
        QVERIFY2(interrupted.err.contains("sandbox"), interrupted.err.constData());
        QVERIFY(clock.elapsed() < 30000);
        const HostRun next = m_host.exec(c, QStringLiteral("cat s"));
        QCOMPARE(next.exitCode, 0);
        QCOMPARE(next.out, QByteArray("survives\n"));
    }
};

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
