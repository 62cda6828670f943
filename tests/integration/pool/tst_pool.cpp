// The warm pool against the real engine: a new conversation's first call
// runs in a container started ahead of time, which then carries the
// conversation's name and workspace as if it had been made for it; the pool
// refills; a pool whose process died is collected with its files.
#include "hakohostdriver.h"
#include "pluginsession.h"

#include "lifecycle/loopmount.h"
#include "policy/conversationid.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <memory>

namespace {

constexpr int kPool = 2;

QStringList psNames(const QString &instance, const QString &state = {})
{
    QStringList args = {QStringLiteral("ps"),       QStringLiteral("-a"),
                        QStringLiteral("--format"), QStringLiteral("{{.Names}}"),
                        QStringLiteral("--filter"), QStringLiteral("label=org.hako.instance=") + instance};
    if (!state.isEmpty())
        args << QStringLiteral("--filter") << QStringLiteral("status=") + state;
    QStringList names =
            QString::fromUtf8(HakoHostDriver::docker(args).out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    names.sort();
    return names;
}

QString containerId(const QString &name)
{
    return QString::fromUtf8(HakoHostDriver::docker(
                                     {QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Id}}"), name})
                                     .out)
            .trimmed();
}

// The plugin in this process, on the driver's paths (so its instance is the driver's).
QString open(PluginSession &session, const HakoHostDriver &host, QJsonObject settings)
{
    settings.insert(QStringLiteral("paths.workspaces"), host.workspacesDir());
    settings.insert(QStringLiteral("paths.runtime"), host.runtimeDir());
    return session.open(settings);
}

int poolReady(const PluginSession &session)
{
    return session.executor()->health().value(QLatin1String("pool")).toObject().value(QLatin1String("ready")).toInt();
}

QString key(const QString &conversation)
{
    return hako::conversationKey(conversation);
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
        PluginSession session;
        const QString problem = open(session, host,
                                     {{QStringLiteral("pool.size"), kPool},
                                      {QStringLiteral("limits.workspaceSize"), QStringLiteral("256m")}});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        session.executor()->start();
        QVERIFY(PluginSession::waitFor([&] { return poolReady(session) == kPool; }, 60000));
        QStringList warmIds;
        for (const QString &n : psNames(host.instanceId()))
            warmIds << containerId(n);
        QCOMPARE(warmIds.size(), kPool);

        QElapsedTimer clock;
        clock.start();
        const CallReply first = session.bash(QStringLiteral("p1"), QStringLiteral("echo hi > f; ls -A"));
        qInfo("first call with a warm container: %lld ms", clock.elapsed());
        QVERIFY2(!first.error, qPrintable(first.error.logMessage));
        QCOMPARE(first.result.value(QLatin1String("stdout")).toString(), QStringLiteral("f\n")); // fresh, nothing else
        const QString name = host.containerOf(QStringLiteral("p1"));
        // Renamed in the background to the conversation's name: one of the warm ones.
        QVERIFY(PluginSession::waitFor([&] { return psNames(host.instanceId()).contains(name); }, 15000));
        QVERIFY2(warmIds.contains(containerId(name)),
                 "the first call ran in a container started for it, not a warm one");
        const QString id = containerId(name);
        const QString workspace = host.workspacesDir() + QLatin1Char('/') + key(QStringLiteral("p1"));
        QVERIFY(QFile::exists(workspace + QStringLiteral("/f")));
        QVERIFY(PluginSession::waitFor(
                [&] {
            return !QFile::exists(host.runtimeDir() + QStringLiteral("/pool/claims/") + key(QStringLiteral("p1")));
                },
                15000));
        // The size cap moved with the workspace: still its own filesystem, nodev,nosuid.
        const QString options = hako::loopmount::mountOptions(workspace);
        QVERIFY2(options.contains(QLatin1String("nodev")) && options.contains(QLatin1String("nosuid")),
                 qPrintable(options));

        // The pool refills; the conversation has exactly one container, found by
        // another process too; GC sees nothing to collect among them.
        QVERIFY(PluginSession::waitFor([&] { return poolReady(session) == kPool; }, 60000));
        QCOMPARE(psNames(host.instanceId()).size(), kPool + 1);
        const HostRun again = host.exec(QStringLiteral("p1"), QStringLiteral("cat f"));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, QByteArray("hi\n"));
        QCOMPARE(containerId(name), id);
        const HostRun gc = host.run({QStringLiteral("gc")});
        QCOMPARE(gc.exitCode, 0);
        QCOMPARE(gc.json().value(QLatin1String("reaped")).toObject().size(), 0);
        QCOMPARE(psNames(host.instanceId()).size(), kPool + 1);

        // A conversation that already has a workspace gets its own container, not a warm one.
        QVERIFY(QDir().mkpath(host.workspacesDir() + QLatin1Char('/') + key(QStringLiteral("old"))));
        const QStringList before = psNames(host.instanceId());
        const CallReply old = session.bash(QStringLiteral("old"), QStringLiteral("true"));
        QVERIFY2(!old.error, qPrintable(old.error.logMessage));
        QCOMPARE(poolReady(session), kPool);
        for (const QString &n : before)
            QVERIFY(psNames(host.instanceId()).contains(n));

        session.executor()->shutdown();
        QVERIFY(psNames(host.instanceId()).isEmpty());
        QVERIFY(hako::loopmount::mountPointsUnder(host.workspacesDir()).isEmpty());
        QVERIFY(QDir(host.workspacesDir() + QStringLiteral("/.pool")).isEmpty());
        QVERIFY(QFile::exists(workspace + QStringLiteral(".img")));
    }

    void killedWarmContainerIsReplaced()
    {
        HakoHostDriver host;
        PluginSession session;
        const QString problem = open(session, host, {{QStringLiteral("pool.size"), 1}});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        session.executor()->start();
        QVERIFY(PluginSession::waitFor([&] { return poolReady(session) == 1; }, 60000));
        const QStringList warm = psNames(host.instanceId());
        QCOMPARE(warm.size(), 1);
        QCOMPARE(HakoHostDriver::docker({QStringLiteral("kill"), warm.first()}).exitCode, 0);
        QVERIFY(PluginSession::waitFor(
                [&] {
            const QStringList now = psNames(host.instanceId());
            return now.size() == 1 && now != warm && poolReady(session) == 1;
                },
                60000));
        const CallReply call = session.bash(QStringLiteral("after-kill"), QStringLiteral("echo ok"));
        QVERIFY2(!call.error, qPrintable(call.error.logMessage));
        QCOMPARE(call.result.value(QLatin1String("stdout")).toString(), QStringLiteral("ok\n"));
    }

    // `serve` keeps a pool and dies by kill -9: its warm containers lose their
    // pool (the kernel drops its locks), GC takes them and their files away.
    void poolOfADeadProcessIsCollected()
    {
        HakoHostDriver host;
        host.set(QStringLiteral("pool.size=%1").arg(kPool));
        host.set(QStringLiteral("limits.workspaceSize=64m"));
        std::unique_ptr<QProcess> serve(host.spawn({QStringLiteral("serve")}));
        QVERIFY(PluginSession::waitFor(
                [&] { return psNames(host.instanceId(), QStringLiteral("running")).size() == kPool; }, 90000));
        serve->kill();
        serve->waitForFinished(10000);
        QCOMPARE(psNames(host.instanceId()).size(), kPool);

        const HostRun gc = host.run({QStringLiteral("gc")});
        QCOMPARE(gc.exitCode, 0);
        QCOMPARE(gc.json().value(QLatin1String("reaped")).toObject().value(QLatin1String("pool_stale")).toInt(), kPool);
        QVERIFY(psNames(host.instanceId()).isEmpty());
        QVERIFY(QDir(host.workspacesDir() + QStringLiteral("/.pool")).isEmpty());
        QVERIFY(hako::loopmount::mountPointsUnder(host.workspacesDir()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Pool)
#include "tst_pool.moc"
