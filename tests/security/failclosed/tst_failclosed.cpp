// Fail closed against the real engine. `hako-host serve --mcp` whose seccomp
// profile file is replaced by a permissive one after its first check passed:
// /healthz goes down and a call is refused naming the failed rows; with
// verify.failOpen the host is degraded, the call runs and its audit line says
// it ran on a failed check. A verify report signed with the host's audit key
// matches the host it describes, and is refused once the host's profile
// changed or a byte of the report was edited.
#include "hakohostdriver.h"
#include "mcpclient.h"
#include "pluginsession.h"

#include "verify/verifyfacts.h"
#include "verify/verifyseal.h"
#include "verify/verifysession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

namespace {

// A check runs a sandbox; on a loaded machine that can take a while.
constexpr int kCheckWithinMs = 90000;

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The built-in whitelist with io_uring_setup allowed: valid, and not the same profile.
QByteArray loosenedProfile()
{
    QByteArray profile = readAll(QStringLiteral(HAKO_SECCOMP_POLICY));
    QJsonObject json = QJsonDocument::fromJson(profile).object();
    QJsonArray rules = json.value(QLatin1String("syscalls")).toArray();
    rules.append(QJsonObject{{QStringLiteral("names"), QJsonArray{QStringLiteral("io_uring_setup")}},
                             {QStringLiteral("action"), QStringLiteral("SCMP_ACT_ALLOW")}});
    json.insert(QStringLiteral("syscalls"), rules);
    return QJsonDocument(json).toJson();
}

} // namespace

class tst_FailClosed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacedProfile_data()
    {
        QTest::addColumn<bool>("failOpen");
        QTest::newRow("fail closed") << false;
        QTest::newRow("verify.failOpen") << true;
    }

    void replacedProfile()
    {
        QFETCH(bool, failOpen);
        HakoHostDriver host;
        QVERIFY(host.isValid());
        const QString admin = QStringLiteral("127.0.0.1:%1").arg(freePort());
        const QString audit = host.runtimeDir() + QStringLiteral("-audit.log");
        host.set(QStringLiteral("admin.listen=") + admin);
        host.set(QStringLiteral("audit.file=") + audit);
        host.set(QStringLiteral("audit.key=") + host.runtimeDir() + QStringLiteral("-audit.key"));
        host.set(QStringLiteral("credentials.source=none"));
        host.set(QStringLiteral("verify.interval=1"));
        host.set(QStringLiteral("verify.failOpen=%1").arg(failOpen ? QStringLiteral("true") : QStringLiteral("false")));
        McpClient client(host);
        QString error;
        QVERIFY2(client.initialize(&error), qPrintable(error));
        QJsonObject health;
        const auto healthzSays = [&](const std::function<bool(const QJsonObject &)> &wanted) {
            return PluginSession::waitFor(
                    [&] {
                health = QJsonDocument::fromJson(PluginSession::get(admin, QStringLiteral("/healthz"))).object();
                return wanted(health);
                    },
                    kCheckWithinMs);
        };
        const auto verify = [&health] { return health.value(QLatin1String("verify")).toObject(); };
        // A healthy host passes its first check: no false alarm.
        QVERIFY2(healthzSays([&](const QJsonObject &) {
                     return verify().value(QLatin1String("phase")).toString() == QLatin1String("done");
                 }),
                 QJsonDocument(health).toJson().constData());
        QCOMPARE(verify().value(QLatin1String("failed")).toArray(), QJsonArray());

        QVERIFY(writeAll(host.runtimeDir() + QStringLiteral("/workspace-seccomp.json"),
                         R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[]})"));
        const QString status = failOpen ? QStringLiteral("degraded") : QStringLiteral("down");
        QVERIFY2(healthzSays(
                         [&](const QJsonObject &h) { return h.value(QLatin1String("status")).toString() == status; }),
                 QJsonDocument(health).toJson().constData());
        QVERIFY(verify().value(QLatin1String("failed")).toArray().contains(QStringLiteral("seccomp.profile")));
        QVERIFY(health.value(QLatin1String("problems"))
                        .toArray()
                        .contains(failOpen ? QStringLiteral("verify_failed_open") : QStringLiteral("verify_failed")));

        const McpClient::Answer answer = client.bash(QStringLiteral("failclosed"), QStringLiteral("echo ran"), 120000);
        QVERIFY2(answer.ok, qPrintable(answer.text));
        if (!failOpen) {
            QVERIFY2(answer.isError && answer.text.contains(QLatin1String("seccomp.profile")), qPrintable(answer.text));
            QVERIFY(!answer.text.contains(QLatin1String("ran\n")));
            return;
        }
        QVERIFY2(!answer.isError && answer.text.contains(QLatin1String("ran")), qPrintable(answer.text));
        bool audited = false;
        for (const QByteArray &line : readAll(audit).split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QLatin1String("event")).toString() == QLatin1String("tool_call")
                && o.value(QLatin1String("conversation")).toString() == QLatin1String("failclosed"))
                audited = o.value(QLatin1String("failed_check")).toArray().contains(QStringLiteral("seccomp.profile"));
        }
        QVERIFY2(audited, readAll(audit).constData());
    }

    // A report bound to this host and signed with its key matches; the same
    // report on a host whose profile changed, or with a byte edited, does not.
    void reportCheck_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("same host") << "" << 0 << "MATCHES";
        QTest::newRow("profile changed") << "profile" << 1 << "DIFFERS seccomp_sha256";
        QTest::newRow("a field edited") << "edit" << 3 << "REFUSED";
        QTest::newRow("signature removed") << "unsigned" << 3 << "REFUSED";
    }

    void reportCheck()
    {
        QFETCH(QString, change);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        QVERIFY(m_reportHost.isValid());
        const QString keyFile = m_reportHost.runtimeDir() + QStringLiteral("-audit.key");
        if (m_report.isEmpty()) {
            m_reportHost.set(QStringLiteral("audit.key=") + keyFile);
            m_reportHost.set(QStringLiteral("credentials.source=none"));
            // The facts as verify measures them, through the plugin with the host's settings.
            PluginSession plugin;
            const QString problem = plugin.open({{QStringLiteral("paths.runtime"), m_reportHost.runtimeDir()},
                                                 {QStringLiteral("paths.workspaces"), m_reportHost.workspacesDir()},
                                                 {QStringLiteral("docker.binary"), HakoHostDriver::engineBinary()},
                                                 {QStringLiteral("credentials.source"), QStringLiteral("none")}});
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            hako::host::verify::Session session(plugin.executor(), {});
            hako::audit::SigningKey key;
            QCOMPARE(key.loadOrCreate(keyFile), QString());
            m_report =
                    hako::host::verify::sealed({{QStringLiteral("passed"), true},
                                                {QStringLiteral("bound"), hako::host::verify::measureFacts(session)}},
                                               key);
            QVERIFY(m_report.contains(QLatin1String("signature")));
        }
        QJsonObject report = m_report;
        QStringList args = {QStringLiteral("verify"), QStringLiteral("--check"),
                            m_reportHost.runtimeDir() + QStringLiteral("-report.json")};
        if (change == QLatin1String("edit"))
            report.insert(QStringLiteral("passed"), false);
        if (change == QLatin1String("unsigned"))
            report.remove(QStringLiteral("signature"));
        if (change == QLatin1String("profile")) {
            const QString loosened = m_reportHost.runtimeDir() + QStringLiteral("-seccomp.json");
            QVERIFY(writeAll(loosened, loosenedProfile()));
            args << QStringLiteral("--set") << QStringLiteral("seccomp.profile=") + loosened;
        }
        QVERIFY(writeAll(args.at(2), QJsonDocument(report).toJson()));
        const HostRun run = m_reportHost.run(args);
        QVERIFY2(run.exitCode == exitCode && run.out.contains(says.toUtf8()), (run.out + run.err).constData());
    }

private:
    HakoHostDriver m_reportHost;
    QJsonObject m_report; // signed, bound to this host, made once
};

QTEST_GUILESS_MAIN(tst_FailClosed)
#include "tst_failclosed.moc"
