// `hako-host doctor` on this machine: each failure it finds comes with its
// fix, optional features only warn, and a serving host is asked for GC and
// proxy state. Runtimes are checked against a dockerd of the test's own.
#include "hakohostdriver.h"
#include "privatedockerd.h"

#include <QProcess>
#include <QTcpServer>
#include <QTest>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class tst_Doctor : public QObject
{
    Q_OBJECT

    HakoHostDriver m_host;

    HostRun doctor(const QStringList &sets)
    {
        QStringList args = {QStringLiteral("doctor")};
        for (const QString &s : sets)
            args << QStringLiteral("--set") << s;
        return m_host.run(args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_host.isValid());
        m_host.set(QStringLiteral("credentials.source=settings"));
        m_host.set(QStringLiteral("credentials.accessKeyId=AKIAHAKOTESTKEY00003"));
        m_host.set(QStringLiteral("credentials.secretAccessKey=not-a-real-secret"));
    }

    void findings_data()
    {
        QTest::addColumn<QStringList>("sets");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("lines"); // each must appear in the report
        QTest::newRow("healthy") << QStringList() << 0
                                 << QStringList{
                                            QStringLiteral("[ok  ] Container engine reachable"),
                                            QStringLiteral("[ok  ] Seccomp profile in force"),
                                            QStringLiteral("sha256:"),
                                            QStringLiteral("[ok  ] Credentials for the proxy"),
                                            QStringLiteral("[ok  ] Workspace image hako/workspace-base:latest present"),
                                            QStringLiteral("[skip] Garbage collection and proxy listeners")};
        QTest::newRow("engine unreachable")
                << QStringList{QStringLiteral("docker.host=unix:///nonexistent/docker.sock")} << 1
                << QStringList{QStringLiteral("[FAIL] Container engine reachable"),
                               QStringLiteral("Fix: Install docker.io")};
        QTest::newRow("bad seccomp profile")
                << QStringList{QStringLiteral("seccomp.profile=/nonexistent.json")} << 1
                << QStringList{QStringLiteral("[FAIL] Settings accepted"), QStringLiteral("/nonexistent.json"),
                               QStringLiteral("Fix: Correct the settings")};
        QTest::newRow("missing image") << QStringList{QStringLiteral("image=hako/no-such-image:none")} << 1
                                       << QStringList{QStringLiteral(
                                                              "[FAIL] Workspace image hako/no-such-image:none present"),
                                                      QStringLiteral("Fix: Build it with scripts/build-image.sh.")};
        QTest::newRow("no credentials") << QStringList{QStringLiteral("credentials.source=profile"),
                                                       QStringLiteral("credentials.file=/nonexistent")}
                                        << 0
                                        << QStringList{QStringLiteral("[warn] Credentials for the proxy"),
                                                       QStringLiteral("Fix: Create the profile")};
        QTest::newRow("serve not running")
                << QStringList{QStringLiteral("admin.listen=127.0.0.1:") + QString::number(freePort())} << 0
                << QStringList{QStringLiteral("[warn] hako-host serve answers on 127.0.0.1:"),
                               QStringLiteral("Fix: Start hako-host serve --admin")};
    }

    void findings()
    {
        QFETCH(QStringList, sets);
        QFETCH(int, exitCode);
        QFETCH(QStringList, lines);
        const HostRun r = doctor(sets);
        QVERIFY2(r.exitCode == exitCode, r.out.constData());
        for (const QString &line : lines)
            QVERIFY2(r.out.contains(line.toUtf8()),
                     qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(line, QString::fromUtf8(r.out))));
        QVERIFY(!r.out.contains("not-a-real-secret"));
    }

    void runtimeMissingFromTheEngine()
    {
        PrivateDockerd engine; // runc only
        QVERIFY2(engine.start(), engine.log().constData());
        const HostRun r = doctor({QStringLiteral("docker.host=") + engine.host(), QStringLiteral("runtime=runsc")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("[FAIL] Runtime \"runsc\" registered"), r.out.constData());
        QVERIFY(r.out.contains("Fix: Register it in /etc/docker/daemon.json"));
        QVERIFY(r.out.contains("[warn] gVisor (runsc) available"));
    }

    void asksTheServingHost()
    {
        const QString admin = QStringLiteral("127.0.0.1:") + QString::number(freePort());
        std::unique_ptr<QProcess> serve(
                m_host.spawn({QStringLiteral("serve"), QStringLiteral("--admin"), admin, QStringLiteral("--set"),
                              QStringLiteral("lifecycle.gcInterval=1")}));
        QVERIFY(serve->waitForStarted());
        HostRun r;
        QTRY_VERIFY_WITH_TIMEOUT(
                (r = doctor({QStringLiteral("admin.listen=") + admin})).out.contains("[ok  ] Serving host status"),
                20000);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("[ok  ] Garbage collection runs"));
        QVERIFY(r.out.contains("[ok  ] Proxy sockets in place"));
        serve->terminate();
        QVERIFY(serve->waitForFinished(30000));
    }
};

QTEST_GUILESS_MAIN(tst_Doctor)
#include "tst_doctor.moc"
