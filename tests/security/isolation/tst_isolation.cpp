// Escape and exhaustion attempts from inside real conversation containers
// (threats T-1, T-2, T-3, T-4, T-8). Each must fail inside and leave the host answering.
#include "hakohostdriver.h"

#include <QTest>

class tst_Isolation : public QObject
{
    Q_OBJECT

    HakoHostDriver m_host;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_host.isValid()); }

    void refusedInside_data()
    {
        QTest::addColumn<QString>("probe");
        // Each probe prints "ESCAPED" only if the protection failed.
        QTest::newRow("rootfs write") << "touch /etc/hako-probe 2>/dev/null && echo ESCAPED";
        QTest::newRow("rm -rf / leaves the image")
                << "rm -rf --no-preserve-root / 2>/dev/null; test -x /bin/bash || echo ESCAPED";
        QTest::newRow("exec from /tmp")
                << "cp /bin/true /tmp/t && chmod +x /tmp/t && /tmp/t 2>/dev/null && echo ESCAPED";
        QTest::newRow("no network") << "python3 -c \"import socket; socket.create_connection(('1.1.1.1', 53), 2)\" "
                                       "2>/dev/null && echo ESCAPED";
        QTest::newRow("metadata service")
                << "timeout 3 bash -c 'echo > /dev/tcp/169.254.169.254/80' 2>/dev/null && echo ESCAPED";
        QTest::newRow("not root") << "test \"$(id -u)\" = 0 && echo ESCAPED";
        QTest::newRow("no capabilities") << "grep -q 'CapEff:\\s*0000000000000000' /proc/self/status || echo ESCAPED";
        // prctl, not /proc/self/status: gVisor's status file has no NoNewPrivs line.
        QTest::newRow("no new privileges") << "python3 -c 'import ctypes, sys; sys.exit(ctypes.CDLL(None).prctl(39, 0, "
                                              "0, 0, 0) != 1)' || echo ESCAPED";
        QTest::newRow("seccomp filter on") << "grep -q 'Seccomp:\\s*2' /proc/self/status || echo ESCAPED";
        QTest::newRow("mount") << "mount -t tmpfs none /mnt 2>/dev/null && echo ESCAPED";
        QTest::newRow("pip into system") << "pip install --no-index nothing-here >/dev/null 2>&1; touch "
                                            "/usr/lib/python3/dist-packages/x 2>/dev/null && echo ESCAPED";
        QTest::newRow("no docker socket") << "test -S /var/run/docker.sock && echo ESCAPED";
    }

    void refusedInside()
    {
        QFETCH(QString, probe);
        const HostRun r = m_host.exec(QStringLiteral("iso-a"), probe);
        QVERIFY2(!r.out.contains("ESCAPED"), r.out.constData());
        QVERIFY2(r.err.isEmpty() || !r.err.contains("hako-host"), r.err.constData());
    }

    void tenantsDoNotSeeEachOther()
    {
        QCOMPARE(m_host.exec(QStringLiteral("iso-a"), QStringLiteral("echo secret-a > only-a")).exitCode, 0);
        const HostRun b = m_host.exec(QStringLiteral("iso-b"),
                                      QStringLiteral("ls -a /workspace; find / -name only-a 2>/dev/null; true"));
        QCOMPARE(b.exitCode, 0);
        QVERIFY2(!b.out.contains("only-a"), b.out.constData());
        const HostRun edit = m_host.tool(QStringLiteral("iso-b"), QStringLiteral("str_replace_based_edit_tool"),
                                         "{\"command\":\"view\",\"path\":\"../workspace/only-a\"}");
        QVERIFY(!edit.out.contains("secret-a"));
    }

    void forkBombStaysUnderThePidsLimit()
    {
        const HostRun bomb = m_host.exec(QStringLiteral("iso-bomb"), QStringLiteral("bomb() { bomb | bomb & }; bomb"),
                                         {QStringLiteral("--timeout"), QStringLiteral("10")});
        QVERIFY2(bomb.exitCode != 125, bomb.err.constData());
        // The host, and the same sandbox, answer afterwards.
        // gVisor shows no cgroup files inside: there the limit is RLIMIT_NPROC (containerpolicy.cpp, gap
        // gvisor-limits).
        const QString limit =
                HakoHostDriver::isGvisor()
                        ? QStringLiteral("ulimit -u")
                        : QStringLiteral("cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max");
        const HostRun after = m_host.exec(QStringLiteral("iso-bomb"), limit);
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(after.out.trimmed(), QByteArray("100"));
        QCOMPARE(m_host.exec(QStringLiteral("iso-a"), QStringLiteral("echo alive")).out, QByteArray("alive\n"));
    }

    void memoryHogKillsOnlyTheTool()
    {
        HakoHostDriver small;
        small.set(QStringLiteral("limits.memory=256m"));
        const QString c = QStringLiteral("iso-hog");
        QCOMPARE(small.exec(c, QStringLiteral("echo before > kept")).exitCode, 0);
        const HostRun hog =
                small.exec(c, QStringLiteral("python3 -c 'a = bytearray(1024 ** 3)'"), {QStringLiteral("--json")});
        const QJsonObject r = hog.json();
        if (HakoHostDriver::isGvisor()) {
            // Gap gvisor-oom-sandbox (docs/operations.md §4, /healthz runtimes.gaps): under gVisor the memory
            // limit ends the whole sandbox, not only the tool; the call says so and the next one starts afresh.
            QCOMPARE(r.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                     QStringLiteral("agent_lost"));
        } else {
            QVERIFY2(r.value(QLatin1String("oom_killed")).toBool(), hog.out.constData());
            QVERIFY(r.value(QLatin1String("exit_code")).toInt() != 0);
        }
        const HostRun next = small.exec(c, QStringLiteral("cat kept"));
        QCOMPARE(next.exitCode, 0);
        QCOMPARE(next.out, QByteArray("before\n"));
    }
};

QTEST_GUILESS_MAIN(tst_Isolation)
#include "tst_isolation.moc"
