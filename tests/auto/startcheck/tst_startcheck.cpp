// The start-up check against doctored hosts: seccomp files replaced or gone,
// AppArmor unloaded or in complain mode, and sandbox probes that fail, break,
// stay silent or report out of turn. A failed row refuses calls and names
// itself, unless verify.failOpen is set.
#include "policy/errors.h"
#include "verify/startcheck.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hako;

namespace {

constexpr char kProfile[] = R"({"defaultAction":"SCMP_ACT_ERRNO","syscalls":[]})";
constexpr char kRules[] = R"({"deny":["mount"]})";

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// The probe's stdout when every script passed, with `failing` failed instead.
QString probeOutput(const QStringList &failing)
{
    QString out;
    for (const char *id : {"priv.user", "net.interfaces", "syscall.namespaces"}) {
        const bool fails = failing.contains(QLatin1String(id));
        out += fails ? QStringLiteral("FAIL: %1 measured badly\n").arg(QLatin1String(id))
                     : QStringLiteral("ok: fine\n");
        out += QStringLiteral("hako-check %1 %2\n")
                       .arg(QLatin1String(id), fails ? QStringLiteral("1") : QStringLiteral("0"));
    }
    return out;
}

} // namespace

class tst_StartCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data()
    {
        QTest::addColumn<QString>("host");    // what is done to the host before the run
        QTest::addColumn<QString>("sandbox"); // the probe's stdout; "error" for a sandbox that never started
        QTest::addColumn<bool>("failOpen");
        QTest::addColumn<QStringList>("failed");
        const QString pass = probeOutput({});
        QTest::newRow("healthy host") << "" << pass << false << QStringList();
        QTest::newRow("permissive profile in place of the built-in one")
                << "profile" << pass << false << QStringList{QStringLiteral("seccomp.profile")};
        QTest::newRow("profile removed") << "profile gone" << pass << false
                                         << QStringList{QStringLiteral("seccomp.profile")};
        QTest::newRow("agent rules emptied")
                << "rules" << pass << false << QStringList{QStringLiteral("seccomp.agent")};
        QTest::newRow("AppArmor profile unloaded")
                << "apparmor unloaded" << pass << false << QStringList{QStringLiteral("apparmor.profile")};
        QTest::newRow("AppArmor profile in complain mode")
                << "apparmor complain" << pass << false << QStringList{QStringLiteral("apparmor.profile")};
        QTest::newRow("tools run as root") << "" << probeOutput({QStringLiteral("priv.user")}) << false
                                           << QStringList{QStringLiteral("priv.user")};
        QTest::newRow("a network and namespaces")
                << "" << probeOutput({QStringLiteral("net.interfaces"), QStringLiteral("syscall.namespaces")}) << false
                << QStringList{QStringLiteral("net.interfaces"), QStringLiteral("syscall.namespaces")};
        QTest::newRow("sandbox never started")
                << ""
                << "error" << false
                << QStringList{QStringLiteral("priv.user"), QStringLiteral("net.interfaces"),
                               QStringLiteral("syscall.namespaces")};
        // A script that stopped before its marker leaves its row, and those after, unproven.
        QTest::newRow("probe cut short") << "" << pass.section(QLatin1Char('\n'), 0, 1) + QLatin1Char('\n') << false
                                         << QStringList{QStringLiteral("net.interfaces"),
                                                        QStringLiteral("syscall.namespaces")};
        // A FAIL before a row's marker is that row's, whatever its exit status claims.
        QTest::newRow("exit 0 after a FAIL")
                << ""
                << QString(pass).replace(QStringLiteral("ok: fine\nhako-check net.interfaces"),
                                         QStringLiteral("FAIL: eth0\nhako-check net.interfaces"))
                << false << QStringList{QStringLiteral("net.interfaces")};
        QTest::newRow("empty output") << ""
                                      << "" << false
                                      << QStringList{QStringLiteral("priv.user"), QStringLiteral("net.interfaces"),
                                                     QStringLiteral("syscall.namespaces")};
        QTest::newRow("fail open") << "profile" << pass << true << QStringList{QStringLiteral("seccomp.profile")};
    }

    void rows()
    {
        QFETCH(QString, host);
        QFETCH(QString, sandbox);
        QFETCH(bool, failOpen);
        QFETCH(QStringList, failed);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        StartCheck::Inputs in;
        in.seccomp = {dir.filePath(QStringLiteral("workspace-seccomp.json")),
                      dir.filePath(QStringLiteral("agent-seccomp.json")), sha256(kProfile), sha256(kRules)};
        in.appArmorProfile = QStringLiteral("hako-workspace");
        in.runtime = QStringLiteral("runc");
        in.intervalSeconds = 3600;
        in.failOpen = failOpen;
        in.sysfs = dir.filePath(QStringLiteral("sys"));
        QVERIFY(write(in.seccomp.dockerProfile, host == QLatin1String("profile")
                                                        ? QByteArray(R"({"defaultAction":"SCMP_ACT_ALLOW"})")
                                                        : QByteArray(kProfile)));
        if (host == QLatin1String("profile gone"))
            QVERIFY(QFile::remove(in.seccomp.dockerProfile));
        QVERIFY(write(in.seccomp.agentRules, host == QLatin1String("rules") ? QByteArray() : QByteArray(kRules)));
        QVERIFY(write(in.sysfs + QStringLiteral("/module/apparmor/parameters/enabled"), "Y\n"));
        const QByteArray profiles = host == QLatin1String("apparmor unloaded")   ? "docker-default (enforce)\n"
                                    : host == QLatin1String("apparmor complain") ? "hako-workspace (complain)\n"
                                                                                 : "hako-workspace (enforce)\n";
        QVERIFY(write(in.sysfs + QStringLiteral("/kernel/security/apparmor/profiles"), profiles));

        QString command;
        StartCheck check(in, [&](const QString &c, QObject *context, StartCheck::ProbeDone done) {
            command = c;
            // Answered from the event loop, as a real sandbox would.
            QTimer::singleShot(0, context, [sandbox, done] {
                if (sandbox == QLatin1String("error"))
                    return done(makeError(ErrorCode::ContainerStart), {});
                done({}, {{QStringLiteral("exit_code"), 0}, {QStringLiteral("stdout"), sandbox}});
            });
        });
        QVERIFY(!check.pending());
        QVERIFY(!check.refusal()); // not started: nothing is refused
        QSignalSpy finished(&check, &StartCheck::finished);
        check.start();
        QVERIFY(check.pending());
        QVERIFY(!check.refusal()); // callers wait while it is pending
        QVERIFY(finished.wait(5000));
        QVERIFY(!check.pending());
        // verify's own scripts, each followed by its marker.
        for (const char *script : {"uid:gid", "/proc/net/dev", "CLONE_NEWUSER", "hako-check syscall.namespaces"})
            QVERIFY2(command.contains(QLatin1String(script)), script);
        QCOMPARE(check.state().failedRows(), failed);
        const Error refusal = check.refusal();
        if (failed.isEmpty() || failOpen) {
            QVERIFY(!refusal);
            QCOMPARE(check.state().failed(), !failed.isEmpty());
        } else {
            QCOMPARE(refusal.code, QStringLiteral("verify_failed"));
            for (const QString &row : failed) {
                QVERIFY2(refusal.message.contains(row), qPrintable(refusal.message));
                QVERIFY2(refusal.logMessage.contains(row), qPrintable(refusal.logMessage));
            }
        }
        const QJsonObject json = check.state().toJson();
        QCOMPARE(json.value(QLatin1String("phase")).toString(), QStringLiteral("done"));
        QCOMPARE(json.value(QLatin1String("rows")).toArray().size(), 6);
    }

    // A host whose kernel has no AppArmor, where the configuration applies none, passes that row.
    void noAppArmor()
    {
        QTemporaryDir dir;
        StartCheck::Inputs in;
        in.seccomp = {dir.filePath(QStringLiteral("p.json")), dir.filePath(QStringLiteral("r.json")), sha256(kProfile),
                      sha256(kRules)};
        in.sysfs = dir.filePath(QStringLiteral("sys"));
        QVERIFY(write(in.seccomp.dockerProfile, kProfile));
        QVERIFY(write(in.seccomp.agentRules, kRules));
        StartCheck check(in, [](const QString &, QObject *context, StartCheck::ProbeDone done) {
            QTimer::singleShot(0, context, [done] { done({}, {{QStringLiteral("stdout"), probeOutput({})}}); });
        });
        QSignalSpy finished(&check, &StartCheck::finished);
        check.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(check.state().failedRows(), QStringList());
    }
};

QTEST_GUILESS_MAIN(tst_StartCheck)
#include "tst_startcheck.moc"
