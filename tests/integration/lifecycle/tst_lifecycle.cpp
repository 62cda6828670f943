// Lifecycle against the real engine, with TTLs of seconds: `hako-host serve`
// collects idle, old and orphaned containers, never one with a call in
// flight, keeps workspaces, survives a crash and cleans up on SIGTERM.
#include "hakohostdriver.h"
#include "pluginsession.h"

#include "lifecycle/loopmount.h"
#include "policy/conversationid.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <memory>

namespace {

// A `hako-host serve` in the background; GC's debug log tells what it did.
class Serve
{
public:
    explicit Serve(const HakoHostDriver &host) : m_process(host.spawn({QStringLiteral("serve")})) {}
    ~Serve()
    {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    QByteArray log()
    {
        m_log += m_process->readAllStandardError();
        return m_log;
    }
    bool waitForLog(const QByteArray &needle, int timeoutMs = 30000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!log().contains(needle) && clock.elapsed() < timeoutMs)
            QTest::qWait(50);
        if (!log().contains(needle))
            qWarning("serve's log so far:\n%s", log().constData());
        return log().contains(needle);
    }
    // SIGTERM; the exit code, or -1 when it did not exit normally within the bound.
    int terminate(int boundMs = 20000)
    {
        m_process->terminate();
        if (!m_process->waitForFinished(boundMs))
            return -1;
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    }
    void crash()
    {
        m_process->kill();
        m_process->waitForFinished(5000);
    }

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
};

void configure(HakoHostDriver &host, const QStringList &assignments)
{
    host.setEnvironment(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("hako.gc.debug=true"));
    for (const QString &a : assignments)
        host.set(a);
}

// IDs of the instance's containers, of one conversation when given.
QStringList containersOf(const QString &instance, const QString &conversation = {})
{
    QStringList args = {QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc"),
                        QStringLiteral("--filter"), QStringLiteral("label=org.hako.instance=") + instance};
    if (!conversation.isEmpty())
        args << QStringLiteral("--filter")
             << QStringLiteral("label=org.hako.conversation=") + hako::conversationKey(conversation);
    QStringList ids = QString::fromUtf8(HakoHostDriver::docker(args).out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ids.sort();
    return ids;
}

QStringList containers(const HakoHostDriver &host, const QString &conversation = {})
{
    return containersOf(host.instanceId(), conversation);
}

QString workspaceFile(const HakoHostDriver &host, const QString &conversation, const QString &name)
{
    return host.workspacesDir() + QLatin1Char('/') + hako::conversationKey(conversation) + QLatin1Char('/') + name;
}

// A reaped container's image is unmounted once `docker rm` has returned, a moment
// after the container has left the listing.
bool workspacesUnmounted(const HakoHostDriver &host)
{
    return PluginSession::waitFor([&] { return hako::loopmount::mountPointsUnder(host.workspacesDir()).isEmpty(); },
                                  5000);
}

} // namespace

class tst_Lifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleContainerIsReapedWorkspaceStays()
    {
        HakoHostDriver host;
        configure(host, {QStringLiteral("lifecycle.idleTtl=3"), QStringLiteral("lifecycle.gcInterval=1")});
        Serve serve(host);
        QVERIFY(serve.waitForLog("sweep:"));
        // Started before the call: its last activity is no earlier than this, however
        // long the call and the listing after it take under load.
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(host.exec(QStringLiteral("idle"), QStringLiteral("echo kept > kept.txt")).exitCode, 0);
        const QStringList first = containers(host, QStringLiteral("idle"));
        QCOMPARE(first.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(containers(host).isEmpty(), 15000);
        qInfo("idle container reaped %lld ms after its call began (idle TTL 3 s)", clock.elapsed());
        QVERIFY(clock.elapsed() >= 2500);
        QVERIFY(serve.waitForLog("reason idle_ttl"));
        // The workspace stays: as root its size-capped image, unmounted until the next container.
        const QString workspace = workspaceFile(host, QStringLiteral("idle"), QString()).chopped(1);
        if (QFile::exists(workspace + QStringLiteral(".img")))
            QVERIFY(workspacesUnmounted(host));
        else
            QVERIFY(QFile::exists(workspaceFile(host, QStringLiteral("idle"), QStringLiteral("kept.txt"))));

        const HostRun again = host.exec(QStringLiteral("idle"), QStringLiteral("cat kept.txt"));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, QByteArray("kept\n"));
        const QStringList second = containers(host, QStringLiteral("idle"));
        QCOMPARE(second.size(), 1);
        QVERIFY(second != first);
        QCOMPARE(serve.terminate(), 0);
    }

    void busyContainerIsReapedAtAbsoluteTtl()
    {
        HakoHostDriver host;
        configure(host, {QStringLiteral("lifecycle.idleTtl=60"), QStringLiteral("lifecycle.absoluteTtl=4"),
                         QStringLiteral("lifecycle.gcInterval=1")});
        Serve serve(host);
        QVERIFY(serve.waitForLog("sweep:"));
        // The container's age counts from its creation, which the first call includes
        // (seconds under load): the clock starts before it.
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(host.exec(QStringLiteral("busy"), QStringLiteral("echo busy > busy.txt")).exitCode, 0);
        const QStringList first = containers(host, QStringLiteral("busy"));
        QStringList now = first;
        int calls = 0;
        // Calls keep coming, so the idle TTL never runs out; none of them may fail.
        while ((now.isEmpty() || now == first) && clock.elapsed() < 30000) {
            const HostRun r = host.exec(QStringLiteral("busy"), QStringLiteral("cat busy.txt"));
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out, QByteArray("busy\n"));
            ++calls;
            now = containers(host, QStringLiteral("busy"));
        }
        qInfo("busy container replaced after %lld ms and %d calls (absolute TTL 4 s)", clock.elapsed(), calls);
        QCOMPARE(now.size(), 1);
        QVERIFY(now != first);
        QVERIFY(clock.elapsed() >= 3000);
        QVERIFY(serve.waitForLog("reason absolute_ttl"));
        QVERIFY(!serve.log().contains("reason idle_ttl"));
        QCOMPARE(serve.terminate(), 0);
    }

    void callInFlightIsNeverCollected()
    {
        HakoHostDriver host;
        configure(host, {QStringLiteral("lifecycle.idleTtl=2"), QStringLiteral("lifecycle.gcInterval=1")});
        Serve serve(host);
        QVERIFY(serve.waitForLog("sweep:"));
        const HostRun r = host.exec(QStringLiteral("inflight"), QStringLiteral("echo before > f; sleep 6; cat f"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("before\n"));
        QCOMPARE(containers(host, QStringLiteral("inflight")).size(), 1);
        QVERIFY(serve.waitForLog("(a call is in flight)"));
        QVERIFY(!serve.log().contains("reaped"));
        // Once the call is over, the idle TTL applies as usual.
        QTRY_VERIFY_WITH_TIMEOUT(containers(host).isEmpty(), 10000);
        QCOMPARE(serve.terminate(), 0);
    }

    // kill -9 of `serve` with five live conversations; a new `serve` adopts the
    // three still within their idle TTL, reaps the two that ran out while no
    // host was up, and once the TTL passes with no calls leaves nothing behind.
    void restartAdoptsLiveAndReapsExpired()
    {
        constexpr int kIdleTtl = 10;
        const QStringList expired = {QStringLiteral("old-1"), QStringLiteral("old-2")};
        const QStringList live = {QStringLiteral("live-1"), QStringLiteral("live-2"), QStringLiteral("live-3")};
        HakoHostDriver host;
        configure(host, {});
        Serve crashed(host);
        QVERIFY(crashed.waitForLog("sweep:"));
        for (const QString &c : expired)
            QCOMPARE(host.exec(c, QStringLiteral("echo %1 > f").arg(c)).exitCode, 0);
        QTest::qWait((kIdleTtl + 1) * 1000);
        QMap<QString, QStringList> ids;
        for (const QString &c : live) {
            QCOMPARE(host.exec(c, QStringLiteral("echo %1 > f").arg(c)).exitCode, 0);
            ids.insert(c, containers(host, c));
            QCOMPARE(ids.value(c).size(), 1);
        }
        QCOMPARE(containers(host).size(), 5);
        crashed.crash(); // kill -9: no shutdown, the containers stay

        configure(host,
                  {QStringLiteral("lifecycle.idleTtl=%1").arg(kIdleTtl), QStringLiteral("lifecycle.gcInterval=1")});
        QElapsedTimer clock;
        clock.start();
        Serve restarted(host);
        QVERIFY(PluginSession::waitFor([&] { return containers(host).size() == live.size(); }, 10000));
        qInfo("expired containers reaped %lld ms after the restart", clock.elapsed());
        for (const QString &c : expired)
            QVERIFY(containers(host, c).isEmpty());
        for (const QString &c : live) {
            const HostRun adopted = host.exec(c, QStringLiteral("cat f"));
            QCOMPARE(adopted.out, (c + QLatin1Char('\n')).toUtf8());
            QCOMPARE(containers(host, c), ids.value(c)); // the same container carries on
        }
        // No more calls: after the idle TTL nothing labelled as this host's is left.
        QVERIFY(PluginSession::waitFor([&] { return containers(host).isEmpty(); }, (kIdleTtl + 10) * 1000));
        qInfo("live conversations reaped %lld ms after the restart, with no call since", clock.elapsed());
        QVERIFY(workspacesUnmounted(host));
        // Their files are kept: a conversation that comes back finds them.
        QCOMPARE(host.exec(expired.first(), QStringLiteral("cat f")).out, QByteArray("old-1\n"));
        QCOMPARE(restarted.terminate(), 0);
        QVERIFY(containers(host).isEmpty());
    }

    void orphanOfGoneInstanceIsReaped()
    {
        auto gone = std::make_unique<HakoHostDriver>();
        QCOMPARE(gone->exec(QStringLiteral("orphan"), QStringLiteral("true")).exitCode, 0);
        const QString goneInstance = gone->instanceId();
        HakoHostDriver neighbour; // alive: its containers are its own business, however old
        QCOMPARE(neighbour.exec(QStringLiteral("neighbour"), QStringLiteral("true")).exitCode, 0);
        QVERIFY(QFile::remove(gone->runtimeDir() + QStringLiteral("/instance-id")));

        HakoHostDriver host;
        configure(host, {QStringLiteral("lifecycle.idleTtl=2"), QStringLiteral("lifecycle.gcInterval=1")});
        Serve serve(host);
        QTRY_VERIFY_WITH_TIMEOUT(containersOf(goneInstance).isEmpty(), 15000);
        QVERIFY(serve.waitForLog("reason orphan"));
        QCOMPARE(containers(neighbour).size(), 1);
        QCOMPARE(serve.terminate(), 0);
        QCOMPARE(containers(neighbour).size(), 1); // shutdown removes only its own
    }

    void shutdownRemovesEveryContainer()
    {
        constexpr int kConversations = 20;
        HakoHostDriver host;
        configure(host, {});
        std::vector<std::unique_ptr<QProcess>> execs;
        for (int i = 0; i < kConversations; ++i)
            execs.emplace_back(
                    host.spawn({QStringLiteral("exec"), QStringLiteral("--conversation"), QStringLiteral("s%1").arg(i),
                                QStringLiteral("--"), QStringLiteral("true")}));
        for (auto &p : execs) {
            QVERIFY(p->waitForFinished(180000));
            QCOMPARE(p->exitCode(), 0);
        }
        QCOMPARE(containers(host).size(), kConversations);
        Serve serve(host);
        QVERIFY(serve.waitForLog("sweep:"));
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(serve.terminate(), 0);
        qInfo("SIGTERM to exit with %d containers: %lld ms", kConversations, clock.elapsed());
        QVERIFY(clock.elapsed() < 15000);
        QVERIFY(containers(host).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Lifecycle)
#include "tst_lifecycle.moc"
