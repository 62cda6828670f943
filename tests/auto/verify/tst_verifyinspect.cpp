// The outside checks of `hako-host verify` on `docker inspect` documents: the
// real ones of a runc and a gVisor container started by the plugin pass, and
// each doctored copy, one protection removed, fails the check that guards it.
#include "verify/verifyinspect.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace hako::host::verify;

namespace {

using Check = std::function<Outcome(const QJsonObject &, const Expected &)>;

QJsonObject fixture(const QString &runtime)
{
    QFile f(QStringLiteral(HAKO_FIXTURES "/inspect-%1.json").arg(runtime));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

Expected expected(const QString &runtime)
{
    Expected e;
    e.runtime = runtime;
    e.gvisor = runtime == QLatin1String("runsc");
    e.pids = 100;
    e.memoryBytes = 2LL << 30;
    e.tmpBytes = 512LL << 20;
    e.cpus = 2;
    return e;
}

// Sets "Section.Key" in a copy of the document.
QJsonObject with(QJsonObject c, const QString &path, const QJsonValue &value)
{
    const QString section = path.section(QLatin1Char('.'), 0, 0);
    QJsonObject inner = c.value(section).toObject();
    inner.insert(path.section(QLatin1Char('.'), 1), value);
    c.insert(section, inner);
    return c;
}

QByteArray dockerProfile(const QJsonObject &c)
{
    for (const QJsonValue &opt :
         c.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("SecurityOpt")).toArray())
        if (opt.toString().startsWith(QLatin1String("seccomp=")))
            return opt.toString().mid(8).toUtf8();
    return {};
}

QJsonArray withoutSecurityOpt(const QJsonObject &c, const QString &prefix)
{
    QJsonArray kept;
    for (const QJsonValue &opt :
         c.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("SecurityOpt")).toArray())
        if (!opt.toString().startsWith(prefix))
            kept.append(opt);
    return kept;
}

} // namespace

Q_DECLARE_METATYPE(Check)

class tst_VerifyInspect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checks_data()
    {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<Check>("check");
        QTest::addColumn<QString>("path"); // empty: the document as docker gave it
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("passes");

        const Check network = [](const QJsonObject &c, const Expected &) { return inspect::network(c); };
        const Check readOnly = [](const QJsonObject &c, const Expected &) { return inspect::readOnlyRootfs(c); };
        const Check pids = [](const QJsonObject &c, const Expected &e) { return inspect::pidsLimit(c, e); };
        const Check memory = [](const QJsonObject &c, const Expected &e) { return inspect::memory(c, e); };
        const Check cpu = [](const QJsonObject &c, const Expected &e) { return inspect::cpu(c, e); };
        const Check tmpfs = [](const QJsonObject &c, const Expected &e) { return inspect::tmpfs(c, e); };
        const Check caps = [](const QJsonObject &c, const Expected &) { return inspect::capabilities(c); };
        const Check nnp = [](const QJsonObject &c, const Expected &) { return inspect::noNewPrivileges(c); };
        const Check user = [](const QJsonObject &c, const Expected &) { return inspect::user(c); };
        const Check mounts = [](const QJsonObject &c, const Expected &) { return inspect::mounts(c); };
        const Check sockets = [](const QJsonObject &c, const Expected &) { return inspect::socketMounts(c); };
        const Check env = [](const QJsonObject &c, const Expected &) {
            return inspect::environment(c, QStringLiteral("hvc-canary"));
        };
        const Check ns = [](const QJsonObject &c, const Expected &e) { return inspect::namespaces(c, e); };
        const Check labels = [](const QJsonObject &c, const Expected &) { return inspect::labels(c); };

        for (const QString &rt : {QStringLiteral("runc"), QStringLiteral("runsc")}) {
            const auto row = [&rt](const char *name) -> QTestData & {
                return QTest::addRow("%s %s", qPrintable(rt), name);
            };
            for (const auto &[name, check] :
                 std::initializer_list<std::pair<const char *, Check>>{{"network", network},
                                                                       {"read-only", readOnly},
                                                                       {"pids", pids},
                                                                       {"memory", memory},
                                                                       {"cpu", cpu},
                                                                       {"tmpfs", tmpfs},
                                                                       {"capabilities", caps},
                                                                       {"nnp", nnp},
                                                                       {"user", user},
                                                                       {"mounts", mounts},
                                                                       {"sockets", sockets},
                                                                       {"environment", env},
                                                                       {"namespaces", ns},
                                                                       {"labels", labels}})
                row(name) << rt << check << QString() << QJsonValue() << true;
            row("bridge network") << rt << network << "HostConfig.NetworkMode" << QJsonValue(QStringLiteral("bridge"))
                                  << false;
            row("writable rootfs") << rt << readOnly << "HostConfig.ReadonlyRootfs" << QJsonValue(false) << false;
            row("no pids limit") << rt << pids << "HostConfig.PidsLimit" << QJsonValue(0) << false;
            row("no ulimits") << rt << pids << "HostConfig.Ulimits" << QJsonValue(QJsonArray())
                              << (rt == QLatin1String("runc"));
            row("swap on top") << rt << memory << "HostConfig.MemorySwap" << QJsonValue(-1) << false;
            row("four CPUs") << rt << cpu << "HostConfig.CpuQuota" << QJsonValue(400000) << false;
            row("tmpfs exec") << rt << tmpfs << "HostConfig.Tmpfs"
                              << QJsonValue(QJsonObject{
                                         {QStringLiteral("/tmp"), QStringLiteral("rw,nosuid,nodev,size=536870912")}})
                              << false;
            row("cap added") << rt << caps << "HostConfig.CapAdd" << QJsonValue(QJsonArray{QStringLiteral("SYS_ADMIN")})
                             << false;
            row("privileged") << rt << caps << "HostConfig.Privileged" << QJsonValue(true) << false;
            row("device") << rt << caps << "HostConfig.Devices"
                          << QJsonValue(QJsonArray{
                                     QJsonObject{{QStringLiteral("PathOnHost"), QStringLiteral("/dev/kvm")}}})
                          << false;
            row("root user") << rt << user << "Config.User" << QJsonValue(QStringLiteral("0:0")) << false;
            row("secret env") << rt << env << "Config.Env"
                              << QJsonValue(QJsonArray{QStringLiteral("AWS_SECRET_ACCESS_KEY=x")}) << false;
            row("canary env") << rt << env << "Config.Env" << QJsonValue(QJsonArray{QStringLiteral("NOTE=hvc-canary")})
                              << false;
            row("host pid") << rt << ns << "HostConfig.PidMode" << QJsonValue(QStringLiteral("host")) << false;
            row("shared ipc") << rt << ns << "HostConfig.IpcMode" << QJsonValue(QStringLiteral("shareable")) << false;
            row("no label") << rt << labels << "Config.Labels"
                            << QJsonValue(QJsonObject{{QStringLiteral("org.hako.managed"), QStringLiteral("true")}})
                            << false;
        }
    }

    void checks()
    {
        QFETCH(QString, runtime);
        QFETCH(Check, check);
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(bool, passes);
        QJsonObject c = fixture(runtime);
        QVERIFY(!c.isEmpty());
        if (!path.isEmpty())
            c = with(c, path, value);
        const Outcome o = check(c, expected(runtime));
        QVERIFY2(o.passed == passes, qPrintable(o.evidence.join(QLatin1Char('\n'))));
        QVERIFY(!o.evidence.isEmpty());
    }

    void dockerSocketMountFails()
    {
        QJsonObject c = fixture(QStringLiteral("runc"));
        QJsonArray all = c.value(QLatin1String("Mounts")).toArray();
        all.append(QJsonObject{{QStringLiteral("Destination"), QStringLiteral("/var/run/docker.sock")},
                               {QStringLiteral("Source"), QStringLiteral("/var/run/docker.sock")},
                               {QStringLiteral("RW"), true}});
        c.insert(QStringLiteral("Mounts"), all);
        QVERIFY(!inspect::mounts(c).passed);
        c.insert(QStringLiteral("Mounts"), QJsonArray());
        QVERIFY(!inspect::mounts(c).passed); // the workspace and the agent are missing
    }

    // The host's socket directory and the agent's directory in it (T-9).
    void socketDirectoryMounts_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("mountsPass");
        QTest::newRow("as docker gave it") << ""
                                           << "" << QJsonValue() << true;
        QTest::newRow("socket directory writable") << "/var/run/hako"
                                                   << "RW" << QJsonValue(true) << false;
        QTest::newRow("agent directory read-only") << "/var/run/hako/agent"
                                                   << "RW" << QJsonValue(false) << false;
        QTest::newRow("agent directory from elsewhere")
                << "/var/run/hako/agent"
                << "Source" << QJsonValue(QStringLiteral("/tmp/other/agent")) << true;
        QTest::newRow("no agent directory") << "/var/run/hako/agent"
                                            << "Destination" << QJsonValue(QStringLiteral("/srv/x")) << false;
    }

    void socketDirectoryMounts()
    {
        QFETCH(QString, target);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(bool, mountsPass);
        for (const QString &rt : {QStringLiteral("runc"), QStringLiteral("runsc")}) {
            QJsonObject c = fixture(rt);
            QJsonArray all = c.value(QLatin1String("Mounts")).toArray();
            for (qsizetype i = 0; i < all.size(); ++i)
                if (all.at(i).toObject().value(QLatin1String("Destination")).toString() == target) {
                    QJsonObject m = all.at(i).toObject();
                    m.insert(key, value);
                    all.replace(i, m);
                }
            c.insert(QStringLiteral("Mounts"), all);
            const Outcome o = inspect::socketMounts(c);
            QVERIFY2(o.passed == target.isEmpty(), qPrintable(o.evidence.join(QLatin1Char('\n'))));
            QCOMPARE(inspect::mounts(c).passed, mountsPass);
        }
    }

    void seccompProfile()
    {
        const QJsonObject c = fixture(QStringLiteral("runc"));
        const QByteArray profile = dockerProfile(c);
        QVERIFY(!profile.isEmpty());
        QVERIFY(inspect::seccomp(c, profile).passed);
        // Another file than the one docker holds.
        QVERIFY(!inspect::seccomp(c, R"({"defaultAction":"SCMP_ACT_ERRNO"})").passed);
        // No profile at all, and a blacklist that allows mount.
        QVERIFY(!inspect::seccomp(with(c, QStringLiteral("HostConfig.SecurityOpt"),
                                       withoutSecurityOpt(c, QStringLiteral("seccomp="))),
                                  profile)
                         .passed);
        const QByteArray allowing =
                R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mount"],"action":"SCMP_ACT_ALLOW"}]})";
        QJsonArray opts = withoutSecurityOpt(c, QStringLiteral("seccomp="));
        opts.append(QString::fromUtf8("seccomp=" + allowing));
        QVERIFY(!inspect::seccomp(with(c, QStringLiteral("HostConfig.SecurityOpt"), opts), allowing).passed);
    }

    void noNewPrivilegesMissing()
    {
        const QJsonObject c = fixture(QStringLiteral("runsc"));
        QVERIFY(!inspect::noNewPrivileges(with(c, QStringLiteral("HostConfig.SecurityOpt"),
                                               withoutSecurityOpt(c, QStringLiteral("no-new-privileges"))))
                         .passed);
    }

    void secretNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        QTest::newRow("aws") << "AWS_ACCESS_KEY_ID" << true;
        QTest::newRow("token") << "GITHUB_TOKEN" << true;
        QTest::newRow("lower") << "anthropic_api_key" << true;
        QTest::newRow("password") << "DB_PASSWD" << true;
        QTest::newRow("home") << "HOME" << false;
        QTest::newRow("proxy socket") << "HAKO_PROXY_SOCKET" << false;
    }

    void secretNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(inspect::looksSecret(name), secret);
    }
};

QTEST_APPLESS_MAIN(tst_VerifyInspect)
#include "tst_verifyinspect.moc"
