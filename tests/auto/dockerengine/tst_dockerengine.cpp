#include "engine/dockerengine.h"

#include <QTest>

using namespace hako;

class tst_DockerEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void psLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("parsed");
        QTest::addColumn<QString>("conversation");
        QTest::newRow("running") << QByteArray("{\"ID\":\"abc\",\"Names\":\"hako-1\",\"State\":\"running\",\"Labels\":"
                                               "\"org.hako.managed=true,org.hako.conversation=k1\"}")
                                 << true << "k1";
        QTest::newRow("no labels") << QByteArray(
                "{\"ID\":\"abc\",\"Names\":\"x\",\"State\":\"exited\",\"Labels\":\"\"}")
                                   << true << "";
        QTest::newRow("not json") << QByteArray("abc hako-1 running") << false << "";
        QTest::newRow("array") << QByteArray("[1,2]") << false << "";
        QTest::newRow("no id") << QByteArray("{\"Names\":\"x\"}") << false << "";
        QTest::newRow("id not text") << QByteArray("{\"ID\":5,\"Names\":\"x\"}") << false << "";
        QTest::newRow("truncated") << QByteArray("{\"ID\":\"abc\",\"Names\":\"x") << false << "";
    }

    void psLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, parsed);
        QFETCH(QString, conversation);
        ContainerInfo info;
        QCOMPARE(DockerEngine::parsePsLine(line, &info), parsed);
        if (parsed)
            QCOMPARE(info.labels.value(QStringLiteral("org.hako.conversation")), conversation);
    }

    void psOutput_data()
    {
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("conversation");
        QTest::newRow("docker lines") << QByteArray(
                "{\"ID\":\"a\",\"Names\":\"n1\",\"State\":\"running\",\"Labels\":\"org.hako.conversation=k1\"}\n"
                "{\"ID\":\"b\",\"Names\":\"n2\",\"State\":\"exited\",\"Labels\":\"\"}\n")
                                      << QStringList{QStringLiteral("n1"), QStringLiteral("n2")} << "k1";
        QTest::newRow("podman array") << QByteArray(
                "[\n {\"Id\":\"a\",\"Names\":[\"n1\"],\"State\":\"running\",\n"
                "  \"Labels\":{\"org.hako.conversation\":\"k1\"}},\n"
                " {\"Id\":\"b\",\"Names\":[\"n2\"],\"State\":\"exited\",\"Labels\":null}\n]\n")
                                      << QStringList{QStringLiteral("n1"), QStringLiteral("n2")} << "k1";
        QTest::newRow("podman, none") << QByteArray("[]\n") << QStringList{} << "";
        QTest::newRow("podman, bad entries")
                << QByteArray("[{\"Id\":\"a\",\"Names\":[]},{\"Names\":[\"x\"]},5]") << QStringList{} << "";
        QTest::newRow("garbage") << QByteArray("Error: something\n") << QStringList{} << "";
    }

    void psOutput()
    {
        QFETCH(QByteArray, out);
        QFETCH(QStringList, names);
        QFETCH(QString, conversation);
        const QList<ContainerInfo> found = DockerEngine::parsePsOutput(out);
        QStringList got;
        for (const ContainerInfo &c : found)
            got << c.name;
        QCOMPARE(got, names);
        if (!found.isEmpty()) {
            QCOMPARE(found.first().labels.value(QStringLiteral("org.hako.conversation")), conversation);
            QVERIFY(found.first().isRunning());
            QVERIFY(found.last().labels.isEmpty());
        }
    }

    void dialect_data()
    {
        QTest::addColumn<QString>("binary");
        QTest::addColumn<bool>("podman");
        QTest::newRow("docker") << "docker" << false;
        QTest::newRow("docker path") << "/usr/local/bin/docker" << false;
        QTest::newRow("podman") << "podman" << true;
        QTest::newRow("podman path") << "/usr/bin/podman" << true;
        QTest::newRow("podman in a dir name") << "/opt/podman/docker" << false;
    }

    void dialect()
    {
        QFETCH(QString, binary);
        QFETCH(bool, podman);
        QCOMPARE(DockerEngine::dialectOf(binary) == CliDialect::Podman, podman);
    }

    void removeArguments()
    {
        const QStringList names = {QStringLiteral("gone"), QStringLiteral("live")};
        const QStringList docker = DockerEngine::removeArguments(names, CliDialect::Docker);
        QCOMPARE(docker, (QStringList{QStringLiteral("rm"), QStringLiteral("--force"), QStringLiteral("--volumes"),
                                      QStringLiteral("gone"), QStringLiteral("live")}));
        // Without --ignore Podman 4.3 leaves "live" running when "gone" is missing.
        const QStringList podman = DockerEngine::removeArguments(names, CliDialect::Podman);
        QVERIFY(podman.contains(QStringLiteral("--ignore")));
        QCOMPARE(podman.mid(podman.indexOf(QStringLiteral("--time")), 2),
                 (QStringList{QStringLiteral("--time"), QStringLiteral("0")}));
        QCOMPARE(podman.mid(podman.size() - 2), names);
    }

    void goneOrGoing_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("benign");
        const QString prefix = QStringLiteral("The container engine failed to remove containers. ");
        QTest::newRow("gone") << prefix + QStringLiteral("Error: No such container: hako-a-b") << true;
        QTest::newRow("being removed")
                << prefix
                           + QStringLiteral(
                                   "Error response from daemon: removal of container hako-a-b is already in progress")
                << true;
        QTest::newRow("both") << prefix
                                         + QStringLiteral("Error: No such container: x\nError response from daemon: "
                                                          "removal of container y is already in progress")
                              << true;
        QTest::newRow("one real failure among them")
                << prefix
                           + QStringLiteral("Error: No such container: x\nError response from daemon: "
                                            "could not kill running container y: permission denied")
                << false;
        QTest::newRow("daemon down") << prefix + QStringLiteral("Cannot connect to the Docker daemon") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void goneOrGoing()
    {
        QFETCH(QString, message);
        QFETCH(bool, benign);
        QCOMPARE(DockerEngine::onlyGoneOrGoing(message), benign);
    }

    void commandQueueBoundsAndOrders()
    {
        hako::CommandQueue queue(2);
        QList<int> started;
        QList<hako::CommandQueue::Release> releases;
        for (int i = 0; i < 5; ++i)
            queue.submit([&, i](hako::CommandQueue::Release release) {
                started << i;
                releases << release;
            });
        QCOMPARE(started, (QList<int>{0, 1}));
        QCOMPARE(queue.waiting(), 3);
        releases[0]();
        releases[0](); // twice: still one slot
        QCOMPARE(started, (QList<int>{0, 1, 2}));
        QCOMPARE(queue.running(), 2);
        releases[1]();
        releases[2]();
        releases[3]();
        releases[4]();
        QCOMPARE(started, (QList<int>{0, 1, 2, 3, 4}));
        QCOMPARE(queue.running(), 0);
    }

    void environmentIsScrubbed()
    {
        QProcessEnvironment from;
        from.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin"));
        from.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAEXAMPLE"));
        from.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("secret"));
        from.insert(QStringLiteral("GITHUB_TOKEN"), QStringLiteral("t"));
        from.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral("/tmp/x.so"));
        const QProcessEnvironment env = DockerEngine::scrubbedEnvironment(from, QStringLiteral("unix:///run/d.sock"));
        QCOMPARE(env.value(QStringLiteral("PATH")), QStringLiteral("/usr/bin"));
        QCOMPARE(env.value(QStringLiteral("DOCKER_HOST")), QStringLiteral("unix:///run/d.sock"));
        for (const QString &key : env.keys())
            QVERIFY2(!key.startsWith(QLatin1String("AWS_")) && key != QLatin1String("GITHUB_TOKEN")
                             && key != QLatin1String("LD_PRELOAD"),
                     qPrintable(key));
    }
};

QTEST_APPLESS_MAIN(tst_DockerEngine)
#include "tst_dockerengine.moc"
