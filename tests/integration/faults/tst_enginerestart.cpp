// The container engine stops and comes back (as `systemctl restart docker`
// does), on a dockerd of the test's own: the call in flight ends with a clear
// error, calls while it is down fail fast and say why, and once it is back the
// conversation goes on with its files in a single new container.
#include "hakohostdriver.h"
#include "privatedockerd.h"

#include <QTest>

#include <future>

class tst_EngineRestart : public QObject
{
    Q_OBJECT

    static QStringList containersOf(const PrivateDockerd &dockerd, const HakoHostDriver &host)
    {
        QByteArray out;
        dockerd.docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                        QStringLiteral("label=org.hako.instance=") + host.instanceId()},
                       &out);
        return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void engineStopsAndComesBack()
    {
        PrivateDockerd dockerd;
        QVERIFY2(dockerd.start(), dockerd.log().constData());
        QVERIFY(dockerd.importMinimalImage(QStringLiteral("hako-test/minimal:latest")));
        HakoHostDriver host;
        host.set(QStringLiteral("docker.host=") + dockerd.host());
        host.set(QStringLiteral("image=hako-test/minimal:latest"));
        host.set(QStringLiteral("limits.workspaceSize=64m"));
        const QString c = QStringLiteral("engine");
        const HostRun first = host.exec(c, QStringLiteral("echo kept > k"));
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(containersOf(dockerd, host).size(), 1);

        auto pending = std::async(std::launch::async, [&] { return host.exec(c, QStringLiteral("sleep 120")); });
        QTest::qWait(3000);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(dockerd.stop());
        qInfo("dockerd stopped in %lld ms", clock.elapsed());
        const HostRun interrupted = pending.get();
        QCOMPARE(interrupted.exitCode, 125);
        QVERIFY2(interrupted.err.contains("sandbox stopped during the call"), interrupted.err.constData());

        const HostRun down = host.exec(c, QStringLiteral("cat k"));
        qInfo("a call while the engine is down failed after %lld ms", down.ms);
        QCOMPARE(down.exitCode, 125);
        QVERIFY2(down.err.contains("container engine failed"), down.err.constData());
        QVERIFY(down.ms < 30000);

        QVERIFY2(dockerd.start(), dockerd.log().constData());
        const HostRun back = host.exec(c, QStringLiteral("cat k"));
        QCOMPARE(back.exitCode, 0);
        QCOMPARE(back.out, QByteArray("kept\n"));
        QCOMPARE(containersOf(dockerd, host).size(), 1); // the stopped one was replaced, not kept beside
    }
};

QTEST_GUILESS_MAIN(tst_EngineRestart)
#include "tst_enginerestart.moc"
