// The warm pool against the real engine: a new conversation's first call
// runs in a container started ahead of time, which then carries the
// conversation's name and workspace as if it had been made for it; the pool
// refills; a pool whose process is gone is collected with its files.
#include "hakohostdriver.h"
#include "inprocessplugin.h"

#include "lifecycle/loopmount.h"
#include "policy/conversationid.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

namespace {

constexpr int kPool = 2;

QStringList psNames(const QString &instance)
{
    const HostRun r = HakoHostDriver::docker({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                                              QStringLiteral("{{.Names}}"), QStringLiteral("--filter"),
                                              QStringLiteral("label=org.hako.instance=") + instance});
    QStringList names = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    names.sort();
    return names;
}

QString containerId(const QString &name)
{
    return QString::fromUtf8(HakoHostDriver::docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                                     QStringLiteral("{{.Id}}"), name}).out).trimmed();
}

int poolReady(const InProcessPlugin &session)
{
    return session.executor()->health().value(QLatin1String("pool")).toObject().value(QLatin1String("ready")).toInt();
}


} // namespace

class tst_Pool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newConversationTakesAWarmContainer()
    {
        HakoHostDriver host;
        host.set(QStringLiteral("limits.workspaceSize=256m"));
        InProcessPlugin session(host, {{QStringLiteral("pool.size"), kPool},
                                     {QStringLiteral("limits.workspaceSize"), QStringLiteral("256m")}});
        QVERIFY2(session.isValid(), qPrintable(session.problem()));
        session.executor()->start();
        QVERIFY(waitUntil([&] { return poolReady(session) == kPool; }, 60000));
        QStringList warmIds;
        for (const QString &n : psNames(host.instanceId()))
            warmIds << containerId(n);
        QCOMPARE(warmIds.size(), kPool);

        const InProcessOutcome first = session.bash(QStringLiteral("p1"), QStringLiteral("echo hi > f; ls -A"));
        QVERIFY2(!first.error, qPrintable(first.error.logMessage));
        QCOMPARE(first.stdoutText(), QStringLiteral("f\n")); // a fresh workspace, nothing else in it
        qInfo("first call with a warm container: %lld ms", first.ms);
        const QString name = host.containerOf(QStringLiteral("p1"));
        // Renamed in the background to the conversation's name: one of the warm ones.
        QVERIFY(waitUntil([&] { return psNames(host.instanceId()).contains(name); }, 15000));
        const QString id = containerId(name);
        QVERIFY2(warmIds.contains(id), "the first call ran in a container started for it, not a warm one");
        const QString key = hako::conversationKey(QStringLiteral("p1"));
        QVERIFY(QFile::exists(host.workspacesDir() + QLatin1Char('/') + key + QStringLiteral("/f")));
        QVERIFY(waitUntil([&] { return !QFile::exists(host.runtimeDir() + QStringLiteral("/pool/claims/") + key); }, 15000));
        // The size cap moved with the workspace: still its own filesystem, nodev,nosuid.
        const QString options = hako::loopmount::mountOptions(host.workspacesDir() + QLatin1Char('/') + key);
        QVERIFY2(options.contains(QLatin1String("nodev")) && options.contains(QLatin1String("nosuid")), qPrintable(options));

        // The pool refills; the conversation has exactly one container, found by
        // another process too.
        QVERIFY(waitUntil([&] { return poolReady(session) == kPool; }, 60000));
        QCOMPARE(psNames(host.instanceId()).size(), kPool + 1);
        const HostRun again = host.exec(QStringLiteral("p1"), QStringLiteral("cat f"));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, QByteArray("hi\n"));
        QCOMPARE(containerId(name), id);
        QCOMPARE(psNames(host.instanceId()).size(), kPool + 1);

        // A conversation that already has a workspace gets its own container, not a warm one.
        QVERIFY(QDir().mkpath(host.workspacesDir() + QLatin1Char('/') + hako::conversationKey(QStringLiteral("old"))));
        const QStringList before = psNames(host.instanceId());
        const InProcessOutcome old = session.bash(QStringLiteral("old"), QStringLiteral("true"));
        QVERIFY2(!old.error, qPrintable(old.error.logMessage));
        QCOMPARE(poolReady(session), kPool);
        for (const QString &n : before)
            QVERIFY(psNames(host.instanceId()).contains(n));

        session.executor()->shutdown();
        QVERIFY(psNames(host.instanceId()).isEmpty());
        QVERIFY(hako::loopmount::mountPointsUnder(host.workspacesDir()).isEmpty());
        QVERIFY(QDir(host.workspacesDir() + QStringLiteral("/.pool")).isEmpty());
        QVERIFY(QFile::exists(host.workspacesDir() + QLatin1Char('/') + key + QStringLiteral(".img")));
    }

    void killedWarmContainerIsReplaced()
    {
        HakoHostDriver host;
        InProcessPlugin session(host, {{QStringLiteral("pool.size"), 1}});
        QVERIFY2(session.isValid(), qPrintable(session.problem()));
        session.executor()->start();
        QVERIFY(waitUntil([&] { return poolReady(session) == 1; }, 60000));
        const QStringList warm = psNames(host.instanceId());
        QCOMPARE(warm.size(), 1);
        QCOMPARE(HakoHostDriver::docker({QStringLiteral("kill"), warm.first()}).exitCode, 0);
        QVERIFY(waitUntil([&] {
            const QStringList now = psNames(host.instanceId());
            return now.size() == 1 && now != warm;
        }, 60000));
        QVERIFY(waitUntil([&] { return poolReady(session) == 1; }, 60000));
        const InProcessOutcome call = session.bash(QStringLiteral("after-kill"), QStringLiteral("echo ok"));
        QVERIFY2(!call.error, qPrintable(call.error.logMessage));
        QCOMPARE(call.stdoutText(), QStringLiteral("ok\n"));
        // Configuring afresh abandons the pool (its locks go with it).
        QVERIFY(session.executor()->configure({{QStringLiteral("paths.workspaces"), host.workspacesDir()},
                                               {QStringLiteral("paths.runtime"), host.runtimeDir()}}).isEmpty());
    }

    // A pool whose process is gone: GC takes its containers and files away, and
    // leaves the conversation that took one of them alone.
    void abandonedPoolIsCollected()
    {
        HakoHostDriver host;
        {
            InProcessPlugin session(host, {{QStringLiteral("pool.size"), kPool},
                                         {QStringLiteral("limits.workspaceSize"), QStringLiteral("64m")}});
            QVERIFY2(session.isValid(), qPrintable(session.problem()));
            session.executor()->start();
            QVERIFY(waitUntil([&] { return poolReady(session) == kPool; }, 60000));
            QVERIFY(!session.bash(QStringLiteral("taken"), QStringLiteral("echo mine > f")).error);
            QVERIFY(waitUntil([&] { return psNames(host.instanceId()).contains(host.containerOf(QStringLiteral("taken"))); }, 15000));
            QVERIFY(waitUntil([&] { return poolReady(session) == kPool; }, 60000));
            // As if the process died: the pool's locks are released, its containers stay.
            QVERIFY(session.executor()->configure({{QStringLiteral("paths.workspaces"), host.workspacesDir()},
                                                   {QStringLiteral("paths.runtime"), host.runtimeDir()}}).isEmpty());
        }
        QCOMPARE(psNames(host.instanceId()).size(), kPool + 1);
        host.set(QStringLiteral("limits.workspaceSize=64m"));
        const HostRun gc = host.run({QStringLiteral("gc")});
        QCOMPARE(gc.exitCode, 0);
        QCOMPARE(gc.json().value(QLatin1String("reaped")).toObject().value(QLatin1String("pool_stale")).toInt(), kPool);
        QCOMPARE(psNames(host.instanceId()), QStringList{host.containerOf(QStringLiteral("taken"))});
        QVERIFY(QDir(host.workspacesDir() + QStringLiteral("/.pool")).isEmpty());
        QCOMPARE(hako::loopmount::mountPointsUnder(host.workspacesDir()).size(), 1); // the taken one's
        const HostRun taken = host.exec(QStringLiteral("taken"), QStringLiteral("cat f"));
        QCOMPARE(taken.out, QByteArray("mine\n"));
    }
};

QTEST_GUILESS_MAIN(tst_Pool)
#include "tst_pool.moc"
