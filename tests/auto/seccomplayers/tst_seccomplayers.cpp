#include "policy/seccomplayers.h"
#include "policy/seccompprofile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QByteArray shipped()
{
    QFile f(QStringLiteral(HAKO_SHIPPED_SECCOMP_PROFILE));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList actions(const QByteArray &profile)
{
    QStringList out;
    for (const QJsonValue &e : QJsonDocument::fromJson(profile).object().value(QLatin1String("syscalls")).toArray())
        out << e.toObject().value(QLatin1String("action")).toString();
    return out;
}

} // namespace

class tst_SeccompLayers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QByteArray>("profile");
        QTest::addColumn<QStringList>("counted");
        QTest::addColumn<int>("ruleCount");
        QTest::newRow("deny with and without errnoRet") << QByteArray(
                "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":1,\"syscalls\":[{\"names\":[\"read\","
                "\"write\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"mount\"],\"action\":\"SCMP_ACT_ERRNO\","
                "\"errnoRet\":1,\"comment\":\"escape\"},{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":"
                "[{\"index\":0,\"value\":2,\"valueTwo\":0,\"op\":\"SCMP_CMP_EQ\"}]}]}")
                                                        << QStringList{QStringLiteral("mount"),
                                                                       QStringLiteral("socket")}
                                                        << 2;
        QTest::newRow("nothing denied by name: the agent's layer is empty")
                << QByteArray("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":"
                              "\"SCMP_ACT_ALLOW\"}]}")
                << QStringList() << 0;
        QTest::newRow("a trace rule stays in Docker's layer")
                << QByteArray("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"clone3\"],\"action\":"
                              "\"SCMP_ACT_TRACE\"}]}")
                << QStringList() << 0;
    }

    void split()
    {
        QFETCH(QByteArray, profile);
        QFETCH(QStringList, counted);
        QFETCH(int, ruleCount);
        const hako::SeccompLayers layers = hako::splitSeccompProfile(profile);
        QCOMPARE(layers.counted, counted);
        const QJsonArray rules = QJsonDocument::fromJson(layers.agentRules).array();
        QCOMPARE(rules.size(), ruleCount);
        for (const QJsonValue &rule : rules)
            QCOMPARE(rule.toObject().value(QLatin1String("errnoRet")).toInt(), 1);
        // Handed on to the agent, never allowed outright in Docker's layer.
        QVERIFY(!actions(layers.dockerProfile).contains(QStringLiteral("SCMP_ACT_ERRNO")));
        QCOMPARE(actions(layers.dockerProfile).count(QStringLiteral("SCMP_ACT_TRACE")),
                 actions(profile).count(QStringLiteral("SCMP_ACT_TRACE")) + ruleCount);
        QCOMPARE(actions(layers.dockerProfile).size(), actions(profile).size());
    }

    // The shipped profile: the seed's explicit denials all move to the agent,
    // argument filters travel with them, and Docker's layer still validates.
    void shippedProfile()
    {
        const QByteArray profile = shipped();
        QVERIFY(!hako::validateSeccompProfile(profile));
        const hako::SeccompLayers layers = hako::splitSeccompProfile(profile);
        for (const char *name : {"mount", "umount2", "reboot", "kexec_load", "ptrace", "init_module", "pivot_root",
                                 "socket", "unshare", "setns", "bpf", "io_uring_setup", "userfaultfd"})
            QVERIFY2(layers.counted.contains(QLatin1String(name)), name);
        QVERIFY(!layers.counted.contains(QStringLiteral("read")));
        QVERIFY(!hako::validateSeccompProfile(layers.dockerProfile));
        bool socketFiltered = false;
        for (const QJsonValue &rule : QJsonDocument::fromJson(layers.agentRules).array()) {
            const QJsonObject r = rule.toObject();
            if (r.value(QLatin1String("names")).toArray().contains(QStringLiteral("socket")))
                socketFiltered = socketFiltered || !r.value(QLatin1String("args")).toArray().isEmpty();
        }
        QVERIFY2(socketFiltered, "socket must be denied by family, not as a whole");
    }
};

QTEST_GUILESS_MAIN(tst_SeccompLayers)
#include "tst_seccomplayers.moc"
