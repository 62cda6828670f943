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
        QTest::newRow("running") << QByteArray("{\"ID\":\"abc\",\"Names\":\"hako-1\",\"State\":\"running\",\"Labels\":\"org.hako.managed=true,org.hako.conversation=k1\"}")
                                 << true << "k1";
        QTest::newRow("no labels") << QByteArray("{\"ID\":\"abc\",\"Names\":\"x\",\"State\":\"exited\",\"Labels\":\"\"}") << true << "";
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

    void info_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("parsed");
        QTest::addColumn<QString>("facts"); // version|runtimes|seccomp userns apparmor|driver|cgroup version
        QTest::newRow("plain") << QByteArray(R"({"ServerVersion":"20.10.24","Runtimes":{"runc":{},"runsc":{}},)"
                                             R"("SecurityOptions":["name=seccomp,profile=default"],"CgroupDriver":"cgroupfs","CgroupVersion":"1"})")
                               << true << "20.10.24|runc,runsc|100|cgroupfs|1";
        QTest::newRow("hardened") << QByteArray(R"({"ServerVersion":"24.0.5","Runtimes":{"runc":{}},"SecurityOptions":)"
                                                R"(["name=apparmor","name=seccomp,profile=builtin","name=userns","name=cgroupns"],)"
                                                R"("CgroupDriver":"systemd","CgroupVersion":"2"})")
                                  << true << "24.0.5|runc|111|systemd|2";
        QTest::newRow("no seccomp") << QByteArray(R"({"ServerVersion":"1","SecurityOptions":["name=selinux"]})")
                                    << true << "1||000||0";
        QTest::newRow("lookalike option") << QByteArray(R"({"ServerVersion":"1","SecurityOptions":["name=seccompx","x=name=userns"]})")
                                          << true << "1||000||0";
        QTest::newRow("server errors") << QByteArray(R"({"ServerVersion":"","ServerErrors":["Cannot connect"]})") << false << "";
        QTest::newRow("not json") << QByteArray("Cannot connect to the Docker daemon") << false << "";
        QTest::newRow("empty") << QByteArray() << false << "";
    }

    void info()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, parsed);
        QFETCH(QString, facts);
        EngineInfo info;
        QCOMPARE(DockerEngine::parseInfo(json, &info), parsed);
        if (!parsed)
            return;
        const QString flags = QString::number(info.seccomp) + QString::number(info.userns) + QString::number(info.apparmor);
        QCOMPARE(QStringList({info.version, info.runtimes.join(QLatin1Char(',')), flags, info.cgroupDriver,
                              QString::number(info.cgroupVersion)}).join(QLatin1Char('|')),
                 facts);
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
