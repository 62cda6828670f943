// The host against an agent that floods: the real AgentChannel and
// ToolRunner, and a stand-in agent in its own process (fakeagent.cpp) that
// proves its key, takes a call and then writes 1 MiB frames as fast as the
// socket takes them. Whatever it sends, the call ends within a second or two
// (not at the watchdog, the call's timeout + 15 s) with the error that names
// what it did, and this process grows by less than the bound stated in
// docs/threat-model.md (T-9) for a conversation.
#include "channel/agentchannel.h"
#include "toolcatalog.h"
#include "toolrunner.h"

#include <hako/toolcall.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <malloc.h>

using namespace hako;

namespace {

// The stated worst case per conversation (docs/threat-model.md, T-9): 8 MiB
// for the channel (the socket's buffer, the reader and the frame in hand, one
// largest frame each, and the parse of one JSON payload, up to 4 MiB when it
// is one long string), plus what a call keeps at its limits: its output, or
// an unstreamed read_file's content.
constexpr qint64 kChannelBytes = 8 << 20;
constexpr qint64 kOutputLimit = 1 << 20;   // the default tools.outputLimit
constexpr qint64 kTransferLimit = 2 << 20; // a small tools.transferLimit: the download overruns it

qint64 statusKib(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine())
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Resets the high-water mark of this process's resident memory (VmHWM).
bool resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

// The stand-in agent (fakeagent.cpp) acting out `mode`, with `key`, at dir/agent.sock.
bool startFakeAgent(QProcess &agent, const QTemporaryDir &dir, const QByteArray &key, const QString &mode)
{
    agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.start(QStringLiteral(HAKO_FAKE_AGENT),
                {dir.filePath(QStringLiteral("agent.sock")), QString::fromLatin1(key), mode});
    return agent.waitForStarted();
}

QByteArray randomKey()
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 8);
    return raw.toHex();
}

} // namespace

class tst_AgentFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flood_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("error");
        QTest::addColumn<qint64>("kept"); // what the call may keep at its limits
        const QString bash = QLatin1String(tool::kBash);
        QTest::newRow("1 MiB Stdout frames on bash") << "stdout" << bash << "agent_overrun" << kOutputLimit;
        QTest::newRow("1 MiB Stderr frames on bash") << "stderr" << bash << "agent_overrun" << kOutputLimit;
        QTest::newRow("1 MiB FileData frames on read_file")
                << "filedata" << QString::fromLatin1(tool::kReadFile) << "too_large" << kTransferLimit;
        QTest::newRow("1 MiB FileData frames on bash") << "filedata" << bash << "agent_protocol" << qint64(0);
        QTest::newRow("1 MiB Stdout frames for a call never issued") << "stray" << bash << "agent_lost" << qint64(0);
        QTest::newRow("1 MiB Stdout frames with id 0") << "idzero" << bash << "agent_lost" << qint64(0);
        // The largest Result there can be, built to cost the most to parse: refused unparsed.
        QTest::newRow("1 MiB Result of empty arrays") << "result-arrays" << bash << "agent_lost" << qint64(0);
        QTest::newRow("1 MiB Result of one-digit numbers") << "result-numbers" << bash << "agent_lost" << qint64(0);
        // The largest a Result may be: one string (what the editor's output is).
        QTest::newRow("1 MiB Result of one string") << "result-string" << bash << "" << qint64(1 << 20);
        QTest::newRow("1 MiB Error message") << "error-long" << bash << "io_error" << qint64(0);
        // A Hello once the channel is up is not the agent's (it sends one per connection): the Result after it is not
        // taken.
        QTest::newRow("second Hello") << "hello-again" << bash << "agent_lost" << qint64(0);
    }

    void flood()
    {
        QFETCH(QString, mode);
        QFETCH(QString, tool);
        QFETCH(QString, error);
        QFETCH(qint64, kept);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray key = randomKey();
        QProcess agent;
        QVERIFY(startFakeAgent(agent, dir, key, mode));

        QTest::qWait(50);
        ::malloc_trim(0); // what earlier rows freed goes back, so that it is not counted as room
        const qint64 baselineKib = statusKib("VmRSS:");
        QVERIFY(baselineKib > 0);
        QVERIFY(resetPeak());

        auto *channel = new AgentChannel;
        QSignalSpy ready(channel, &AgentChannel::ready);
        channel->open({dir.path(), key, false}, 5000);
        QVERIFY(ready.wait(5000));

        ToolCall *call = ToolCallPrivate::create(QStringLiteral("flood"), QStringLiteral("call-1"), tool);
        qint64 shown = 0;
        connect(call, &ToolCall::output, this,
                [&shown](ToolCall::Stream, const QByteArray &chunk) { shown += chunk.size(); });
        QSignalSpy finished(call, &ToolCall::finished);
        const QJsonObject input = tool == QLatin1String(tool::kBash)
                                          ? QJsonObject{{QStringLiteral("command"), QStringLiteral("true")}}
                                          : QJsonObject{{QStringLiteral("path"), QStringLiteral("f")}};
        auto *runner = new ToolRunner(call, input, {120, kOutputLimit, kTransferLimit});
        QElapsedTimer clock;
        clock.start();
        runner->start(channel);
        QVERIFY(finished.wait(10000));
        const qint64 endedMs = clock.elapsed();
        QCOMPARE(call->error().code, error);
        QVERIFY(call->error().message.size() < 2048); // the container's text stays short
        QVERIFY2(endedMs < 5000, qPrintable(QStringLiteral("ended after %1 ms").arg(endedMs)));
        QVERIFY(shown <= kOutputLimit + 1024);

        // The agent goes on writing for as long as the host listens: memory stays bounded meanwhile.
        QTest::qWait(1500);
        const qint64 growth = (statusKib("VmHWM:") - baselineKib) * 1024;
        qInfo("%s: ended after %lld ms, peak growth %.1f MiB", qPrintable(mode), endedMs, double(growth) / (1 << 20));
#ifdef HAKO_SANITIZED
        qInfo("memory bound (%lld bytes) not checked: AddressSanitizer's quarantine holds freed memory",
              kChannelBytes + kept);
#else
        QVERIFY2(growth < kChannelBytes + kept, qPrintable(QStringLiteral("grew by %1 bytes").arg(growth)));
#endif

        delete call;
        delete channel;
        QVERIFY(agent.state() == QProcess::NotRunning || agent.waitForFinished(35000));
        const qint64 frames = agent.readAllStandardOutput().trimmed().toLongLong();
        QVERIFY2(frames >= 1, "the agent must have sent what the row is about");
    }

    // An agent that ignores the output limit, by less than the host lets pass
    // before it gives the call up: the call ends with the agent's Result, its
    // stdout cut by the host and marked truncated although the agent said nothing.
    void pastTheLimit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray key = randomKey();
        QProcess agent;
        QVERIFY(startFakeAgent(agent, dir, key, QStringLiteral("past-limit")));

        auto *channel = new AgentChannel;
        QSignalSpy ready(channel, &AgentChannel::ready);
        channel->open({dir.path(), key, false}, 5000);
        QVERIFY(ready.wait(5000));
        ToolCall *call =
                ToolCallPrivate::create(QStringLiteral("limit"), QStringLiteral("call-1"), QLatin1String(tool::kBash));
        QSignalSpy finished(call, &ToolCall::finished);
        auto *runner = new ToolRunner(call, {{QStringLiteral("command"), QStringLiteral("true")}},
                                      {120, kOutputLimit, kTransferLimit});
        runner->start(channel);
        QVERIFY(finished.wait(5000));
        QCOMPARE(call->error().code, QString());
        const QJsonObject result = call->result();
        QCOMPARE(result.value(QLatin1String("truncated")).toBool(), true);
        const QString out = result.value(QLatin1String("stdout")).toString();
        QCOMPARE(out.size(), kOutputLimit + CallBuffers::kMarkerRoom + CallBuffers::hostMarker().size());
        QVERIFY(out.endsWith(QString::fromLatin1(CallBuffers::hostMarker())));

        delete call;
        delete channel;
        QVERIFY(agent.state() == QProcess::NotRunning || agent.waitForFinished(5000));
        QCOMPARE(agent.exitCode(), 0);
    }

    // With frame tags on (as under gVisor), the stand-in plays a relay that
    // holds no key: whatever it changes in the agent's frames ends the channel
    // (agent_impersonation, logged) before the call sees it; honest frames pass, and
    // the stand-in checks the tag of the host's Call.
    // An agent that accepts the connection and never answers the Hello (wedged,
    // stopped, or hostile) fails the channel when its time is up, not never.
    void silentAgent()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray key = randomKey();
        QProcess agent;
        QVERIFY(startFakeAgent(agent, dir, key, QStringLiteral("silent")));
        AgentChannel channel;
        QSignalSpy failed(&channel, &AgentChannel::failed);
        channel.open({dir.path(), key, false}, 1000);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("agent_unreachable"));
        QVERIFY(!channel.isReady());
    }

    void frameTags_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QByteArray>("shown"); // what reaches the call: the frames before the first refused one
        QTest::newRow("honest") << "mac-honest"
                                << "" << QByteArray("hi");
        QTest::newRow("tampered payload byte") << "mac-tamper-payload"
                                               << "agent_impersonation" << QByteArray();
        QTest::newRow("tampered header (type)") << "mac-tamper-header"
                                                << "agent_impersonation" << QByteArray();
        QTest::newRow("replayed frame") << "mac-replay"
                                        << "agent_impersonation" << QByteArray("hi");
        QTest::newRow("dropped frame (sequence gap)") << "mac-drop"
                                                      << "agent_impersonation" << QByteArray();
        QTest::newRow("frame without a tag") << "mac-untagged"
                                             << "agent_impersonation" << QByteArray();
        QTest::newRow("host's direction reflected") << "mac-reflected"
                                                    << "agent_impersonation" << QByteArray();
    }

    void frameTags()
    {
        QFETCH(QString, mode);
        QFETCH(QString, error);
        QFETCH(QByteArray, shown);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray key = randomKey();
        QProcess agent;
        QVERIFY(startFakeAgent(agent, dir, key, mode));

        auto *channel = new AgentChannel;
        QSignalSpy ready(channel, &AgentChannel::ready);
        QSignalSpy lost(channel, &AgentChannel::lost);
        channel->open({dir.path(), key, false, true}, 5000);
        QVERIFY(ready.wait(5000));
        if (!error.isEmpty())
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral(
                                         "dropping the agent channel of .* for a frame whose tag does not match")));

        ToolCall *call =
                ToolCallPrivate::create(QStringLiteral("tags"), QStringLiteral("call-1"), QLatin1String(tool::kBash));
        QByteArray output;
        connect(call, &ToolCall::output, this,
                [&output](ToolCall::Stream, const QByteArray &chunk) { output += chunk; });
        QSignalSpy finished(call, &ToolCall::finished);
        auto *runner = new ToolRunner(call, {{QStringLiteral("command"), QStringLiteral("true")}},
                                      {120, kOutputLimit, kTransferLimit});
        runner->start(channel);
        QVERIFY(finished.wait(5000));
        QCOMPARE(call->error().code, error);
        QCOMPARE(output, shown);
        QCOMPARE(lost.size(), error.isEmpty() ? 0 : 1);
        QCOMPARE(channel->isReady(), error.isEmpty());

        delete call;
        delete channel;
        QVERIFY(agent.state() == QProcess::NotRunning || agent.waitForFinished(5000));
        QCOMPARE(agent.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AgentFlood)
#include "tst_agentflood.moc"
