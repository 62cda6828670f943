// Ending a conversation at awkward moments, both found by bench_load's soak:
// from the finished() slot of its last call (the plugin freed the agent
// channel inside the channel's own read), and while a GC sweep removes the
// same container (the sweep dropped the ending sandbox and the end never
// finished). Each end must finish, without error, and leave nothing behind.
// And the ways a call ends early: its handle deleted while the command runs,
// an end of a conversation that is gone.
#include "dockerwrapper.h"
#include "pluginsession.h"

#include <hako/toolcall.h>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QFile>
#include <QTest>

#include <memory>

namespace {

int containersOf(const QString &instance)
{
    QProcess p;
    p.start(QStringLiteral("docker"), {QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                       QStringLiteral("label=org.hako.instance=") + instance});
    p.waitForFinished(60000);
    return int(QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
}

} // namespace

class tst_Ending : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endFromFinishedSlot()
    {
        PluginSession session;
        const QString problem = session.open({{QStringLiteral("limits.workspaceSize"), QStringLiteral("64m")}});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        hako::ToolExecutor *executor = session.executor();
        for (int round = 0; round < 3; ++round) {
            const QString conversation = QStringLiteral("end-in-slot-%1").arg(round);
            QVERIFY(!session.bash(conversation, QStringLiteral("true")).error);
            std::unique_ptr<hako::ToolCall> call(
                    executor->call(conversation, QStringLiteral("last"), QStringLiteral("bash"),
                                   {{QStringLiteral("command"), QStringLiteral("echo done")}}));
            std::unique_ptr<hako::ToolCall> end;
            connect(call.get(), &hako::ToolCall::finished, this,
                    [&] { end.reset(executor->endConversation(conversation, true)); });
            QVERIFY(PluginSession::waitFor([&] { return end && end->isFinished(); }, 120000));
            QVERIFY2(!call->error(), qPrintable(call->error().logMessage));
            QCOMPARE(call->result().value(QLatin1String("stdout")).toString(), QStringLiteral("done\n"));
            QVERIFY2(!end->error(), qPrintable(end->error().logMessage));
        }
        const QString instance = executor->health().value(QLatin1String("instance")).toString();
        QCOMPARE(containersOf(instance), 0);
    }

    // The end's `docker rm` is held back (a wrapper sleeps before the first
    // rm after a mark is set) so that the sweep removes the container and
    // reports it reaped while the end still waits for the engine.
    void endWhileSweepRemovesTheContainer()
    {
        QTemporaryDir dir;
        const QString mark = dir.filePath(QStringLiteral("slow-rm"));
        const QString shim = dir.filePath(QStringLiteral("slowdocker"));
        QString error;
        QVERIFY2(writeDockerWrapper(
                         shim,
                         QStringLiteral("if [ \"$1\" = rm ] && rm \"%1\" 2>/dev/null; then sleep 3; fi").arg(mark),
                         &error),
                 qPrintable(error));

        PluginSession session;
        const QString problem = session.open({{QStringLiteral("docker.binary"), shim},
                                              {QStringLiteral("limits.workspaceSize"), QStringLiteral("64m")},
                                              {QStringLiteral("lifecycle.idleTtl"), 2},
                                              {QStringLiteral("lifecycle.gcInterval"), 3600}});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        hako::ToolExecutor *executor = session.executor();
        executor->start();
        QVERIFY(!session.bash(QStringLiteral("quiet"), QStringLiteral("echo kept > f")).error);
        PluginSession::waitFor([] { return false; }, 3500); // past the idle TTL

        QVERIFY(QFile(mark).open(QIODevice::WriteOnly));
        std::unique_ptr<hako::ToolCall> end(executor->endConversation(QStringLiteral("quiet"), true));
        PluginSession::waitFor([] { return false; }, 300);
        std::unique_ptr<hako::ToolCall> gc(executor->collectGarbage());
        QVERIFY(PluginSession::waitFor([&] { return gc->isFinished(); }, 60000));
        QVERIFY2(!gc->error(), qPrintable(gc->error().logMessage));
        // The sweep, not the end, removed it: the race happened.
        QCOMPARE(gc->result().value(QLatin1String("reaped")).toObject().value(QLatin1String("idle_ttl")).toInt(), 1);
        QVERIFY2(PluginSession::waitFor([&] { return end->isFinished(); }, 60000), "the end never finished");
        QVERIFY2(!end->error(), qPrintable(end->error().logMessage));
        QCOMPARE(containersOf(executor->health().value(QLatin1String("instance")).toString()), 0);
        QVERIFY(QDir(session.root() + QStringLiteral("/run/sockets")).isEmpty());

        // The conversation starts afresh: its workspace was deleted with the end.
        const CallReply again = session.bash(QStringLiteral("quiet"), QStringLiteral("ls"));
        QVERIFY2(!again.error, qPrintable(again.error.logMessage));
        QCOMPARE(again.result.value(QLatin1String("stdout")).toString(), QString());
        QCOMPARE(session.end(QStringLiteral("quiet")).error.code, QString());
    }

    // Deleting the handle of a running call cancels it: the command is gone
    // from the container and the conversation serves the next call.
    void deletingTheHandleCancels()
    {
        PluginSession session;
        const QString problem = session.open({{QStringLiteral("limits.workspaceSize"), QStringLiteral("64m")}});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString c = QStringLiteral("deleted");
        QByteArray out;
        auto *call = session.executor()->call(c, QStringLiteral("long"), QStringLiteral("bash"),
                                              {{QStringLiteral("command"), QStringLiteral("echo started; sleep 300")}});
        connect(call, &hako::ToolCall::output, this, [&out](hako::ToolCall::Stream, const QByteArray &b) { out += b; });
        QVERIFY(PluginSession::waitFor([&] { return out.contains("started"); }, 120000));
        delete call;
        const auto sleepers = [&] {
            return session.bash(c, QStringLiteral("grep -lx sleep /proc/[0-9]*/comm 2>/dev/null | wc -l"))
                    .result.value(QLatin1String("stdout"))
                    .toString();
        };
        QVERIFY(PluginSession::waitFor([&] { return sleepers() == QLatin1String("0\n"); }, 30000));
        QCOMPARE(session.bash(c, QStringLiteral("echo next")).result.value(QLatin1String("stdout")).toString(),
                 QStringLiteral("next\n"));
        QCOMPARE(session.end(c).error.code, QString());
        // Container and workspace are gone: there is nothing left to end.
        QCOMPARE(session.end(c).error.code, QStringLiteral("conversation_not_found"));
    }
};

QTEST_GUILESS_MAIN(tst_Ending)
#include "tst_ending.moc"
