// Bad input and failures: each ends with a clear error, never a hang, the
// next call works, nothing of the workspace is lost and there is never a
// second container. The engine itself going away is in tst_enginerestart.
#include "dockerwrapper.h"
#include "hakohostdriver.h"

#include <QJsonDocument>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include "policy/conversationid.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

class tst_Faults : public QObject
{
    Q_OBJECT

    HakoHostDriver m_host;

    static QStringList containerIds(const HakoHostDriver &host, const QString &conversation)
    {
        const HostRun r =
                HakoHostDriver::docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                        QStringLiteral("name=^") + host.containerOf(conversation) + QLatin1Char('$')});
        return QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

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
        QTest::newRow("unknown tool") << "rm"
                                      << "{}" << 1 << "unknown_tool";
        QTest::newRow("malformed json") << "bash"
                                        << "{\"command\":" << 2 << "";
        QTest::newRow("json array") << "bash"
                                    << "[1]" << 2 << "";
        QTest::newRow("wrong type") << "bash"
                                    << "{\"command\":[\"ls\"]}" << 1 << "bad_input";
        QTest::newRow("outside workspace") << "read_file"
                                           << "{\"path\":\"/etc/passwd\"}" << 1 << "path_outside_workspace";
        QTest::newRow("dotdot") << "read_file"
                                << "{\"path\":\"../etc/passwd\"}" << 1 << "path_outside_workspace";
        QTest::newRow("missing file") << "read_file"
                                      << "{\"path\":\"nope\"}" << 1 << "not_found";
        QTest::newRow("bad base64") << "write_file"
                                    << "{\"path\":\"x\",\"content\":\"@@@\",\"encoding\":\"base64\"}" << 1
                                    << "bad_input";
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
        QCOMPARE(m_host.exec(QStringLiteral("faults"),
                             QStringLiteral("cat /proc/[0-9]*/comm 2>/dev/null | grep -c sleep || true"))
                         .out.trimmed(),
                 QByteArray("0"));
    }

    void hugeOutputIsCapped()
    {
        const HostRun r =
                m_host.exec(QStringLiteral("faults"), QStringLiteral("head -c 100000000 /dev/zero | tr '\\0' a"),
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

    // The container killed from outside, or its agent (PID 1) killed on the
    // host: the call in flight ends with a clear error, the next one gets a
    // new container with the same files, and there is only ever one.
    void sandboxDiesDuringACall_data()
    {
        QTest::addColumn<bool>("killAgent");
        QTest::newRow("docker kill") << false;
        QTest::newRow("agent SIGKILL") << true;
    }

    void sandboxDiesDuringACall()
    {
        QFETCH(bool, killAgent);
        const QString c = QStringLiteral("faults-kill-%1").arg(killAgent);
        QCOMPARE(m_host.exec(c, QStringLiteral("echo survives > s")).exitCode, 0);
        const QString name = m_host.containerOf(c);
        QElapsedTimer clock;
        clock.start();
        // The call in flight, from another process; then the container's main process dies.
        auto pending = std::async(std::launch::async, [&] { return m_host.exec(c, QStringLiteral("sleep 60")); });
        QTest::qWait(2000);
        if (killAgent) {
            const QByteArray pid = HakoHostDriver::docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                                           QStringLiteral("{{.State.Pid}}"), name})
                                           .out.trimmed();
            QVERIFY(pid.toInt() > 1);
            QCOMPARE(::kill(pid.toInt(), SIGKILL), 0);
        } else {
            QCOMPARE(HakoHostDriver::docker({QStringLiteral("kill"), name}).exitCode, 0);
        }
        const HostRun interrupted = pending.get();
        QCOMPARE(interrupted.exitCode, 125);
        QVERIFY2(interrupted.err.contains("sandbox stopped during the call"), interrupted.err.constData());
        QVERIFY(clock.elapsed() < 30000);
        const HostRun next = m_host.exec(c, QStringLiteral("cat s"));
        QCOMPARE(next.exitCode, 0);
        QCOMPARE(next.out, QByteArray("survives\n"));
        QCOMPARE(containerIds(m_host, c).size(), 1);
    }

    // A tool that eats memory is OOM-killed, not the agent: the call says so,
    // the container and its files stay, the next call works.
    void memoryHogIsKilled()
    {
        HakoHostDriver host;
        host.set(QStringLiteral("limits.memory=128m"));
        const QString c = QStringLiteral("faults-oom");
        QCOMPARE(host.exec(c, QStringLiteral("echo safe > s")).exitCode, 0);
        const QStringList before = containerIds(host, c);
        const HostRun hog = host.exec(c, QStringLiteral("x=$(head -c 400000000 /dev/zero | tr '\\0' a); echo survived"),
                                      {QStringLiteral("--json")});
        QCOMPARE(hog.exitCode, 137);
        QCOMPARE(hog.json().value(QLatin1String("oom_killed")).toBool(), true);
        QVERIFY(!hog.json().value(QLatin1String("stdout")).toString().contains(QLatin1String("survived")));
        const HostRun next = host.exec(c, QStringLiteral("cat s"));
        QCOMPARE(next.out, QByteArray("safe\n"));
        QCOMPARE(containerIds(host, c), before);
    }

    // The docker CLI hangs: a conversation whose container is recorded goes on
    // without it; one that needs the engine ends with a clear error within the
    // engine's command timeout; once it answers again, the first conversation
    // is still in the same container.
    void dockerCliHangs()
    {
        QTemporaryDir bin;
        const QString fake = bin.filePath(QStringLiteral("docker"));
        const QString flag = bin.filePath(QStringLiteral("hang"));
        QString error;
        QVERIFY2(writeDockerWrapper(fake, QStringLiteral("[ -e %1 ] && exec sleep 3600").arg(flag), &error),
                 qPrintable(error));
        HakoHostDriver host;
        host.set(QStringLiteral("docker.binary=") + fake);
        const QString c = QStringLiteral("faults-hang");
        QCOMPARE(host.exec(c, QStringLiteral("echo here > h")).exitCode, 0);
        const QStringList before = containerIds(host, c);
        QVERIFY(QFile(flag).open(QIODevice::WriteOnly));
        QCOMPARE(host.exec(c, QStringLiteral("cat h")).out, QByteArray("here\n"));
        const HostRun hung = host.exec(QStringLiteral("faults-hang-new"), QStringLiteral("true"));
        qInfo("call with a hanging docker CLI ended after %lld ms", hung.ms);
        QCOMPARE(hung.exitCode, 125);
        QVERIFY2(hung.err.contains("did not answer within"), hung.err.constData());
        // Bounded by the engine's own timeouts: `docker info` (10 s), then `docker run` (60 s).
        QVERIFY(hung.ms < 120000);
        QVERIFY(QFile::remove(flag));
        const HostRun next = host.exec(c, QStringLiteral("cat h"));
        QCOMPARE(next.out, QByteArray("here\n"));
        QCOMPARE(containerIds(host, c), before);
    }

    void dockerCliMissing()
    {
        HakoHostDriver host;
        const QString c = QStringLiteral("faults-missing");
        QCOMPARE(host.exec(c, QStringLiteral("echo here > h")).exitCode, 0);
        const auto withoutDocker = [&](const QString &conversation, const QString &command) {
            return host.run({QStringLiteral("exec"), QStringLiteral("--set"),
                             QStringLiteral("docker.binary=/nonexistent/docker"), QStringLiteral("--conversation"),
                             conversation, QStringLiteral("--"), command});
        };
        // The recorded container needs no engine; a new conversation does.
        QCOMPARE(withoutDocker(c, QStringLiteral("cat h")).out, QByteArray("here\n"));
        const HostRun missing = withoutDocker(QStringLiteral("faults-missing-new"), QStringLiteral("true"));
        QCOMPARE(missing.exitCode, 125);
        QVERIFY2(missing.err.contains("/nonexistent/docker"), missing.err.constData());
        QVERIFY(missing.ms < 10000);
        QCOMPARE(host.exec(c, QStringLiteral("cat h")).out, QByteArray("here\n"));
        QCOMPARE(containerIds(host, c).size(), 1);
    }

    // Past the workspace's size cap a tool gets "no space"; the host's disk
    // holds no more than the cap; freeing space makes the workspace usable again.
    void workspaceFull()
    {
        if (::geteuid() != 0)
            QSKIP("the size cap is enforced only as root (see the health report otherwise)");
        HakoHostDriver host;
        host.set(QStringLiteral("limits.workspaceSize=32m"));
        const QString c = QStringLiteral("faults-full");
        QCOMPARE(host.exec(c, QStringLiteral("echo kept > k")).exitCode, 0);
        const HostRun fill = host.exec(c, QStringLiteral("head -c 64000000 /dev/zero > big"));
        QCOMPARE(fill.exitCode, 1);
        QVERIFY2(fill.err.contains("No space left on device"), fill.err.constData());
        const QByteArray chunk = QByteArray(64 << 10, 'x').toBase64(); // one argument of hako-host: < 128 KiB
        const HostRun write = host.tool(c, QStringLiteral("write_file"),
                                        "{\"path\":\"more\",\"encoding\":\"base64\",\"content\":\"" + chunk + "\"}");
        QCOMPARE(errorCode(write), QStringLiteral("no_space"));
        struct stat st = {};
        const QString image =
                host.workspacesDir() + QLatin1Char('/') + hako::conversationKey(c) + QStringLiteral(".img");
        QCOMPARE(::stat(QFile::encodeName(image).constData(), &st), 0);
        qInfo("workspace image after filling it: %lld bytes on the host's disk (cap 32 MiB)",
              qint64(st.st_blocks) * 512);
        QVERIFY(qint64(st.st_blocks) * 512 <= 32LL << 20);
        QCOMPARE(host.exec(c, QStringLiteral("rm big; cat k")).out, QByteArray("kept\n"));
        const HostRun again = host.tool(c, QStringLiteral("write_file"),
                                        "{\"path\":\"more\",\"encoding\":\"base64\",\"content\":\"" + chunk + "\"}");
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(containerIds(host, c).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
