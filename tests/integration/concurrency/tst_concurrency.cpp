// Many conversations at once against the real engine: fifty started together
// in one host each get a container of their own (none shared, none twice) and
// no call fails; one conversation started by several processes at once gets
// exactly one container.
#include "hakohostdriver.h"
#include "pluginsession.h"

#include <hako/toolcall.h>

#include "policy/conversationid.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>
#include <vector>

namespace {

// Prints the container's ID as the container sees it (its cgroup path) and
// what the workspace holds, after leaving a mark in it.
QString probe(const QString &mark)
{
    return QStringLiteral("echo %1 > mine; grep -o -m1 '[0-9a-f]\\{64\\}' /proc/1/cgroup; ls -A; cat mine").arg(mark);
}

// conversation label -> container IDs, from the engine.
QMultiMap<QString, QString> containersByConversation(const QString &instance)
{
    const HostRun r = HakoHostDriver::docker(
            {QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--no-trunc"), QStringLiteral("--format"),
             QStringLiteral("{{.Label \"org.hako.conversation\"}} {{.ID}}"), QStringLiteral("--filter"),
             QStringLiteral("label=org.hako.instance=") + instance});
    QMultiMap<QString, QString> map;
    for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        map.insert(line.section(QLatin1Char(' '), 0, 0), line.section(QLatin1Char(' '), 1, 1));
    return map;
}

} // namespace

class tst_Concurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fiftyConversationsAtOnce()
    {
        constexpr int kConversations = 50;
        HakoHostDriver host;
        // Small limits: fifty containers on a small machine. The long timeout
        // covers queueing behind forty-nine other `docker run`s.
        PluginSession session;
        const QString problem = session.open({{QStringLiteral("paths.workspaces"), host.workspacesDir()},
                                              {QStringLiteral("paths.runtime"), host.runtimeDir()},
                                              {QStringLiteral("limits.memory"), QStringLiteral("256m")},
                                              {QStringLiteral("limits.workspaceSize"), QStringLiteral("64m")},
                                              {QStringLiteral("tools.timeout"), 600}});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<hako::ToolCall>> calls;
        for (int i = 0; i < kConversations; ++i)
            calls.emplace_back(session.executor()->call(QStringLiteral("many-%1").arg(i),
                                                        QStringLiteral("call-%1").arg(i), QStringLiteral("bash"),
                                                        {{QStringLiteral("command"), probe(QString::number(i))}}));
        QSet<QString> seen;
        for (int i = 0; i < kConversations; ++i) {
            hako::ToolCall *call = calls[std::size_t(i)].get();
            QVERIFY(PluginSession::waitFor([call] { return call->isFinished(); }, 600000));
            QVERIFY2(!call->error(), qPrintable(QStringLiteral("many-%1: %2").arg(i).arg(call->error().logMessage)));
            const QStringList lines = call->result()
                                              .value(QLatin1String("stdout"))
                                              .toString()
                                              .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            // Its own container, and a workspace holding its own mark and nothing else.
            QCOMPARE(lines.size(), 3);
            QCOMPARE(lines.mid(1), (QStringList{QStringLiteral("mine"), QString::number(i)}));
            QVERIFY2(!seen.contains(lines.first()), "two conversations ran in one container");
            seen.insert(lines.first());
        }
        qInfo("%d conversations started concurrently: all answered after %lld ms", kConversations, clock.elapsed());
        const QMultiMap<QString, QString> engine = containersByConversation(host.instanceId());
        QCOMPARE(engine.size(), kConversations);
        QCOMPARE(QSet<QString>(engine.keyBegin(), engine.keyEnd()).size(), kConversations); // none twice
        QCOMPARE(QSet<QString>(engine.begin(), engine.end()), seen);                        // the ones the calls saw
        session.executor()->shutdown();
        QVERIFY(containersByConversation(host.instanceId()).isEmpty());
    }

    void oneConversationFromManyProcesses()
    {
        constexpr int kProcesses = 8;
        HakoHostDriver host;
        std::vector<std::unique_ptr<QProcess>> execs;
        for (int i = 0; i < kProcesses; ++i)
            execs.emplace_back(
                    host.spawn({QStringLiteral("exec"), QStringLiteral("--conversation"), QStringLiteral("shared"),
                                QStringLiteral("--"), probe(QStringLiteral("x"))}));
        QSet<QString> seen;
        for (auto &p : execs) {
            QVERIFY(p->waitForFinished(300000));
            QCOMPARE(p->exitCode(), 0);
            seen.insert(QString::fromUtf8(p->readAllStandardOutput()).section(QLatin1Char('\n'), 0, 0));
        }
        QCOMPARE(seen.size(), 1);
        const QMultiMap<QString, QString> engine = containersByConversation(host.instanceId());
        QCOMPARE(engine.size(), 1);
        QCOMPARE(engine.first(), *seen.begin());
    }
};

QTEST_GUILESS_MAIN(tst_Concurrency)
#include "tst_concurrency.moc"
