// /healthz: which facts make the status ok, degraded or down; the JSON never
// carries a credential; the admin address grammar.
#include "telemetry/adminserver.h"
#include "telemetry/healthreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace hako;
using namespace hako::telemetry;

namespace {

HealthFacts healthy()
{
    HealthFacts f;
    f.checkedAt = QDateTime::currentDateTimeUtc();
    f.engineReachable = true;
    f.engine.version = QStringLiteral("20.10.24");
    f.engine.runtimes = {QStringLiteral("runc"), QStringLiteral("runsc")};
    f.engine.seccomp = true;
    f.runtime = QStringLiteral("runc");
    f.seccompProfile = QStringLiteral("/run/hako/workspace-seccomp.json");
    f.seccompSha256 = QStringLiteral("ab12");
    f.credentials.source = QStringLiteral("settings");
    f.credentials.usable = true;
    f.gcInterval = 60;
    return f;
}

void spoil(HealthFacts *f, const QString &what)
{
    if (what == QLatin1String("unchecked"))
        f->checkedAt = QDateTime();
    else if (what == QLatin1String("docker"))
        f->engineReachable = false;
    else if (what == QLatin1String("runtime"))
        f->runtime = QStringLiteral("runsc"), f->engine.runtimes = {QStringLiteral("runc")};
    else if (what == QLatin1String("seccomp engine"))
        f->engine.seccomp = false;
    else if (what == QLatin1String("seccomp file"))
        f->seccompSha256.clear();
    else if (what == QLatin1String("credentials"))
        f->credentials.usable = false;
    else if (what == QLatin1String("credentials off"))
        f->credentials.source = QStringLiteral("none"), f->credentials.usable = false;
    else if (what == QLatin1String("gc failed"))
        f->gcFailed = true;
    else if (what == QLatin1String("gc stale"))
        f->gcStale = true;
    else if (what == QLatin1String("pids"))
        f->containersAtPidsLimit = 3;
    else if (what == QLatin1String("socket"))
        f->proxySocketsMissing = 1;
    else if (what == QLatin1String("check pending"))
        f->check.phase = CheckState::Phase::Pending;
    else if (what.startsWith(QLatin1String("check failed"))) {
        f->check.phase = CheckState::Phase::Done;
        f->check.rows = {{QStringLiteral("seccomp.profile"), false, QStringLiteral("sha256 differs")},
                         {QStringLiteral("priv.user"), true, QString()}};
        f->check.failOpen = what.endsWith(QLatin1String("open"));
    } else if (what == QLatin1String("check passed")) {
        f->check.phase = CheckState::Phase::Done;
        f->check.rows = {{QStringLiteral("seccomp.profile"), true, QString()}};
    }
}

} // namespace

class tst_Health : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status_data()
    {
        QTest::addColumn<QStringList>("spoilt");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("problems");
        QTest::newRow("healthy") << QStringList() << "ok" << QStringList();
        QTest::newRow("never probed") << QStringList{QStringLiteral("unchecked")} << "down"
                                      << QStringList{QStringLiteral("not_checked_yet")};
        QTest::newRow("docker down") << QStringList{QStringLiteral("docker")} << "down"
                                     << QStringList{QStringLiteral("docker_unreachable")};
        QTest::newRow("runtime missing") << QStringList{QStringLiteral("runtime")} << "down"
                                         << QStringList{QStringLiteral("runtime_missing")};
        QTest::newRow("engine without seccomp") << QStringList{QStringLiteral("seccomp engine")} << "down"
                                                << QStringList{QStringLiteral("seccomp_not_in_force")};
        QTest::newRow("profile unreadable") << QStringList{QStringLiteral("seccomp file")} << "down"
                                            << QStringList{QStringLiteral("seccomp_not_in_force")};
        QTest::newRow("no credentials") << QStringList{QStringLiteral("credentials")} << "degraded"
                                        << QStringList{QStringLiteral("credentials_unavailable")};
        // credentials.source = none: no proxy, nothing missing.
        QTest::newRow("credentials turned off")
                << QStringList{QStringLiteral("credentials off")} << "ok" << QStringList();
        QTest::newRow("gc failed") << QStringList{QStringLiteral("gc failed")} << "degraded"
                                   << QStringList{QStringLiteral("gc_failed")};
        QTest::newRow("gc stopped") << QStringList{QStringLiteral("gc stale")} << "degraded"
                                    << QStringList{QStringLiteral("gc_not_running")};
        QTest::newRow("down wins") << QStringList{QStringLiteral("credentials"), QStringLiteral("docker")} << "down"
                                   << QStringList{QStringLiteral("docker_unreachable"),
                                                  QStringLiteral("credentials_unavailable")};
        // A tool can fork-bomb its own container or delete its socket: that is
        // reported, but no one conversation turns the host's status.
        QTest::newRow("container at pids limit") << QStringList{QStringLiteral("pids")} << "ok" << QStringList();
        QTest::newRow("socket deleted by a tool") << QStringList{QStringLiteral("socket")} << "ok" << QStringList();
        // The start-up check: calls wait while it runs, and are refused when it failed...
        QTest::newRow("check running") << QStringList{QStringLiteral("check pending")} << "down"
                                       << QStringList{QStringLiteral("verify_pending")};
        QTest::newRow("check failed") << QStringList{QStringLiteral("check failed")} << "down"
                                      << QStringList{QStringLiteral("verify_failed")};
        // ...unless verify.failOpen lets them run, audited.
        QTest::newRow("check failed, fail open") << QStringList{QStringLiteral("check failed open")} << "degraded"
                                                 << QStringList{QStringLiteral("verify_failed_open")};
        QTest::newRow("check passed") << QStringList{QStringLiteral("check passed")} << "ok" << QStringList();
        QTest::newRow("check failed, docker down")
                << QStringList{QStringLiteral("check failed open"), QStringLiteral("docker")} << "down"
                << QStringList{QStringLiteral("docker_unreachable"), QStringLiteral("verify_failed_open")};
    }

    void status()
    {
        QFETCH(QStringList, spoilt);
        QFETCH(QString, status);
        QFETCH(QStringList, problems);
        HealthFacts f = healthy();
        for (const QString &what : spoilt)
            spoil(&f, what);
        QStringList found;
        QCOMPARE(healthStatus(f, &found), status);
        QCOMPARE(found, problems);
        const QJsonObject json = healthJson(f);
        QCOMPARE(json.value(QLatin1String("status")).toString(), status);
        QCOMPARE(json.value(QLatin1String("problems")).toArray().toVariantList().size(), problems.size());
    }

    void credentialsOffAreDisabled()
    {
        HealthFacts f = healthy();
        spoil(&f, QStringLiteral("credentials off"));
        const QJsonObject credentials = healthJson(f).value(QLatin1String("credentials")).toObject();
        QCOMPARE(credentials.value(QLatin1String("state")).toString(), QStringLiteral("disabled"));
        QCOMPARE(credentials.value(QLatin1String("source")).toString(), QStringLiteral("none"));
    }

    void jsonParts()
    {
        HealthFacts f = healthy();
        f.containers = {{QStringLiteral("running"), 2}, {QStringLiteral("exited"), 1}};
        f.credentials.lastError = QStringLiteral("credential_process failed (exit status 1).");
        f.adminAddress = QStringLiteral("127.0.0.1:9464");
        const QJsonObject j = healthJson(f);
        QCOMPARE(j.value(QLatin1String("docker")).toObject().value(QLatin1String("version")).toString(),
                 QStringLiteral("20.10.24"));
        QCOMPARE(j.value(QLatin1String("containers")).toObject().value(QLatin1String("running")).toInt(), 2);
        QCOMPARE(j.value(QLatin1String("seccomp")).toObject().value(QLatin1String("in_force")).toBool(), true);
        QCOMPARE(j.value(QLatin1String("seccomp")).toObject().value(QLatin1String("sha256")).toString(),
                 QStringLiteral("ab12"));
        QCOMPARE(j.value(QLatin1String("userns_remap")).toBool(true), false);
        QCOMPARE(j.value(QLatin1String("apparmor")).toObject().value(QLatin1String("in_force")).toBool(true), false);
        QCOMPARE(j.value(QLatin1String("credentials")).toObject().value(QLatin1String("state")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(j.value(QLatin1String("admin")).toString(), QStringLiteral("127.0.0.1:9464"));
        // AppArmor is in force when the engine has it and containers get Hako's profile.
        f.engine.apparmor = true;
        QCOMPARE(healthJson(f).value(QLatin1String("apparmor")).toObject().value(QLatin1String("in_force")).toBool(),
                 false);
        f.appArmorProfile = QStringLiteral("hako-workspace");
        QCOMPARE(healthJson(f).value(QLatin1String("apparmor")).toObject().value(QLatin1String("in_force")).toBool(),
                 true);
        // Unknown while the engine cannot be asked, not "off".
        f.engineReachable = false;
        QVERIFY(healthJson(f).value(QLatin1String("userns_remap")).isNull());
        QCOMPARE(healthJson(f).value(QLatin1String("seccomp")).toObject().value(QLatin1String("in_force")).toBool(),
                 false);
    }

    // Each served conversation's budget use, by its key; a budget that is
    // used up does not change the host's status.
    void proxyBudgets()
    {
        HealthFacts f = healthy();
        f.tokenBudget = 100;
        f.requestsPerMinute = 5;
        proxy::ConversationBudget spent{QStringLiteral("0123456789abcdef0123456789abcdef"), {70, 40}, true, 3};
        f.proxyBudgets = {spent};
        QStringList problems;
        QCOMPARE(healthStatus(f, &problems), QStringLiteral("ok"));
        const QJsonObject budgets =
                healthJson(f).value(QLatin1String("proxies")).toObject().value(QLatin1String("budgets")).toObject();
        QCOMPARE(budgets.value(QLatin1String("tokens")).toInt(), 100);
        QCOMPARE(budgets.value(QLatin1String("requests_per_minute")).toInt(), 5);
        const QJsonArray conversations = budgets.value(QLatin1String("conversations")).toArray();
        QCOMPARE(conversations.size(), 1);
        const QJsonObject c = conversations.first().toObject();
        QCOMPARE(c.value(QLatin1String("conversation")).toString(), spent.conversation);
        QCOMPARE(c.value(QLatin1String("input_tokens")).toInt(), 70);
        QCOMPARE(c.value(QLatin1String("output_tokens")).toInt(), 40);
        QCOMPARE(c.value(QLatin1String("tokens_exhausted")).toBool(), true);
        QCOMPARE(c.value(QLatin1String("requests_last_minute")).toInt(), 3);
    }

    void runtimeGapsOfRunsc()
    {
        HealthFacts f = healthy();
        // runc: none.
        QVERIFY(healthJson(f)
                        .value(QLatin1String("runtimes"))
                        .toObject()
                        .value(QLatin1String("gaps"))
                        .toArray()
                        .isEmpty());
        f.runtime = QStringLiteral("runsc");
        f.engine.runtimeArgs.insert(QStringLiteral("runsc"),
                                    {QStringLiteral("--platform=ptrace"), QStringLiteral("--host-uds=all")});
        auto codes = [](const HealthFacts &facts) {
            QStringList list;
            for (const QJsonValue &gap :
                 healthJson(facts).value(QLatin1String("runtimes")).toObject().value(QLatin1String("gaps")).toArray())
                if (!gap.toObject().value(QLatin1String("summary")).toString().isEmpty()) // a gap says what it is
                    list << gap.toObject().value(QLatin1String("code")).toString();
            return list;
        };
        QStringList gaps = codes(f);
        for (const char *code : {"gvisor-no-oci-seccomp", "gvisor-statx-no-automount", "gvisor-uncounted",
                                 "gvisor-oom-sandbox", "gvisor-limits", "gvisor-init-signals", "gvisor-dumpable"})
            QVERIFY2(gaps.contains(QLatin1String(code)), code);
        // With --oci-seccomp the profile is in force: that gap goes, the others stay.
        f.engine.runtimeArgs[QStringLiteral("runsc")] << QStringLiteral("--oci-seccomp");
        gaps = codes(f);
        QVERIFY(!gaps.contains(QStringLiteral("gvisor-no-oci-seccomp")));
        QVERIFY(gaps.contains(QStringLiteral("gvisor-statx-no-automount")));
        // A gap is reported, not a failure: the status stays ok.
        QStringList problems;
        QCOMPARE(healthStatus(f, &problems), QStringLiteral("ok"));
    }

    void listenAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "127.0.0.1:9464" << true << "127.0.0.1" << 9464;
        QTest::newRow("any, asked for") << "0.0.0.0:80" << true << "0.0.0.0" << 80;
        QTest::newRow("ipv6") << "[::1]:9464" << true << "::1" << 9464;
        QTest::newRow("localhost") << "localhost:1" << true << "127.0.0.1" << 1;
        QTest::newRow("port only") << "9464" << true << "127.0.0.1" << 9464;
        QTest::newRow("colon port") << ":9464" << true << "127.0.0.1" << 9464;
        QTest::newRow("any port") << "127.0.0.1:0" << true << "127.0.0.1" << 0;
        QTest::newRow("port too big") << "127.0.0.1:65536" << false << "" << 0;
        QTest::newRow("hostname") << "example.com:80" << false << "" << 0;
        QTest::newRow("no port") << "127.0.0.1" << false << "" << 0;
        QTest::newRow("bare ipv6") << "::1:80" << false << "" << 0;
        QTest::newRow("empty") << "" << false << "" << 0;
        QTest::newRow("junk") << "127.0.0.1:80 --x" << false << "" << 0;
    }

    void listenAddress()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        ListenAddress a;
        QCOMPARE(parseListenAddress(text, &a), valid);
        if (!valid)
            return;
        QCOMPARE(a.host.toString(), host);
        QCOMPARE(int(a.port), port);
    }
};

QTEST_APPLESS_MAIN(tst_Health)
#include "tst_health.moc"
