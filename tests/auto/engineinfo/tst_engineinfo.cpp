#include "engine/engineinfo.h"

#include <QTest>

using namespace hako;

class tst_EngineInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("known");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<bool>("rootless");
        QTest::addColumn<bool>("limits");
        QTest::addColumn<bool>("seccomp");
        QTest::addColumn<QStringList>("runtimes");
        // Shapes as docker 20.10 and podman 4.3 print them (trimmed).
        QTest::newRow("rootful docker") << QByteArray(R"({"ServerVersion":"20.10.24","CgroupVersion":"1","DefaultRuntime":"runc",
            "Runtimes":{"runc":{},"runsc":{}},"SecurityOptions":["name=seccomp,profile=default"]})")
            << true << "docker" << false << true << true << QStringList{"runc", "runsc"};
        QTest::newRow("rootless docker, cgroup v2") << QByteArray(R"({"ServerVersion":"24.0.5","CgroupVersion":"2",
            "Runtimes":{"runc":{}},"SecurityOptions":["name=seccomp,profile=builtin","name=rootless","name=cgroupns"]})")
            << true << "docker" << true << true << true << QStringList{"runc"};
        QTest::newRow("rootless podman, cgroup v1") << QByteArray(R"({"host":{"cgroupVersion":"v1","ociRuntime":{"name":"runc"},
            "security":{"rootless":true,"seccompEnabled":true}},"version":{"Version":"4.3.1"}})")
            << true << "podman" << true << false << true << QStringList{"runc"};
        QTest::newRow("rootful podman, cgroup v1") << QByteArray(R"({"host":{"cgroupVersion":"v1","ociRuntime":{"name":"crun"},
            "security":{"rootless":false,"seccompEnabled":false}},"version":{"Version":"4.3.1"}})")
            << true << "podman" << false << true << false << QStringList{"crun"};
        QTest::newRow("not json") << QByteArray("Cannot connect to the Docker daemon") << false << "" << false << true << false << QStringList{};
        QTest::newRow("empty object") << QByteArray("{}") << false << "" << false << true << false << QStringList{};
        QTest::newRow("array") << QByteArray("[{\"ServerVersion\":\"1\"}]") << false << "" << false << true << false << QStringList{};
    }

    void parse()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, known);
        QFETCH(QString, engine);
        QFETCH(bool, rootless);
        QFETCH(bool, limits);
        QFETCH(bool, seccomp);
        QFETCH(QStringList, runtimes);
        const EngineInfo info = parseEngineInfo(json);
        QCOMPARE(info.known, known);
        QCOMPARE(info.engine, engine);
        QCOMPARE(info.rootless, rootless);
        QCOMPARE(info.limitsEnforced(), limits);
        QCOMPARE(info.seccomp, seccomp);
        QCOMPARE(info.runtimes, runtimes);
        // Only a known, rootful engine's socket is reported as root-equivalent.
        QCOMPARE(info.socketIsRootEquivalent(), known && !rootless);
        QCOMPARE(info.toJson().value(QLatin1String("known")).toBool(), known);
    }
};

QTEST_APPLESS_MAIN(tst_EngineInfo)
#include "tst_engineinfo.moc"
