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
        QTest::newRow("rootful docker") << QByteArray(
                R"({"ServerVersion":"20.10.24","CgroupVersion":"1","DefaultRuntime":"runc",
            "Runtimes":{"runc":{},"runsc":{}},"SecurityOptions":["name=seccomp,profile=default"]})")
                                        << true << "docker" << false << true << true
                                        << QStringList{QStringLiteral("runc"), QStringLiteral("runsc")};
        QTest::newRow("rootless docker, cgroup v2")
                << QByteArray(R"({"ServerVersion":"24.0.5","CgroupVersion":"2",
            "Runtimes":{"runc":{}},"SecurityOptions":["name=seccomp,profile=builtin","name=rootless","name=cgroupns"]})")
                << true << "docker" << true << true << true << QStringList{QStringLiteral("runc")};
        QTest::newRow("rootless podman, cgroup v1")
                << QByteArray(R"({"host":{"cgroupVersion":"v1","ociRuntime":{"name":"runc"},
            "security":{"rootless":true,"seccompEnabled":true}},"version":{"Version":"4.3.1"}})")
                << true << "podman" << true << false << true << QStringList{QStringLiteral("runc")};
        QTest::newRow("rootful podman, cgroup v1")
                << QByteArray(R"({"host":{"cgroupVersion":"v1","ociRuntime":{"name":"crun"},
            "security":{"rootless":false,"seccompEnabled":false}},"version":{"Version":"4.3.1"}})")
                << true << "podman" << false << true << false << QStringList{QStringLiteral("crun")};
        QTest::newRow("not json") << QByteArray("Cannot connect to the Docker daemon") << false << "" << false << true
                                  << false << QStringList{};
        QTest::newRow("empty object") << QByteArray("{}") << false << "" << false << true << false << QStringList{};
        QTest::newRow("array") << QByteArray("[{\"ServerVersion\":\"1\"}]") << false << "" << false << true << false
                               << QStringList{};
    }

    // The facts health and doctor show, as each engine states them.
    void facts_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("parsed");
        QTest::addColumn<QString>("facts"); // version|runtimes|seccomp userns apparmor|driver|cgroup version
        QTest::newRow("plain") << QByteArray(
                R"({"ServerVersion":"20.10.24","Runtimes":{"runc":{},"runsc":{}},)"
                R"("SecurityOptions":["name=seccomp,profile=default"],"CgroupDriver":"cgroupfs","CgroupVersion":"1"})")
                               << true << "20.10.24|runc,runsc|100|cgroupfs|1";
        QTest::newRow("hardened") << QByteArray(
                R"({"ServerVersion":"24.0.5","Runtimes":{"runc":{}},"SecurityOptions":)"
                R"(["name=apparmor","name=seccomp,profile=builtin","name=userns","name=cgroupns"],)"
                R"("CgroupDriver":"systemd","CgroupVersion":"2"})")
                                  << true << "24.0.5|runc|111|systemd|2";
        QTest::newRow("no seccomp") << QByteArray(R"({"ServerVersion":"1","SecurityOptions":["name=selinux"]})") << true
                                    << "1||000||0";
        QTest::newRow("lookalike option")
                << QByteArray(R"({"ServerVersion":"1","SecurityOptions":["name=seccompx","x=name=userns"]})") << true
                << "1||000||0";
        QTest::newRow("podman") << QByteArray(
                R"({"host":{"cgroupVersion":"v2","cgroupManager":"systemd","ociRuntime":{"name":"crun"},)"
                R"("security":{"rootless":true,"seccompEnabled":true,"apparmorEnabled":true}},"version":{"Version":"4.3.1"}})")
                                << true << "4.3.1|crun|101|systemd|2";
        QTest::newRow("server errors") << QByteArray(R"({"ServerVersion":"","ServerErrors":["Cannot connect"]})")
                                       << false << "";
        QTest::newRow("not json") << QByteArray("Cannot connect to the Docker daemon") << false << "";
        QTest::newRow("empty") << QByteArray() << false << "";
    }

    void facts()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, parsed);
        QFETCH(QString, facts);
        const EngineInfo info = parseEngineInfo(json);
        QCOMPARE(info.known, parsed);
        if (!parsed)
            return;
        const QString flags =
                QString::number(info.seccomp) + QString::number(info.userns) + QString::number(info.apparmor);
        QCOMPARE(QStringList({info.version, info.runtimes.join(QLatin1Char(',')), flags, info.cgroupDriver,
                              QString::number(info.cgroupVersion)})
                         .join(QLatin1Char('|')),
                 facts);
    }

    void usernsRemapAndRuntimeArgs()
    {
        const EngineInfo remapped = parseEngineInfo(
                R"({"ServerVersion":"20.10.24","SecurityOptions":["name=seccomp,profile=default","name=userns"],)"
                R"("DockerRootDir":"/var/lib/docker/100000.100000","Runtimes":{"runc":{"path":"runc"},)"
                R"("runsc":{"path":"/usr/bin/runsc","runtimeArgs":["--platform=ptrace","--oci-seccomp"]}}})");
        QVERIFY(remapped.userns);
        QCOMPARE(remapped.remapRootUid, 100000);
        QCOMPARE(remapped.toJson().value(QLatin1String("userns_root_uid")).toInt(), 100000);
        QCOMPARE(remapped.runtimeArgs.value(QStringLiteral("runsc")),
                 QStringList({QStringLiteral("--platform=ptrace"), QStringLiteral("--oci-seccomp")}));
        QVERIFY(remapped.runtimeArgs.value(QStringLiteral("runc")).isEmpty());
        // Without userns-remap the root dir says nothing about ids, even if it looks like it.
        const EngineInfo plain = parseEngineInfo(
                R"({"ServerVersion":"1","SecurityOptions":["name=seccomp"],"DockerRootDir":"/srv/5.5"})");
        QCOMPARE(plain.remapRootUid, -1);
        const EngineInfo odd = parseEngineInfo(
                R"({"ServerVersion":"1","SecurityOptions":["name=userns"],"DockerRootDir":"/var/lib/docker"})");
        QVERIFY(odd.userns);
        QCOMPARE(odd.remapRootUid, -1);
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
