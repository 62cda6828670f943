// The whole call path without docker: the plugin driven as a host drives it
// (ToolExecutor, FileTransfer), on the fake engine, whose containers are the
// real hako-agent run as PID 1 of a pid namespace of its own. Everything above
// the engine is the plugin's own code: sandboxes, the warm pool, the agent
// channel with its peer check and proof, the tool runner, GC.
#include "fakedaemon.h"
#include "fakeengine.h"
#include "hakoplugin.h"
#include "lifecycle/activitystore.h"
#include "lifecycle/containerrecord.h"
#include "policy/conversationid.h"

#include <hako/protocol/layout.h>

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace hako;
using hako::fake::FakeDaemon;
using hako::fake::FakeEngine;

namespace {

constexpr int kCallWaitMs = 20000;

struct Chunk
{
    ToolCall::Stream stream;
    QByteArray bytes;
    qint64 atMs; // since the call started
};

struct Reply
{
    bool finished = false;
    QJsonObject result;
    Error error;
    QList<Chunk> chunks;
    qint64 finishedMs = 0;

    int exitCode() const { return result.value(QLatin1String("exit_code")).toInt(-1); }
};

// A call in flight and what it has streamed so far.
class Pending
{
public:
    explicit Pending(ToolCall *call) : m_call(call)
    {
        m_clock.start();
        QObject::connect(call, &ToolCall::output, call, [this](ToolCall::Stream stream, const QByteArray &bytes) {
            m_reply.chunks.append({stream, bytes, m_clock.elapsed()});
        });
    }
    Pending(const Pending &) = delete;
    Pending &operator=(const Pending &) = delete;

    ToolCall *call() const { return m_call.get(); }
    bool waitForOutput()
    {
        return QTest::qWaitFor([this] { return !m_reply.chunks.isEmpty(); }, kCallWaitMs);
    }
    Reply finish(int timeoutMs = kCallWaitMs)
    {
        m_reply.finished = QTest::qWaitFor([this] { return m_call->isFinished(); }, timeoutMs);
        m_reply.finishedMs = m_clock.elapsed();
        m_reply.result = m_call->result();
        m_reply.error = m_call->error();
        return m_reply;
    }

private:
    std::unique_ptr<ToolCall> m_call;
    QElapsedTimer m_clock;
    Reply m_reply;
};

// How a row of CallPathTest::signalsComeFromTheEventLoop starts its call.
enum class Start {
    InvalidId,
    InvalidInput,
    UnknownTool,
    BadBase64,
    UnreadableSource,
    BusyConversation,
    HeldBySweep,
    BrokenActivityDirectory,
    EngineMissing,
    AfterShutdown,
    NewContainer,
    IdleContainer,
    EndUnknown,
    Gc,
};

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject command(const QString &text)
{
    return {{QStringLiteral("command"), text}};
}

} // namespace

Q_DECLARE_METATYPE(Start)

class CallPathTest : public QObject
{
    Q_OBJECT

private:
    FakeDaemon m_daemon; // outlives every plugin and its engines
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HakoPlugin> m_plugin;

    QList<Error> configure(const QJsonObject &extra = {})
    {
        QJsonObject settings = {{QStringLiteral("paths.workspaces"), m_dir->filePath(QStringLiteral("workspaces"))},
                                {QStringLiteral("paths.runtime"), m_dir->filePath(QStringLiteral("run"))},
                                // Small: as root a workspace is an ext4 image made for each conversation.
                                {QStringLiteral("limits.workspaceSize"), QStringLiteral("16m")},
                                // Made up: nothing here reaches the proxy's upstream.
                                {QStringLiteral("credentials.source"), QStringLiteral("settings")},
                                {QStringLiteral("credentials.accessKeyId"), QStringLiteral("AKIDCALLPATHTEST")},
                                {QStringLiteral("credentials.secretAccessKey"), QStringLiteral("not-a-secret")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            settings.insert(it.key(), it.value());
        return m_plugin->configure(settings);
    }

    Reply call(const QString &conversation, const QString &tool, const QJsonObject &input)
    {
        return Pending(m_plugin->call(conversation, newId(), tool, input)).finish();
    }

    // A bash call's stdout once it ran and exited 0; otherwise what went wrong, so that a QCOMPARE shows it.
    QByteArray run(const QString &conversation, const QString &text)
    {
        const Reply r = call(conversation, QStringLiteral("bash"), command(text));
        if (!r.finished)
            return "(still running)";
        if (r.error)
            return "(error " + r.error.code.toUtf8() + ": " + r.error.logMessage.toUtf8() + ")";
        if (r.exitCode() != 0)
            return "(exit " + QByteArray::number(r.exitCode()) + ": "
                   + r.result.value(QLatin1String("stderr")).toString().toUtf8() + ")";
        return r.result.value(QLatin1String("stdout")).toString().toUtf8();
    }

    // A call that says so once it runs, then runs for long.
    std::unique_ptr<Pending> startSleeper(const QString &conversation)
    {
        const QJsonObject input = command(QStringLiteral("echo started; sleep 30"));
        return std::make_unique<Pending>(m_plugin->call(conversation, newId(), QStringLiteral("bash"), input));
    }

    QString instanceId() const
    {
        QFile file(m_dir->filePath(QStringLiteral("run/instance-id")));
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QString();
    }

    // The running containers serving `conversation`: by label, or by the name a pool container took.
    QList<ContainerInfo> containersOf(const QString &conversation)
    {
        const QString key = conversationKey(conversation);
        const QString name = containerName(instanceId(), key);
        QList<ContainerInfo> found;
        for (const ContainerInfo &c : m_daemon.containers())
            if (c.isRunning() && (c.labels.value(QLatin1String(label::kConversation)) == key || c.name == name))
                found << c;
        return found;
    }

    QString containerOf(const QString &conversation)
    {
        const QList<ContainerInfo> found = containersOf(conversation);
        return found.size() == 1 ? found.first().name : QString();
    }

    int poolReady() const
    {
        return m_plugin->health().value(QLatin1String("pool")).toObject().value(QLatin1String("ready")).toInt();
    }

    // A plugin with the docker CLI as its engine, where the CLI does not exist.
    std::unique_ptr<HakoPlugin> pluginWithoutEngine()
    {
        auto plugin = std::make_unique<HakoPlugin>();
        const QList<Error> errors =
                plugin->configure({{QStringLiteral("paths.workspaces"), m_dir->filePath(QStringLiteral("other-ws"))},
                                   {QStringLiteral("paths.runtime"), m_dir->filePath(QStringLiteral("other-run"))},
                                   {QStringLiteral("docker.binary"), QStringLiteral("/nonexistent/docker")}});
        return errors.isEmpty() ? std::move(plugin) : nullptr;
    }

    // A regular file where the activity records' directory belongs.
    bool breakActivityDirectory()
    {
        const QString activity = m_dir->filePath(QStringLiteral("run/activity"));
        QFile file(activity);
        return QDir(activity).removeRecursively() && file.open(QIODevice::WriteOnly);
    }

    // The sleep commands running in the conversation's sandbox, once none is a zombie any more.
    QByteArray sleepersIn(const QString &conversation)
    {
        return run(conversation, QStringLiteral("grep -lx sleep /proc/[0-9]*/comm 2>/dev/null | wc -l"));
    }

    bool conversationIsReleased(const QString &conversation)
    {
        // A sweep's claim succeeds only when no call holds the conversation.
        return ActivityStore::claim(m_dir->filePath(QStringLiteral("run")), conversationKey(conversation)).isHeld();
    }

    // The state the engine reports for the named container; empty when it has none.
    QString stateOf(const QString &name)
    {
        for (const ContainerInfo &c : m_daemon.containers())
            if (c.name == name)
                return c.state;
        return {};
    }

    QJsonObject tripwireHealth() const { return m_plugin->health().value(QLatin1String("tripwires")).toObject(); }

    // The evidence bundles written so far (paths.workspaces' sibling "evidence").
    QStringList evidenceBundles() const
    {
        return QDir(m_dir->filePath(QStringLiteral("evidence"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }

    // Where the plugin keeps the record of `conversation`'s container.
    QString recordPath(const QString &conversation) const
    {
        return containerrecord::directory(m_dir->filePath(QStringLiteral("run"))) + QLatin1Char('/')
               + conversationKey(conversation);
    }

    static QByteArray contentOf(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static bool plant(const QString &path, const QByteArray &content, QFile::Permissions permissions)
    {
        QFile::remove(path);
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size()
               && file.setPermissions(permissions);
    }

    // A host process of its own: a plugin configured afresh, knowing nothing of
    // the containers but what the engine and the runtime directory say.
    bool newHostProcess()
    {
        newPlugin();
        return configure().isEmpty();
    }

    void newPlugin()
    {
        m_plugin = std::make_unique<HakoPlugin>(
                [this](const Settings &, QObject *parent) { return new FakeEngine(&m_daemon, parent); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The fake engine makes namespaces and mounts, and switches to the container's user.
        QVERIFY2(::geteuid() == 0, "unit.callpath runs as root (as ./test.sh and CI do)");
        QVERIFY(m_daemon.isValid());
        qputenv("HAKO_AGENT", HAKO_AGENT_BINARY);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // The agent runs as the container's user and reaches its workspace and socket by their host paths.
        QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                             | QFile::ExeGroup | QFile::ExeOther));
        m_daemon.setStartDelay(0);
        newPlugin();
        const QList<Error> errors = configure();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).logMessage));
    }

    void cleanup()
    {
        if (m_plugin)
            m_plugin->shutdown();
        m_plugin.reset();
        m_dir.reset();
        // Shutdown removes every container of the instance, warm ones included.
        QVERIFY(m_daemon.containers().isEmpty());
    }

    void firstCallStartsTheContainer()
    {
        const int started = m_daemon.startedCount();
        QVERIFY(containersOf(QStringLiteral("c1")).isEmpty());
        QCOMPARE(run(QStringLiteral("c1"), QStringLiteral("mkdir sub; cd sub; export X=1; echo hi")),
                 QByteArray("hi\n"));
        QCOMPARE(m_daemon.startedCount(), started + 1);
        const QString container = containerOf(QStringLiteral("c1"));
        QVERIFY(!container.isEmpty());
        const pid_t agent = m_daemon.agentPid(container);
        // The same container and shell: its directory and variables carry over.
        QCOMPARE(run(QStringLiteral("c1"), QStringLiteral("echo $X ${PWD##*/}")), QByteArray("1 sub\n"));
        QCOMPARE(m_daemon.startedCount(), started + 1);
        QCOMPARE(m_daemon.agentPid(container), agent);
        // Another conversation, another container.
        QCOMPARE(run(QStringLiteral("c2"), QStringLiteral("ls")), QByteArray());
        QCOMPARE(m_daemon.startedCount(), started + 2);
    }

    // The agent sees its own pid namespace only: it is PID 1 there, and a tool
    // can neither see nor signal a process of the host.
    void sandboxSeesOnlyItsOwnProcesses()
    {
        QCOMPARE(run(QStringLiteral("ns"), QStringLiteral("cat /proc/1/comm")), QByteArray("hako-agent\n"));
        const QByteArray count = run(QStringLiteral("ns"), QStringLiteral("ls -d /proc/[0-9]* | wc -l"));
        QVERIFY2(count.trimmed().toInt() > 0 && count.trimmed().toInt() < 10, count.constData());
        const QString host = QString::number(::getpid());
        QCOMPARE(run(QStringLiteral("ns"), QStringLiteral("kill -0 %1 2>/dev/null || echo invisible").arg(host)),
                 QByteArray("invisible\n"));
    }

    // A conversation ID names nothing on the host: refused before any engine
    // work, or hashed into the names of a container and a workspace of its own.
    void hostileConversationIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << "conversation_id_empty";
        QTest::newRow("over-long") << QString(257, QLatin1Char('a')) << "conversation_id_too_long";
        QTest::newRow("newline") << QStringLiteral("a\nb") << "conversation_id_invalid";
        QTest::newRow("right-to-left override") << QStringLiteral("a\u202Eb") << "conversation_id_invalid";
        QTest::newRow("path") << QStringLiteral("../../etc") << QString();
        QTest::newRow("option") << QStringLiteral("--privileged") << QString();
    }

    void hostileConversationIds()
    {
        QFETCH(QString, id);
        QFETCH(QString, code);
        const int started = m_daemon.startedCount();
        const Reply r = call(id, QStringLiteral("bash"), command(QStringLiteral("echo mine > f")));
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, code);
        const QString f = m_dir->filePath(QStringLiteral("workspaces/%1/f").arg(conversationKey(id)));
        QCOMPARE(QFile::exists(f), code.isEmpty());
        QCOMPARE(m_daemon.startedCount(), started + (code.isEmpty() ? 1 : 0));
    }

    // Attacks on the agent from a tool: it stays, and so does its container.
    void toolCannotReachItsAgent_data()
    {
        QTest::addColumn<QString>("attack");
        QTest::newRow("SIGKILL to init") << "kill -KILL 1";
        QTest::newRow("SIGSTOP to init") << "kill -STOP 1";
        QTest::newRow("SIGKILL to the agent's host pid") << "kill -KILL %1";
        QTest::newRow("read the agent's environment") << "cat /proc/1/environ";
    }

    void toolCannotReachItsAgent()
    {
        QFETCH(QString, attack);
        QCOMPARE(run(QStringLiteral("attack"), QStringLiteral("echo before")), QByteArray("before\n"));
        const QString container = containerOf(QStringLiteral("attack"));
        const pid_t agent = m_daemon.agentPid(container);
        QVERIFY(agent > 0);
        const Reply r = call(QStringLiteral("attack"), QStringLiteral("bash"),
                             command(QString(attack).replace(QLatin1String("%1"), QString::number(agent))
                                     + QStringLiteral(" 2>/dev/null; echo done")));
        QVERIFY(r.finished);
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QVERIFY(!r.result.value(QLatin1String("stdout")).toString().contains(QLatin1String("HAKO_AGENT_KEY")));
        QCOMPARE(run(QStringLiteral("attack"), QStringLiteral("echo after")), QByteArray("after\n"));
        QCOMPARE(containerOf(QStringLiteral("attack")), container);
        QCOMPARE(m_daemon.agentPid(container), agent);
    }

    // A tool puts its own listener in the agent's place and outlives its call
    // (a session of its own). A host that connects afresh (here: after
    // configure(), through the conversation's container record) meets a peer
    // that is not its namespace's init: the call fails as impersonation, the
    // container goes, the next call gets a new one. An impostor that takes one
    // connection and quits leaves the engine's path nobody to meet: the verdict
    // on the recorded container must stand.
    void impostorOnTheAgentSocketIsRefused_data()
    {
        QTest::addColumn<QString>("accepting");
        QTest::newRow("listens on") << "s.listen(8)\nwhile True:\n    s.accept()\n";
        // No backlog: the host's next connection waits for this one to be taken, and then finds nobody.
        QTest::newRow("one connection, then gone") << "s.listen(0)\nc = s.accept()[0]\ns.close()\nc.recv(1)\n";
    }

    void impostorOnTheAgentSocketIsRefused()
    {
        QFETCH(QString, accepting);
        const QString c = QStringLiteral("impostor");
        const QString socket =
                m_dir->filePath(QStringLiteral("run/sockets/%1/agent/agent.sock").arg(conversationKey(c)));
        const QString listener = QStringLiteral("import socket, sys\n"
                                                "s = socket.socket(socket.AF_UNIX)\n"
                                                "s.bind(sys.argv[1])\n")
                                 + accepting;
        const QString plant =
                QStringLiteral("echo kept > k; rm -f %1; setsid python3 -c '%2' %1 </dev/null >/dev/null 2>&1 &"
                               " for i in $(seq 100); do [ -S %1 ] && break; sleep 0.05; done;"
                               " [ -S %1 ] && echo planted")
                        .arg(socket, listener);
        QCOMPARE(run(c, plant), QByteArray("planted\n"));
        const QString container = containerOf(c);
        QVERIFY(configure().isEmpty());
        const Reply r = call(c, QStringLiteral("bash"), command(QStringLiteral("echo hi")));
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, QStringLiteral("agent_impersonation"));
        QVERIFY2(r.error.logMessage.contains(QLatin1String("is not the container's init")),
                 qPrintable(r.error.logMessage));
        QCOMPARE(m_daemon.agentPid(container), pid_t(0));
        QCOMPARE(run(c, QStringLiteral("cat k")), QByteArray("kept\n"));
    }

    void fileTools()
    {
        const QString c = QStringLiteral("files");
        const QString editor = QStringLiteral("str_replace_based_edit_tool");
        Reply r = call(c, editor,
                       {{QStringLiteral("command"), QStringLiteral("create")},
                        {QStringLiteral("path"), QStringLiteral("notes.txt")},
                        {QStringLiteral("file_text"), QStringLiteral("alpha\nbeta\n")}});
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        r = call(c, editor,
                 {{QStringLiteral("command"), QStringLiteral("str_replace")},
                  {QStringLiteral("path"), QStringLiteral("notes.txt")},
                  {QStringLiteral("old_str"), QStringLiteral("beta")},
                  {QStringLiteral("new_str"), QStringLiteral("gamma")}});
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        r = call(c, editor,
                 {{QStringLiteral("command"), QStringLiteral("view")},
                  {QStringLiteral("path"), QStringLiteral("notes.txt")}});
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QVERIFY(QJsonDocument(r.result).toJson().contains("gamma"));
        r = call(c, QStringLiteral("write_file"),
                 {{QStringLiteral("path"), QStringLiteral("data.bin")},
                  {QStringLiteral("content"), QStringLiteral("AAEC/w==")},
                  {QStringLiteral("encoding"), QStringLiteral("base64")}});
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        r = call(c, QStringLiteral("read_file"), {{QStringLiteral("path"), QStringLiteral("data.bin")}});
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QCOMPARE(r.result.value(QLatin1String("encoding")).toString(), QStringLiteral("base64"));
        QCOMPARE(r.result.value(QLatin1String("content")).toString(), QStringLiteral("AAEC/w=="));
        QCOMPARE(run(c, QStringLiteral("cat notes.txt")), QByteArray("alpha\ngamma\n"));
    }

    void toolErrors_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown tool") << "rm" << QByteArray("{}") << "unknown_tool";
        const QString outside = QStringLiteral("path_outside_workspace");
        QTest::newRow("absolute path") << "read_file" << QByteArray(R"({"path":"/etc/passwd"})") << outside;
        QTest::newRow("dot-dot") << "read_file" << QByteArray(R"({"path":"../../etc/passwd"})") << outside;
        QTest::newRow("symlink out") << "str_replace_based_edit_tool"
                                     << QByteArray(R"({"command":"view","path":"esc/passwd"})") << outside;
        QTest::newRow("write through symlink")
                << "write_file" << QByteArray(R"({"path":"esc/owned","content":"x"})") << outside;
        QTest::newRow("missing file") << "read_file" << QByteArray(R"({"path":"nope"})") << "not_found";
        QTest::newRow("no match") << "str_replace_based_edit_tool"
                                  << QByteArray(R"({"command":"str_replace","path":"f","old_str":"zz","new_str":"y"})")
                                  << "no_match";
        QTest::newRow("bad base64") << "write_file" << QByteArray(R"({"path":"x","content":"@@@","encoding":"base64"})")
                                    << "bad_input";
    }

    void toolErrors()
    {
        QFETCH(QString, tool);
        QFETCH(QByteArray, input);
        QFETCH(QString, code);
        QCOMPARE(run(QStringLiteral("errors"), QStringLiteral("ln -sfn /etc esc; echo text > f")), QByteArray());
        const Reply r = call(QStringLiteral("errors"), tool, QJsonDocument::fromJson(input).object());
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, code);
        QVERIFY(!QFile::exists(QStringLiteral("/etc/owned")));
        // The agent's own words are for the log; the user's message is the plugin's alone.
        const bool fromAgent = code != QLatin1String("unknown_tool") && code != QLatin1String("bad_input");
        QCOMPARE(r.error.logMessage.contains(QLatin1String("(the agent says: ")), fromAgent);
        QVERIFY2(!r.error.message.contains(QLatin1String("agent says")), qPrintable(r.error.message));
        QVERIFY2(!r.error.message.contains(QLatin1String("No replacement")), qPrintable(r.error.message));
    }

    // credentials.source = none: no proxy socket is served for a sandbox to try, and none is named.
    void proxySocketOnlyWithCredentials_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("sockets");
        QTest::newRow("settings") << QStringLiteral("settings") << 1;
        QTest::newRow("none") << QStringLiteral("none") << 0;
    }

    void proxySocketOnlyWithCredentials()
    {
        QFETCH(QString, source);
        QFETCH(int, sockets);
        QVERIFY(configure({{QStringLiteral("credentials.source"), source}}).isEmpty());
        // Nor is a tool pointed at one.
        QCOMPARE(run(QStringLiteral("proxy"), QStringLiteral("echo ${HAKO_PROXY_SOCKET:+named}")),
                 QByteArray(sockets ? "named\n" : "\n"));
        // The fake engine binds no socket directory into the sandbox: the host side is where to look.
        int found = 0;
        for (QDirIterator it(m_dir->filePath(QStringLiteral("run")), QDir::System | QDir::Files | QDir::Hidden,
                             QDirIterator::Subdirectories);
             it.hasNext();)
            found += it.next().endsWith(QLatin1Char('/') + QLatin1String(proto::kProxySocketName));
        QCOMPARE(found, sockets);
        // Health knows once its first check ran.
        const auto state = [this] {
            return m_plugin->health()
                    .value(QLatin1String("credentials"))
                    .toObject()
                    .value(QLatin1String("state"))
                    .toString();
        };
        QTRY_COMPARE(state(), source == QLatin1String("none") ? QStringLiteral("disabled") : QStringLiteral("ok"));
    }

    void outputIsStreamed()
    {
        Pending p(m_plugin->call(QStringLiteral("stream"), newId(), QStringLiteral("bash"),
                                 command(QStringLiteral("echo one; sleep 0.6; echo two >&2; sleep 0.6; echo three"))));
        const Reply r = p.finish();
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode(), 0);
        QByteArray out;
        QByteArray err;
        for (const Chunk &chunk : r.chunks)
            (chunk.stream == ToolCall::Stream::Stdout ? out : err) += chunk.bytes;
        QCOMPARE(out, QByteArray("one\nthree\n"));
        QCOMPARE(err, QByteArray("two\n"));
        // The first line came while the command still ran, not with the result.
        QVERIFY(!r.chunks.isEmpty());
        const qint64 first = r.chunks.first().atMs;
        QVERIFY2(r.finishedMs - first >= 1000,
                 qPrintable(QStringLiteral("first chunk at %1 ms, end at %2 ms").arg(first).arg(r.finishedMs)));
        QCOMPARE(r.result.value(QLatin1String("stdout")).toString(), QStringLiteral("one\nthree\n"));
    }

    // Every path a call can take, early exits first: the handle emits nothing
    // before the call that made it returns, then finished() exactly once, last.
    void signalsComeFromTheEventLoop_data()
    {
        QTest::addColumn<Start>("start");
        QTest::addColumn<QString>("code");
        QTest::newRow("invalid conversation ID") << Start::InvalidId << "conversation_id_empty";
        QTest::newRow("invalid input") << Start::InvalidInput << "bad_input";
        QTest::newRow("unknown tool") << Start::UnknownTool << "unknown_tool";
        QTest::newRow("bad base64, container running") << Start::BadBase64 << "bad_input";
        QTest::newRow("unreadable transfer source") << Start::UnreadableSource << "bad_input";
        QTest::newRow("busy conversation") << Start::BusyConversation << QString();
        QTest::newRow("conversation held by a sweep") << Start::HeldBySweep << QString();
        QTest::newRow("broken activity directory") << Start::BrokenActivityDirectory << "host_io";
        QTest::newRow("engine missing") << Start::EngineMissing << "docker_missing";
        QTest::newRow("after shutdown") << Start::AfterShutdown << "shutting_down";
        QTest::newRow("new container") << Start::NewContainer << QString();
        QTest::newRow("idle container") << Start::IdleContainer << QString();
        QTest::newRow("end of an unknown conversation") << Start::EndUnknown << "conversation_not_found";
        QTest::newRow("garbage collection") << Start::Gc << QString();
    }

    void signalsComeFromTheEventLoop()
    {
        QFETCH(Start, start);
        QFETCH(QString, code);
        const QString c = QStringLiteral("early");
        const QJsonObject echo = command(QStringLiteral("echo hi"));
        HakoPlugin *plugin = m_plugin.get();
        std::unique_ptr<HakoPlugin> engineless;
        std::unique_ptr<Pending> busy;
        QBuffer closed;
        if (start == Start::BadBase64 || start == Start::IdleContainer || start == Start::BrokenActivityDirectory)
            QCOMPARE(run(c, QStringLiteral("true")), QByteArray()); // its agent is connected now
        if (start == Start::BusyConversation) {
            busy = startSleeper(c);
            QVERIFY(busy->waitForOutput());
        }
        if (start == Start::BrokenActivityDirectory)
            QVERIFY(breakActivityDirectory());
        FileLock sweep;
        if (start == Start::HeldBySweep) {
            sweep = ActivityStore::claim(m_dir->filePath(QStringLiteral("run")), conversationKey(c));
            QVERIFY(sweep.isHeld());
        }
        if (start == Start::AfterShutdown)
            m_plugin->shutdown();
        if (start == Start::EngineMissing) {
            engineless = pluginWithoutEngine();
            QVERIFY(engineless);
            plugin = engineless.get();
        }
        const auto begin = [&]() -> ToolCall * {
            switch (start) {
            case Start::InvalidId: return plugin->call(QString(), newId(), QStringLiteral("bash"), echo);
            case Start::InvalidInput:
                return plugin->call(c, newId(), QStringLiteral("bash"), {{QStringLiteral("command"), 1}});
            case Start::UnknownTool: return plugin->call(c, newId(), QStringLiteral("rm"), echo);
            case Start::BadBase64:
                return plugin->call(c, newId(), QStringLiteral("write_file"),
                                    {{QStringLiteral("path"), QStringLiteral("x")},
                                     {QStringLiteral("content"), QStringLiteral("@@@")},
                                     {QStringLiteral("encoding"), QStringLiteral("base64")}});
            case Start::UnreadableSource: return plugin->writeFile(c, newId(), QStringLiteral("x"), &closed);
            case Start::EndUnknown: return plugin->endConversation(QStringLiteral("never-seen"), false);
            case Start::Gc: return plugin->collectGarbage();
            default: return plugin->call(c, newId(), QStringLiteral("bash"), echo);
            }
        };
        const std::unique_ptr<ToolCall> call(begin());
        // Had finished() gone out already, the handle would say so.
        QCOMPARE(call->state(), ToolCall::State::Running);
        QVERIFY(!call->isFinished());
        sweep = FileLock(); // the call was held back; now it goes on
        QStringList seen;
        connect(call.get(), &ToolCall::output, this, [&seen] { seen << QStringLiteral("output"); });
        connect(call.get(), &ToolCall::finished, this, [&seen] { seen << QStringLiteral("finished"); });
        QTRY_VERIFY_WITH_TIMEOUT(call->isFinished(), kCallWaitMs);
        QCoreApplication::processEvents();
        QCOMPARE(seen.count(QStringLiteral("finished")), 1);
        QCOMPARE(seen.last(), QStringLiteral("finished"));
        QCOMPARE(call->error().code, code);
        QCOMPARE(call->state(), ToolCall::State::Finished);
        if (code.isEmpty() && call->tool() == QLatin1String("bash"))
            QCOMPARE(seen.first(), QStringLiteral("output"));
    }

    // The single shape of a cancelled call, however it is cancelled; the
    // command is gone from the sandbox and the conversation serves on.
    void cancelStopsARunningCall_data()
    {
        QTest::addColumn<bool>("abort");
        QTest::newRow("cancel()") << false;
        QTest::newRow("abort()") << true;
    }

    void cancelStopsARunningCall()
    {
        QFETCH(bool, abort);
        const QString c = QStringLiteral("cancel");
        const std::unique_ptr<Pending> p = startSleeper(c);
        QVERIFY(p->waitForOutput());
        QList<ToolCall::State> states;
        connect(p->call(), &ToolCall::stateChanged, this, [&states](ToolCall::State state) { states << state; });
        if (abort)
            p->call()->abort();
        else
            p->call()->cancel();
        QCOMPARE(p->call()->state(), ToolCall::State::Running); // the change, too, comes from the event loop
        const Reply r = p->finish(5000);
        QVERIFY(r.finished);
        QCOMPARE(states, (QList<ToolCall::State>{ToolCall::State::Cancelling, ToolCall::State::Finished}));
        QCOMPARE(r.error.code, QStringLiteral("cancelled"));
        QVERIFY(r.result.isEmpty());
        QCOMPARE(r.chunks.first().bytes, QByteArray("started\n")); // what streamed before stays streamed
        QVERIFY(conversationIsReleased(c));
        QTRY_COMPARE(sleepersIn(c), QByteArray("0\n"));
    }

    // Deleting the handle of a running call is a cancel: the command goes,
    // the conversation is free for the next call, nothing calls back, and the
    // audit log records the call as cancelled.
    void deletingARunningCallStopsIt()
    {
        const QString audit = m_dir->filePath(QStringLiteral("audit.log"));
        QVERIFY(configure({{QStringLiteral("audit.file"), audit}}).isEmpty());
        const QString c = QStringLiteral("deleted");
        std::unique_ptr<Pending> p = startSleeper(c);
        QVERIFY(p->waitForOutput());
        QVERIFY(!conversationIsReleased(c));
        const QString callId = p->call()->callId();
        p.reset();
        QVERIFY(conversationIsReleased(c));
        QTRY_COMPARE(sleepersIn(c), QByteArray("0\n"));
        QCOMPARE(run(c, QStringLiteral("echo next")), QByteArray("next\n"));
        QFile log(audit);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().split('\n');
        const auto line = std::find_if(lines.begin(), lines.end(), [&callId](const QByteArray &l) {
            return QJsonDocument::fromJson(l).object().value(QLatin1String("call_id")).toString() == callId;
        });
        QVERIFY(line != lines.end());
        QCOMPARE(QJsonDocument::fromJson(*line).object().value(QLatin1String("outcome")).toString(),
                 QStringLiteral("cancelled"));
    }

    // Deleted while its container is still starting: nothing is left waiting.
    void deletingAStartingCall()
    {
        const QString c = QStringLiteral("starting");
        delete m_plugin->call(c, newId(), QStringLiteral("bash"), command(QStringLiteral("echo never > f")));
        QVERIFY(conversationIsReleased(c));
        QCOMPARE(run(c, QStringLiteral("cat f 2>/dev/null; echo next")), QByteArray("next\n"));
    }

    // A call waiting for its container when the sandbox goes (shutdown(), a
    // new configuration) finishes then, not when its watchdog fires.
    void callWaitingForItsContainerWhenTheSandboxGoes_data()
    {
        QTest::addColumn<bool>("shutdown");
        QTest::newRow("shutdown()") << true;
        QTest::newRow("configure() again") << false;
    }

    void callWaitingForItsContainerWhenTheSandboxGoes()
    {
        QFETCH(bool, shutdown);
        Pending p(m_plugin->call(QStringLiteral("replaced"), newId(), QStringLiteral("bash"),
                                 command(QStringLiteral("echo hi"))));
        if (shutdown)
            m_plugin->shutdown();
        else
            QVERIFY(configure().isEmpty());
        QVERIFY(!p.call()->isFinished());
        const Reply r = p.finish(5000);
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, QStringLiteral("shutting_down"));
    }

    // A slot may run a nested event loop (a modal dialog, a wait for the
    // end): the handle goes on delivering inside it, as QNetworkReply does.
    void nestedEventLoopInASlot()
    {
        Pending p(m_plugin->call(QStringLiteral("nested"), newId(), QStringLiteral("bash"),
                                 command(QStringLiteral("echo one; sleep 0.3; echo two"))));
        ToolCall *call = p.call();
        bool nested = false;
        bool finishedInside = false;
        int finishedCount = 0;
        connect(call, &ToolCall::finished, this, [&finishedCount] { ++finishedCount; });
        connect(call, &ToolCall::output, this, [&nested, &finishedInside, call] {
            if (std::exchange(nested, true))
                return;
            finishedInside = QTest::qWaitFor([call] { return call->isFinished(); }, 10000);
        });
        const Reply r = p.finish();
        QVERIFY(r.finished);
        QVERIFY(finishedInside);
        QCoreApplication::processEvents();
        QCOMPARE(finishedCount, 1);
        QCOMPARE(r.exitCode(), 0);
    }

    // The host deletes the plugin while its calls still have signals to
    // deliver: they finish, and nothing reaches the plugin's parts that went
    // with it (the sanitize build reports a use after free otherwise).
    void deletingThePluginWithCallsInFlight_data()
    {
        QTest::addColumn<bool>("running");
        QTest::addColumn<QString>("code");
        QTest::newRow("failed, finished() not delivered yet") << false << "conversation_id_empty";
        QTest::newRow("running in its sandbox") << true << "shutting_down";
    }

    void deletingThePluginWithCallsInFlight()
    {
        QFETCH(bool, running);
        QFETCH(QString, code);
        QVERIFY(configure({{QStringLiteral("audit.file"), m_dir->filePath(QStringLiteral("audit.log"))}}).isEmpty());
        std::unique_ptr<Pending> p;
        if (running) {
            p = startSleeper(QStringLiteral("orphaned"));
            QVERIFY(p->waitForOutput());
        } else {
            p = std::make_unique<Pending>(m_plugin->call(QString(), newId(), QStringLiteral("bash"), {}));
        }
        m_plugin.reset();
        const Reply r = p->finish(5000);
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, code);
        // The same directories again: its shutdown removes what the first left running.
        newPlugin();
        QVERIFY(configure().isEmpty());
    }

    void autoDelete_data()
    {
        QTest::addColumn<bool>("finishedFirst");
        QTest::newRow("set before finished()") << false;
        QTest::newRow("set after finished()") << true;
    }

    void autoDelete()
    {
        QFETCH(bool, finishedFirst);
        QPointer<ToolCall> call = m_plugin->call(QStringLiteral("auto"), newId(), QStringLiteral("bash"),
                                                 command(QStringLiteral("echo hi")));
        bool finished = false;
        connect(call, &ToolCall::finished, this, [&finished, call] {
            finished = true;
            QVERIFY(call); // still there in its own slot
        });
        if (finishedFirst)
            QTRY_VERIFY_WITH_TIMEOUT(finished, kCallWaitMs);
        call->setAutoDelete(true);
        QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), kCallWaitMs);
        QVERIFY(finished);
    }

    // An end names a conversation that has a container or a workspace under
    // this configuration's directories; anything else is an error that says so.
    void endingAnUnknownConversation_data()
    {
        QTest::addColumn<bool>("used");
        QTest::addColumn<bool>("elsewhere");
        QTest::addColumn<QString>("code");
        QTest::newRow("never used") << false << false << "conversation_not_found";
        QTest::newRow("used") << true << false << QString();
        QTest::newRow("used under other directories") << true << true << "conversation_not_found";
    }

    void endingAnUnknownConversation()
    {
        QFETCH(bool, used);
        QFETCH(bool, elsewhere);
        QFETCH(QString, code);
        const QString c = QStringLiteral("ending");
        if (used)
            QCOMPARE(run(c, QStringLiteral("echo x > f")), QByteArray());
        if (elsewhere)
            QVERIFY(configure({{QStringLiteral("paths.workspaces"), m_dir->filePath(QStringLiteral("ws2"))},
                               {QStringLiteral("paths.runtime"), m_dir->filePath(QStringLiteral("run2"))}})
                            .isEmpty());
        const Reply r = Pending(m_plugin->endConversation(c, false)).finish();
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, code);
        if (elsewhere) // what the first configuration left is for its own shutdown
            QVERIFY(configure().isEmpty());
    }

    // A conversation whose first call is still waiting for its container exists:
    // its end succeeds, though the engine lists nothing yet, and the container
    // that was starting does not outlive it.
    void endingAConversationWhoseContainerIsStarting()
    {
        const QString c = QStringLiteral("ending-while-starting");
        m_daemon.setStartDelay(1000);
        Pending first(m_plugin->call(c, newId(), QStringLiteral("bash"), command(QStringLiteral("echo hi"))));
        QVERIFY(QTest::qWaitFor([&] { return !m_daemon.containers().isEmpty(); }, 5000));
        const Reply end = Pending(m_plugin->endConversation(c, true)).finish();
        QVERIFY(end.finished);
        QCOMPARE(end.error.code, QString());
        QVERIFY(first.finish().finished);
        QVERIFY(QTest::qWaitFor([&] { return m_daemon.containers().isEmpty(); }, 5000));
    }

    // Ends issued together share the engine's removals; each is answered for
    // its own conversation: all of them succeed, one never seen is not found,
    // and nothing of any of them is left.
    void endingManyConversationsAtOnce()
    {
        QStringList ids;
        for (int i = 0; i < 12; ++i) {
            ids << QStringLiteral("many-%1").arg(i);
            QCOMPARE(run(ids.last(), QStringLiteral("echo x")), QByteArray("x\n"));
        }
        std::vector<std::unique_ptr<Pending>> ends;
        for (const QString &c : ids + QStringList{QStringLiteral("many-never-seen")})
            ends.push_back(std::make_unique<Pending>(m_plugin->endConversation(c, true)));
        for (std::size_t i = 0; i < ends.size(); ++i) {
            const Reply r = ends[i]->finish();
            QVERIFY(r.finished);
            QCOMPARE(r.error.code, i < std::size_t(ids.size()) ? QString() : QStringLiteral("conversation_not_found"));
        }
        QVERIFY(m_daemon.containers().isEmpty());
        const QDir workspaces(m_dir->filePath(QStringLiteral("workspaces")));
        QCOMPARE(workspaces.entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void timeoutStopsACall_data()
    {
        QTest::addColumn<bool>("fromSettings");
        QTest::newRow("tools.timeout") << true;
        QTest::newRow("the call's timeout") << false;
    }

    void timeoutStopsACall()
    {
        QFETCH(bool, fromSettings);
        QJsonObject input = command(QStringLiteral("sleep 30 & sleep 30"));
        if (fromSettings)
            QVERIFY(configure({{QStringLiteral("tools.timeout"), 1}}).isEmpty());
        else
            input.insert(QStringLiteral("timeout"), 1);
        const Reply r = call(QStringLiteral("timeout"), QStringLiteral("bash"), input);
        QVERIFY(r.finished);
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QCOMPARE(r.result.value(QLatin1String("timed_out")).toBool(), true);
        QVERIFY(r.finishedMs < 10000);
        QCOMPARE(run(QStringLiteral("timeout"), QStringLiteral("cat /proc/[0-9]*/comm | grep -cx sleep || true")),
                 QByteArray("0\n"));
    }

    // A call that waits behind a queue of starting containers says so, and
    // its tool timeout starts only when it reaches its container: with a 2 s
    // timeout, starts 1.5 s apart and a 1 s command, the third call waits at
    // least 4.5 s for its container and still succeeds.
    void queuedCallsGetTheirWholeTimeout()
    {
        QVERIFY(configure({{QStringLiteral("tools.timeout"), 2}}).isEmpty());
        m_daemon.setStartDelay(1500);
        constexpr int kCalls = 3;
        std::vector<std::unique_ptr<Pending>> calls;
        QList<QList<ToolCall::State>> states(kCalls);
        QList<int> queuedTicks(kCalls, 0);
        for (int i = 0; i < kCalls; ++i) {
            const QJsonObject input = command(QStringLiteral("sleep 1; echo ran"));
            calls.push_back(std::make_unique<Pending>(
                    m_plugin->call(QStringLiteral("queued-%1").arg(i), newId(), QStringLiteral("bash"), input)));
            ToolCall *call = calls.back()->call();
            connect(call, &ToolCall::stateChanged, this, [&states, i](ToolCall::State s) { states[i] << s; });
            connect(call, &ToolCall::progress, this, [&queuedTicks, call, i] {
                if (call->state() == ToolCall::State::Queued)
                    ++queuedTicks[i];
            });
        }
        for (int i = 0; i < kCalls; ++i) {
            const Reply r = calls[std::size_t(i)]->finish();
            QVERIFY(r.finished);
            QVERIFY2(!r.error, qPrintable(r.error.logMessage));
            QCOMPARE(r.result.value(QLatin1String("timed_out")).toBool(), false);
            QCOMPARE(r.result.value(QLatin1String("stdout")).toString(), QStringLiteral("ran\n"));
            QCOMPARE(states[i], (QList<ToolCall::State>{ToolCall::State::Queued, ToolCall::State::Running,
                                                        ToolCall::State::Finished}));
            QVERIFY(queuedTicks[i] > 0);
        }
        // The premise: the last call waited for longer than its timeout.
        QVERIFY(calls.back()->finish().finishedMs >= 4500);
    }

    // The wait has its own bound: a call whose container is not ready in
    // tools.queueTimeout fails without having run, and the conversation goes on.
    void queueTimeoutBoundsTheWait()
    {
        QVERIFY(configure({{QStringLiteral("tools.queueTimeout"), 1}}).isEmpty());
        m_daemon.setStartDelay(3000);
        const QString c = QStringLiteral("queue-bound");
        const Reply r = call(c, QStringLiteral("bash"), command(QStringLiteral("touch ran")));
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, QStringLiteral("queue_timeout"));
        QVERIFY(r.result.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!containerOf(c).isEmpty(), kCallWaitMs);
        QCOMPARE(run(c, QStringLiteral("ls")), QByteArray());
    }

    void transfer_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello\n");
        QByteArray binary(3 * 1024 * 1024 + 7, '\0');
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(binary.data()), binary.size() / 4);
        QTest::newRow("3 MiB binary") << binary;
    }

    void transfer()
    {
        QFETCH(QByteArray, content);
        const QString c = QStringLiteral("transfer");
        QBuffer source(&content);
        QVERIFY(source.open(QIODevice::ReadOnly));
        Reply r = Pending(m_plugin->writeFile(c, newId(), QStringLiteral("file.bin"), &source)).finish();
        QVERIFY(r.finished);
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QCOMPARE(r.result.value(QLatin1String("size")).toInteger(), qint64(content.size()));
        const QByteArray digest = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
        QCOMPARE(run(c, QStringLiteral("sha256sum < file.bin | cut -c1-64")), digest + "\n");
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        r = Pending(m_plugin->readFile(c, newId(), QStringLiteral("file.bin"), &sink)).finish();
        QVERIFY(r.finished);
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QCOMPARE(r.result.value(QLatin1String("size")).toInteger(), qint64(content.size()));
        QCOMPARE(sink.data().size(), content.size());
        QVERIFY(sink.data() == content);
    }

    // An upload stops reading its source once the call ended (here, at
    // abort()), though the host still holds the handle.
    void abortedUploadStopsReading()
    {
        const QString c = QStringLiteral("upload");
        QCOMPARE(run(c, QStringLiteral("true")), QByteArray()); // the upload starts inside writeFile()
        QByteArray content(32 * 1024 * 1024, 'x');
        QBuffer source(&content);
        QVERIFY(source.open(QIODevice::ReadOnly));
        Pending p(m_plugin->writeFile(c, newId(), QStringLiteral("big.bin"), &source));
        p.call()->abort();
        const Reply r = p.finish();
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, QStringLiteral("cancelled"));
        QVERIFY2(!QTest::qWaitFor([&source] { return source.atEnd(); }, 2000),
                 qPrintable(QStringLiteral("read %1 bytes").arg(source.pos())));
        QCOMPARE(run(c, QStringLiteral("test -e big.bin || echo gone")), QByteArray("gone\n"));
    }

    void transferStaysInTheWorkspace_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("upload");
        QTest::newRow("write ..") << "../outside" << true;
        QTest::newRow("write absolute") << "/etc/owned" << true;
        QTest::newRow("write through symlink") << "esc/owned" << true;
        QTest::newRow("read through symlink") << "esc/passwd" << false;
    }

    void transferStaysInTheWorkspace()
    {
        QFETCH(QString, path);
        QFETCH(bool, upload);
        const QString c = QStringLiteral("transfer-out");
        QCOMPARE(run(c, QStringLiteral("ln -sfn /etc esc")), QByteArray());
        QByteArray content("owned\n");
        QBuffer buffer(&content);
        QVERIFY(buffer.open(upload ? QIODevice::ReadOnly : QIODevice::WriteOnly));
        ToolCall *call =
                upload ? m_plugin->writeFile(c, newId(), path, &buffer) : m_plugin->readFile(c, newId(), path, &buffer);
        const Reply r = Pending(call).finish();
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, QStringLiteral("path_outside_workspace"));
        QVERIFY(!QFile::exists(QStringLiteral("/etc/owned")));
        QCOMPARE(content, QByteArray("owned\n"));
    }

    void warmPoolHandsOverAContainer()
    {
        // The fake engine applies no seccomp profile and no network namespace: the
        // start-up check fails here, and fail-open lets the pool be tested.
        QVERIFY(configure({{QStringLiteral("pool.size"), 1}, {QStringLiteral("verify.failOpen"), true}}).isEmpty());
        m_plugin->start();
        // The check's own sandbox comes and goes before the pool's count is taken.
        QVERIFY(QTest::qWaitFor(
                [this] {
            return m_plugin->health().value(QLatin1String("verify")).toObject().value(QLatin1String("phase"))
                   == QLatin1String("done");
                },
                kCallWaitMs));
        QVERIFY(QTest::qWaitFor([this] { return poolReady() == 1; }, kCallWaitMs));
        const int started = m_daemon.startedCount();
        const QString c = QStringLiteral("pooled");
        QCOMPARE(run(c, QStringLiteral("echo warm > f; cat f")), QByteArray("warm\n"));
        // The conversation runs in the pool's container, which takes the conversation's name.
        QVERIFY(QTest::qWaitFor([&] { return !containerOf(c).isEmpty(); }, kCallWaitMs));
        const QList<ContainerInfo> mine = containersOf(c);
        QCOMPARE(mine.size(), 1);
        QVERIFY(!mine.first().labels.value(QLatin1String(label::kPool)).isEmpty());
        // The pool fills up again, with one new container.
        QVERIFY(QTest::qWaitFor([this] { return poolReady() == 1; }, kCallWaitMs));
        QCOMPARE(m_daemon.startedCount(), started + 1);
        QCOMPARE(run(c, QStringLiteral("cat f")), QByteArray("warm\n"));
    }

    // pool.min and pool.max: the pool grows after new conversations arrive
    // and gives ready containers back once the arrivals leave pool.window;
    // each conversation still runs in a container of its own.
    void adaptivePoolGrowsAndShrinks()
    {
        // The fake engine fails the start-up check (see warmPoolHandsOverAContainer):
        // fail-open lets the pool start.
        QVERIFY(configure({{QStringLiteral("pool.min"), 1},
                           {QStringLiteral("pool.max"), 3},
                           {QStringLiteral("pool.window"), 6},
                           {QStringLiteral("verify.failOpen"), true}})
                        .isEmpty());
        m_plugin->start();
        QVERIFY(QTest::qWaitFor([this] { return poolReady() == 1; }, kCallWaitMs));
        const QStringList burst = {QStringLiteral("burst-0"), QStringLiteral("burst-1"), QStringLiteral("burst-2")};
        for (const QString &c : burst)
            QCOMPARE(run(c, QStringLiteral("echo $$ > mine; echo ok")), QByteArray("ok\n"));
        QVERIFY(QTest::qWaitFor([this] { return poolReady() == 3; }, kCallWaitMs));
        const QJsonObject grown = m_plugin->health().value(QLatin1String("pool")).toObject();
        QCOMPARE(grown.value(QLatin1String("size")).toInt(), 3);
        // Idle: back to pool.min once the arrivals are out of the window.
        QVERIFY(QTest::qWaitFor([this] { return poolReady() == 1 && m_daemon.containers().size() == 4; }, kCallWaitMs));
        // One container per conversation, none shared, each with its own files.
        QSet<QString> containers;
        for (const QString &c : burst) {
            QVERIFY(QTest::qWaitFor([&] { return containersOf(c).size() == 1; }, kCallWaitMs));
            containers.insert(containerOf(c));
            QCOMPARE(run(c, QStringLiteral("cat mine | wc -l")), QByteArray("1\n"));
        }
        QCOMPARE(containers.size(), burst.size());
    }

    // The agent dies (killed on the host, like a container's init): the call
    // in flight ends with agent_lost, and the next call gets a new container
    // with the same files.
    void agentDeath_data()
    {
        QTest::addColumn<bool>("duringCall");
        QTest::newRow("during a call") << true;
        QTest::newRow("between calls") << false;
    }

    void agentDeath()
    {
        QFETCH(bool, duringCall);
        const QString c = QStringLiteral("death");
        QCOMPARE(run(c, QStringLiteral("echo survives > s")), QByteArray());
        const QString container = containerOf(c);
        const pid_t agent = m_daemon.agentPid(container);
        QVERIFY(agent > 0);
        const int started = m_daemon.startedCount();
        if (duringCall) {
            const std::unique_ptr<Pending> p = startSleeper(c);
            QVERIFY(p->waitForOutput());
            QVERIFY(m_daemon.killAgent(container));
            const Reply r = p->finish(10000);
            QVERIFY(r.finished);
            QCOMPARE(r.error.code, QStringLiteral("agent_lost"));
        } else {
            QVERIFY(m_daemon.killAgent(container));
            // Between calls: the plugin sees the connection close before the next call comes.
            QTest::qWait(200);
        }
        QCOMPARE(run(c, QStringLiteral("cat s")), QByteArray("survives\n"));
        QCOMPARE(m_daemon.startedCount(), started + 1);
        const QString replacement = containerOf(c);
        QVERIFY(!replacement.isEmpty());
        QVERIFY(m_daemon.agentPid(replacement) != agent);
        // The dead one is gone, not left beside the new one.
        QCOMPARE(m_daemon.containers().size(), 1);
    }

    // A failed engine command fails the call that needed it, and only that one.
    void engineFailure_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("run") << "run";
        QTest::newRow("ps") << "ps";
    }

    void engineFailure()
    {
        QFETCH(QString, operation);
        const QString c = QStringLiteral("engine");
        if (operation == QLatin1String("ps")) { // a conversation seen before: its container is looked for
            QCOMPARE(run(c, QStringLiteral("echo x")), QByteArray("x\n"));
            QCOMPARE(Pending(m_plugin->endConversation(c, false)).finish().error.code, QString());
        }
        m_daemon.failNext(operation);
        const Reply r = call(c, QStringLiteral("bash"), command(QStringLiteral("echo x")));
        QVERIFY(r.finished);
        QCOMPARE(r.error.code, QStringLiteral("docker_failed"));
        QCOMPARE(run(c, QStringLiteral("echo x")), QByteArray("x\n"));
    }

    // A host process that comes after another (hako-host exec after exec)
    // connects to the recorded container's agent, which still proves its key,
    // and asks the engine for nothing.
    void recordedContainerNeedsNoEngine()
    {
        const QString c = QStringLiteral("recorded");
        QCOMPARE(run(c, QStringLiteral("export X=1")), QByteArray());
        const QString container = containerOf(c);
        const QByteArray record = contentOf(recordPath(c));
        QVERIFY2(record.startsWith(container.toLatin1() + '\n'), record.constData());
        QVERIFY(newHostProcess());
        m_daemon.failNext(QStringLiteral("ps"));
        QCOMPARE(run(c, QStringLiteral("echo $X")), QByteArray("1\n"));
        QCOMPARE(containerOf(c), container);
        // The fault still waits for a list: a sweep's.
        QCOMPARE(Pending(m_plugin->collectGarbage()).finish().error.code, QStringLiteral("docker_failed"));
        // The record goes with its container.
        QCOMPARE(Pending(m_plugin->endConversation(c, false)).finish().error.code, QString());
        QVERIFY(!QFile::exists(recordPath(c)));
    }

    // A record that is not what this host wrote, or no longer true, is never
    // followed: the process asks the engine (here told to fail, to show that
    // it was asked), and the container serving the conversation is neither
    // replaced nor taken for an impostor.
    void hostileRecordSendsToTheEngine_data()
    {
        QTest::addColumn<QString>("attack");
        for (const char *attack :
             {"symlink", "owner", "world-writable", "oversized", "garbage", "other-conversation", "replaced"})
            QTest::newRow(attack) << QString::fromLatin1(attack);
    }

    void hostileRecordSendsToTheEngine()
    {
        QFETCH(QString, attack);
        const QString c = QStringLiteral("victim");
        const QString other = QStringLiteral("other");
        QCOMPARE(run(c, QStringLiteral("echo 1")), QByteArray("1\n"));
        QCOMPARE(run(other, QStringLiteral("echo 1")), QByteArray("1\n"));
        const QString path = recordPath(c);
        const QByteArray genuine = contentOf(path);
        QVERIFY(!genuine.isEmpty());
        const auto own = QFile::ReadOwner | QFile::WriteOwner;
        if (attack == QLatin1String("symlink")) {
            const QString elsewhere = m_dir->filePath(QStringLiteral("planted"));
            QVERIFY(plant(elsewhere, genuine, own));
            QVERIFY(QFile::remove(path) && QFile::link(elsewhere, path));
        } else if (attack == QLatin1String("owner")) {
            QCOMPARE(::chown(QFile::encodeName(path).constData(), 1000, 1000), 0);
        } else if (attack == QLatin1String("world-writable")) {
            QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0666), 0);
        } else if (attack == QLatin1String("oversized")) {
            QVERIFY(plant(path, genuine + QByteArray(64 * 1024, ' '), own));
        } else if (attack == QLatin1String("garbage")) {
            QVERIFY(plant(path, "../../x\n" + QByteArray(32, 'f') + '\n', own));
        } else if (attack == QLatin1String("other-conversation")) {
            QVERIFY(plant(path, contentOf(recordPath(other)), own));
        } else { // replaced: the container went, a new one serves; the old record is put back
            QCOMPARE(m_daemon.remove({containerOf(c)}).size(), 1);
            // A process after the removal: the record names a container that is gone.
            QVERIFY(newHostProcess());
            QCOMPARE(run(c, QStringLiteral("echo 1")), QByteArray("1\n"));
            QVERIFY(contentOf(path) != genuine);
            QVERIFY(plant(path, genuine, own));
        }
        const QString container = containerOf(c);
        const pid_t agent = m_daemon.agentPid(container);
        const pid_t otherAgent = m_daemon.agentPid(containerOf(other));
        QVERIFY(agent > 0 && otherAgent > 0);
        QVERIFY(newHostProcess());
        m_daemon.failNext(QStringLiteral("ps"));
        const Reply refused = call(c, QStringLiteral("bash"), command(QStringLiteral("echo 2")));
        QVERIFY(refused.finished);
        QCOMPARE(refused.error.code, QStringLiteral("docker_failed"));
        // Through the engine: the same container, its agent proven, and the record the host's again.
        QCOMPARE(run(c, QStringLiteral("echo 2")), QByteArray("2\n"));
        QCOMPARE(m_daemon.agentPid(container), agent);
        QCOMPARE(m_daemon.agentPid(containerOf(other)), otherAgent);
        QVERIFY(!QFileInfo(path).isSymLink());
        QVERIFY(contentOf(path).startsWith(container.toLatin1() + '\n'));
        struct stat st
        {};
        QCOMPARE(::lstat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_uid, ::geteuid());
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
    }

    // A conversation never seen has no container to look for: its first call
    // asks the engine for no list, only for the start.
    void newConversationListsNothing()
    {
        m_daemon.failNext(QStringLiteral("ps"));
        QCOMPARE(run(QStringLiteral("fresh"), QStringLiteral("echo x")), QByteArray("x\n"));
        // The fault still waits for a list: a sweep's.
        QCOMPARE(Pending(m_plugin->collectGarbage()).finish().error.code, QStringLiteral("docker_failed"));
    }

    // A tool that opens a decoy sets off the canary: the container is paused,
    // the evidence written, and tripwire.action applied. Listing the home
    // (names only) is what ordinary tools do, and sets nothing off.
    void canaryTripwire_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("read");
        QTest::newRow("freeze, credentials") << "freeze"
                                             << "cat ~/.aws/credentials";
        QTest::newRow("freeze, .env") << "freeze"
                                      << "grep -q AWS ~/.env";
        QTest::newRow("end") << "end"
                             << "head -c1 ~/.git-credentials";
        QTest::newRow("log") << "log"
                             << "cat ~/.aws/config";
    }

    void canaryTripwire()
    {
        QFETCH(QString, action);
        QFETCH(QString, read);
        const QString audit = m_dir->filePath(QStringLiteral("audit.log"));
        QVERIFY(configure({{QStringLiteral("tripwire.action"), action}, {QStringLiteral("audit.file"), audit}})
                        .isEmpty());
        const QString c = QStringLiteral("canary");
        QCOMPARE(run(c, QStringLiteral("echo data > w.txt; ls -la ~ ~/.aws | wc -l")).trimmed().toInt() > 4, true);
        const QString container = containerOf(c);
        QVERIFY(!container.isEmpty());
        const int started = m_daemon.startedCount();
        QCOMPARE(tripwireHealth().value(QLatin1String("tripped")).toInt(), 0);
        QVERIFY(evidenceBundles().isEmpty());

        run(c, read + QStringLiteral(" >/dev/null"));
        QTRY_COMPARE_WITH_TIMEOUT(evidenceBundles().size(), 1, kCallWaitMs);
        QCOMPARE(tripwireHealth().value(QLatin1String("tripped")).toInt(), 1);
        const QString bundle = m_dir->filePath(QStringLiteral("evidence/") + evidenceBundles().first());
        // The listing is the bundle's last part.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(bundle + QStringLiteral("/workspace.tsv")), kCallWaitMs);
        for (const char *part : {"summary.json", "audit.jsonl", "changes.txt", "processes.txt", "workspace.tsv"})
            QVERIFY2(QFile::exists(bundle + QLatin1Char('/') + QLatin1String(part)), part);
        QFile listing(bundle + QStringLiteral("/workspace.tsv"));
        QVERIFY(listing.open(QIODevice::ReadOnly));
        QVERIFY(listing.readAll().contains("\tw.txt\n"));
        QFile auditFile(audit);
        QVERIFY(auditFile.open(QIODevice::ReadOnly));
        const QByteArray lines = auditFile.readAll();
        QVERIFY(lines.contains("\"type\":\"tripwire\""));
        QVERIFY(lines.contains("\"source\":\"canary\""));
        QFile quoted(bundle + QStringLiteral("/audit.jsonl"));
        QVERIFY(quoted.open(QIODevice::ReadOnly));
        QVERIFY(quoted.readAll().contains("\"type\":\"tripwire\""));

        // end: frozen until the conversation has ended; log: never frozen.
        if (action != QLatin1String("freeze"))
            QTRY_COMPARE_WITH_TIMEOUT(tripwireHealth().value(QLatin1String("frozen")).toInt(), 0, kCallWaitMs);
        const Reply next = call(c, QStringLiteral("bash"), command(QStringLiteral("echo after")));
        QVERIFY(next.finished);
        if (action == QLatin1String("freeze")) {
            QCOMPARE(stateOf(container), QStringLiteral("paused"));
            QCOMPARE(next.error.code, QStringLiteral("tripwire"));
            QCOMPARE(tripwireHealth().value(QLatin1String("frozen")).toInt(), 1);
            // Ending the conversation releases it; its workspace carries over to a new container.
            const Reply end = Pending(m_plugin->endConversation(c, false)).finish();
            QVERIFY2(!end.error, qPrintable(end.error.logMessage));
            QCOMPARE(tripwireHealth().value(QLatin1String("frozen")).toInt(), 0);
            QCOMPARE(run(c, QStringLiteral("cat w.txt")), QByteArray("data\n"));
        } else {
            QVERIFY2(!next.error, qPrintable(next.error.logMessage));
            QCOMPARE(next.result.value(QLatin1String("stdout")).toString(), QStringLiteral("after\n"));
            QCOMPARE(tripwireHealth().value(QLatin1String("frozen")).toInt(), 0);
            // end: a new container; log: the same one, running again.
            QCOMPARE(m_daemon.startedCount(), started + (action == QLatin1String("end") ? 1 : 0));
            QCOMPARE(stateOf(container), QStringLiteral("running"));
        }
    }

    // A session that never opens a decoy raises nothing.
    void noTripwireWithoutDecoys()
    {
        const QString c = QStringLiteral("quiet");
        QCOMPARE(run(c, QStringLiteral("ls -la ~ ~/.aws >/dev/null; find ~ -name '*.py'; echo ok")),
                 QByteArray("ok\n"));
        QCOMPARE(run(c, QStringLiteral("echo x > f; cat f; stat ~/.aws/credentials >/dev/null; echo ok")),
                 QByteArray("x\nok\n"));
        // An event of the agent's precedes the result of the call that caused it.
        QCOMPARE(tripwireHealth().value(QLatin1String("tripped")).toInt(), 0);
        QVERIFY(evidenceBundles().isEmpty());
        QCOMPARE(stateOf(containerOf(c)), QStringLiteral("running"));
    }

    void gcReapsAnIdleContainer()
    {
        QVERIFY(configure({{QStringLiteral("lifecycle.idleTtl"), 1}}).isEmpty());
        const QString c = QStringLiteral("idle");
        QCOMPARE(run(c, QStringLiteral("echo kept > k")), QByteArray());
        const QString container = containerOf(c);
        QVERIFY(!container.isEmpty());
        QTest::qWait(2500);
        const Reply r = Pending(m_plugin->collectGarbage()).finish();
        QVERIFY(r.finished);
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QCOMPARE(r.result.value(QLatin1String("reaped")).toObject().value(QLatin1String("idle_ttl")).toInt(), 1);
        const QJsonObject reaped = r.result.value(QLatin1String("containers")).toArray().first().toObject();
        QCOMPARE(reaped.value(QLatin1String("name")).toString(), container);
        QVERIFY(m_daemon.containers().isEmpty());
        QCOMPARE(run(c, QStringLiteral("cat k")), QByteArray("kept\n"));
        QVERIFY(!containerOf(c).isEmpty());
    }
};

QTEST_GUILESS_MAIN(CallPathTest)
#include "tst_callpath.moc"
