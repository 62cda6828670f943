// Settings -> ProxyConfig/CredentialConfig, connect-to syntax, the
// credential file and credential_process parsers, refresh before expiry,
// locked secret memory, and the proxy's connection and byte accounting.
#include "credentialproxy.h"
#include "credentials.h"
#include "proxybudget.h"
#include "proxyconfig.h"
#include "ratebudget.h"
#include "refusal.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <algorithm>

using namespace hako::proxy;

class TestProxyConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settings_data();
    void settings();
    void maxConnections_data();
    void maxConnections();
    void budget_data();
    void budget();
    void budgetRelease();
    void rateBudget();
    void connectTo_data();
    void connectTo();
    void sharedCredentials_data();
    void sharedCredentials();
    void processOutput_data();
    void processOutput();
    void processRefresh();
    void profileReload();
    void sourceNone();
    void unreadableFileWarnsOnce();
    void secretBuffer();
    void errorsInJapanese();
};

void TestProxyConfig::settings_data()
{
    QTest::addColumn<QJsonObject>("settings");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("rules");

    const QJsonObject keys{{QStringLiteral("credentials.source"), QStringLiteral("settings")},
                           {QStringLiteral("credentials.accessKeyId"), QStringLiteral("AKID")},
                           {QStringLiteral("credentials.secretAccessKey"), QStringLiteral("secret")}};
    auto with = [&keys](const QString &key, const QJsonValue &value) {
        QJsonObject o = keys;
        o.insert(key, value);
        return o;
    };
    QTest::newRow("defaults") << QJsonObject() << 0 << 1;
    QTest::newRow("settings-source") << keys << 0 << 1;
    QTest::newRow("allow-list") << with(
            QStringLiteral("proxy.allow"),
            QJsonArray{QStringLiteral("bedrock-runtime.*.amazonaws.com"), QStringLiteral("a.*.example.com")})
                                << 0 << 2;
    QTest::newRow("allow-string") << with(QStringLiteral("proxy.allow"),
                                          QStringLiteral("bedrock-runtime.*.amazonaws.com, x.*.example.com"))
                                  << 0 << 2;
    QTest::newRow("allow-json-text") << with(QStringLiteral("proxy.allow"),
                                             QStringLiteral(R"(["bedrock-runtime.*.amazonaws.com"])"))
                                     << 0 << 1;
    QTest::newRow("bearer-rule") << with(
            QStringLiteral("proxy.allow"),
            QJsonArray{QJsonObject{{QStringLiteral("pattern"), QStringLiteral("api.example.com")},
                                   {QStringLiteral("auth"), QStringLiteral("bearer")},
                                   {QStringLiteral("value"), QStringLiteral("k")}}})
                                 << 0 << 1;
    QTest::newRow("rule-as-json-text") << with(
            QStringLiteral("proxy.allow"),
            QJsonArray{QStringLiteral("bedrock-runtime.*.amazonaws.com"),
                       QStringLiteral(R"({"pattern":"api.example.com","auth":"bearer","value":"k"})")})
                                       << 0 << 2;
    QTest::newRow("sigv4-fixed-region") << with(
            QStringLiteral("proxy.allow"),
            QJsonArray{QJsonObject{{QStringLiteral("pattern"), QStringLiteral("vpce.example.com")},
                                   {QStringLiteral("region"), QStringLiteral("eu-west-1")}}})
                                        << 0 << 1;
    QTest::newRow("connect-to") << with(
            QStringLiteral("proxy.connectTo"),
            QJsonArray{QStringLiteral("bedrock-runtime.us-east-1.amazonaws.com:443:127.0.0.1:8443")})
                                << 0 << 1;
    // bad values
    QTest::newRow("empty-allow") << with(QStringLiteral("proxy.allow"), QJsonArray()) << 1 << 0;
    QTest::newRow("partial-wildcard") << with(QStringLiteral("proxy.allow"),
                                              QJsonArray{QStringLiteral("bedrock-*.amazonaws.com")})
                                      << 1 << 0;
    QTest::newRow("no-region") << with(QStringLiteral("proxy.allow"), QJsonArray{QStringLiteral("vpce.example.com")})
                               << 1 << 0;
    QTest::newRow("header-without-value")
            << with(QStringLiteral("proxy.allow"),
                    QJsonArray{QJsonObject{{QStringLiteral("pattern"), QStringLiteral("api.example.com")},
                                           {QStringLiteral("auth"), QStringLiteral("header")},
                                           {QStringLiteral("header"), QStringLiteral("x-api-key")}}})
            << 1 << 0;
    QTest::newRow("unknown-auth") << with(
            QStringLiteral("proxy.allow"),
            QJsonArray{QJsonObject{{QStringLiteral("pattern"), QStringLiteral("api.example.com")},
                                   {QStringLiteral("auth"), QStringLiteral("basic")},
                                   {QStringLiteral("value"), QStringLiteral("v")}}})
                                  << 1 << 0;
    QTest::newRow("bad-connect-to") << with(QStringLiteral("proxy.connectTo"),
                                            QJsonArray{QStringLiteral("127.0.0.1:8443")})
                                    << 1 << 1;
    QTest::newRow("missing-ca") << with(QStringLiteral("proxy.caFile"), QStringLiteral("/nonexistent/ca.pem")) << 1
                                << 1;
    QTest::newRow("ca-not-pem") << with(QStringLiteral("proxy.caFile"), QStringLiteral("/etc/hostname")) << 1 << 1;
    QTest::newRow("unknown-source") << with(QStringLiteral("credentials.source"), QStringLiteral("env")) << 1 << 1;
    QTest::newRow("settings-without-secret")
            << with(QStringLiteral("credentials.secretAccessKey"), QStringLiteral("")) << 1 << 1;
    QTest::newRow("process-empty") << with(QStringLiteral("credentials.source"), QStringLiteral("process")) << 1 << 1;
    const auto withOperations = [&with](const QJsonValue &operations) {
        return with(
                QStringLiteral("proxy.allow"),
                QJsonArray{QJsonObject{{QStringLiteral("pattern"), QStringLiteral("bedrock-runtime.*.amazonaws.com")},
                                       {QStringLiteral("operations"), operations}}});
    };
    QTest::newRow("operations-by-name") << withOperations(QJsonArray{QStringLiteral("Converse")}) << 0 << 1;
    QTest::newRow("operations-template") << withOperations(
            QJsonArray{QStringLiteral("POST /model/{model}/invoke"), QStringLiteral("GET /x")})
                                         << 0 << 1;
    QTest::newRow("operations-any") << withOperations(QStringLiteral("*")) << 0 << 1;
    QTest::newRow("operations-unknown-name")
            << withOperations(QJsonArray{QStringLiteral("ListFoundationModels")}) << 1 << 0;
    QTest::newRow("operations-bad-method")
            << withOperations(QJsonArray{QStringLiteral("PATCH /model/{model}/x")}) << 1 << 0;
    QTest::newRow("operations-empty-segment")
            << withOperations(QJsonArray{QStringLiteral("POST /model//invoke")}) << 1 << 0;
    QTest::newRow("models") << with(QStringLiteral("proxy.models"),
                                    QJsonArray{QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"),
                                               QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:"
                                                              "inference-profile/us.anthropic.claude-3-haiku-v1:0")})
                            << 0 << 1;
    QTest::newRow("models-as-text") << with(QStringLiteral("proxy.models"), QStringLiteral("a.b-v1:0, c.d-v2:0")) << 0
                                    << 1;
    QTest::newRow("model-with-space") << with(QStringLiteral("proxy.models"), QJsonArray{QStringLiteral("a b")}) << 1
                                      << 1;
    QTest::newRow("model-empty") << with(QStringLiteral("proxy.models"), QJsonArray{QString()}) << 1 << 1;
    QTest::newRow("rate") << with(QStringLiteral("proxy.budget.requestsPerMinute"), 60) << 0 << 1;
    QTest::newRow("rate-text") << with(QStringLiteral("proxy.budget.requestsPerMinute"), QStringLiteral("0")) << 0 << 1;
    QTest::newRow("rate-negative") << with(QStringLiteral("proxy.budget.requestsPerMinute"), -1) << 1 << 1;
    QTest::newRow("rate-fraction") << with(QStringLiteral("proxy.budget.requestsPerMinute"), 1.5) << 1 << 1;
}

// At most the limit in any sliding minute, per socket; forget() starts afresh.
void TestProxyConfig::rateBudget()
{
    RateBudget rate(2);
    const QString a = QStringLiteral("a"), b = QStringLiteral("b");
    QVERIFY(rate.admit(a, 0));
    QVERIFY(rate.admit(a, 30000));
    QVERIFY(!rate.admit(a, 59999)); // the first is still within the minute
    QVERIFY(rate.admit(b, 59999));
    QCOMPARE(rate.admittedLastMinute(a, 59999), 2);
    QVERIFY(rate.admit(a, 60000)); // the first left the window
    QVERIFY(!rate.admit(a, 60001));
    rate.forget(a);
    QCOMPARE(rate.admittedLastMinute(a, 60001), 0);
    QVERIFY(rate.admit(a, 60001));
    RateBudget unlimited(0);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(unlimited.admit(a, 0));
}

void TestProxyConfig::settings()
{
    QFETCH(QJsonObject, settings);
    QFETCH(int, errors);
    QFETCH(int, rules);
    ProxyConfig proxy;
    CredentialConfig credentials;
    const QList<hako::Error> found = configFromSettings(settings, &proxy, &credentials);
    QCOMPARE(found.size(), errors);
    QCOMPARE(proxy.allowlist.rules().size(), rules);
    for (const hako::Error &e : found) {
        QCOMPARE(e.code, QStringLiteral("setting_value"));
        QVERIFY(!e.logMessage.isEmpty());
        for (const QString &text : {e.message, e.logMessage})
            QVERIFY(!text.contains(QStringLiteral("secret"), Qt::CaseSensitive)
                    || text.contains(QStringLiteral("secretAccessKey")));
    }
}

// proxy.maxConnections: a whole number 1-1024 (also as text, as --set gives
// it); anything else is an error and the default stays.
void TestProxyConfig::maxConnections_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("expected"); // -1: an error
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << 16;
    QTest::newRow("number") << QJsonValue(4) << 4;
    QTest::newRow("text") << QJsonValue(QStringLiteral("32")) << 32;
    QTest::newRow("one") << QJsonValue(1) << 1;
    QTest::newRow("upper") << QJsonValue(1024) << 1024;
    QTest::newRow("zero") << QJsonValue(0) << -1;
    QTest::newRow("negative") << QJsonValue(-3) << -1;
    QTest::newRow("too-many") << QJsonValue(1025) << -1;
    QTest::newRow("fraction") << QJsonValue(2.5) << -1;
    QTest::newRow("word") << QJsonValue(QStringLiteral("many")) << -1;
    QTest::newRow("list") << QJsonValue(QJsonArray{4}) << -1;
}

void TestProxyConfig::maxConnections()
{
    QFETCH(QJsonValue, value);
    QFETCH(int, expected);
    QJsonObject settings;
    if (!value.isUndefined())
        settings.insert(QStringLiteral("proxy.maxConnections"), value);
    ProxyConfig proxy;
    CredentialConfig credentials;
    const QList<hako::Error> errors = configFromSettings(settings, &proxy, &credentials);
    QCOMPARE(errors.size(), expected < 0 ? 1 : 0);
    QCOMPARE(proxy.bounds.maxConnections, expected < 0 ? ProxyBounds().maxConnections : expected);
    if (expected < 0)
        QCOMPARE(errors.first().logMessage,
                 QStringLiteral("proxy.maxConnections must be a whole number from 1 to 1024."));
}

// Reservations against a cap of 10 for all sockets and 6 per socket, taken
// in order by leases on sockets "a" and "b"; "=" resizes an earlier lease.
void TestProxyConfig::budget_data()
{
    QTest::addColumn<QStringList>("steps"); // socket:bytes, or index=bytes
    QTest::addColumn<QList<bool>>("granted");
    QTest::newRow("within both") << QStringList{QStringLiteral("a:6"), QStringLiteral("b:4")}
                                 << QList<bool>{true, true};
    QTest::newRow("past the share") << QStringList{QStringLiteral("a:4"), QStringLiteral("a:3")}
                                    << QList<bool>{true, false};
    QTest::newRow("past the cap") << QStringList{QStringLiteral("a:6"), QStringLiteral("b:5"), QStringLiteral("b:4")}
                                  << QList<bool>{true, false, true};
    QTest::newRow("refused leaves nothing")
            << QStringList{QStringLiteral("a:7"), QStringLiteral("a:6")} << QList<bool>{false, true};
    QTest::newRow("grows past the share")
            << QStringList{QStringLiteral("a:2"), QStringLiteral("0=5"), QStringLiteral("0=7")}
            << QList<bool>{true, true, false};
    QTest::newRow("shrinks, then room") << QStringList{
            QStringLiteral("a:6"), QStringLiteral("b:4"), QStringLiteral("b:2"), QStringLiteral("0=1"),
            QStringLiteral("b:2")} << QList<bool>{true, true, false, true, true};
}

void TestProxyConfig::budget()
{
    QFETCH(QStringList, steps);
    QFETCH(QList<bool>, granted);
    ProxyBounds bounds;
    bounds.maxBufferedBytes = 10;
    bounds.maxBufferedPerSocket = 6;
    auto budget = std::make_shared<ProxyBudget>();
    std::vector<std::unique_ptr<ProxyBudget::Lease>> leases;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const bool resize = steps[i].contains(QLatin1Char('='));
        const QStringList parts = steps[i].split(QLatin1Char(resize ? '=' : ':'));
        if (!resize)
            leases.push_back(std::make_unique<ProxyBudget::Lease>(budget, bounds, parts[0]));
        ProxyBudget::Lease &lease = resize ? *leases[parts[0].toInt()] : *leases.back();
        QVERIFY2(lease.reserve(parts[1].toLongLong()) == granted[i], qPrintable(steps[i]));
        QVERIFY(budget->bufferedBytes() <= bounds.maxBufferedBytes);
    }
    leases.clear();
    QCOMPARE(budget->bufferedBytes(), 0);
}

// Connection slots per socket, and everything a lease holds comes back when
// it is destroyed (the session's end, whatever the path).
void TestProxyConfig::budgetRelease()
{
    ProxyBounds bounds;
    bounds.maxConnections = 2;
    auto budget = std::make_shared<ProxyBudget>();
    auto first = std::make_unique<ProxyBudget::Lease>(budget, bounds, QStringLiteral("a"));
    ProxyBudget::Lease second(budget, bounds, QStringLiteral("a"));
    ProxyBudget::Lease third(budget, bounds, QStringLiteral("a"));
    ProxyBudget::Lease other(budget, bounds, QStringLiteral("b"));
    QVERIFY(first->holdConnection());
    QVERIFY(second.holdConnection());
    QVERIFY(!third.holdConnection());
    QVERIFY(other.holdConnection());
    QVERIFY(first->reserve(1000));
    QCOMPARE(budget->connections(QStringLiteral("a")), 2);
    QCOMPARE(budget->bufferedBytes(), 1000);
    first.reset();
    QCOMPARE(budget->connections(QStringLiteral("a")), 1);
    QCOMPARE(budget->bufferedBytes(), 0);
    QVERIFY(third.holdConnection());
}

void TestProxyConfig::connectTo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("toHost");
    QTest::addColumn<int>("toPort");
    QTest::newRow("full") << "a.example.com:443:127.0.0.1:8443" << true << "a.example.com"
                          << "127.0.0.1" << 8443;
    QTest::newRow("any-host") << "::127.0.0.1:8443" << true << "zzz.example.com"
                              << "127.0.0.1" << 8443;
    QTest::newRow("keep-port") << "a.example.com:443:b.example.com:" << true << "a.example.com"
                               << "b.example.com" << -1;
    QTest::newRow("ipv6") << "a.example.com:443:[::1]:8443" << true << "a.example.com"
                          << "::1" << 8443;
    QTest::newRow("too-few") << "a.example.com:443:127.0.0.1" << false << ""
                             << "" << 0;
    QTest::newRow("bad-port") << "a.example.com:443:127.0.0.1:99999" << false << ""
                              << "" << 0;
    QTest::newRow("text-port") << "a.example.com:https:127.0.0.1:1" << false << ""
                               << "" << 0;
    QTest::newRow("unclosed-bracket") << "a:443:[::1:8443" << false << ""
                                      << "" << 0;
}

void TestProxyConfig::connectTo()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(QString, toHost);
    QFETCH(int, toPort);
    const std::optional<ConnectTo> c = ConnectTo::parse(text);
    QCOMPARE(c.has_value(), valid);
    if (!valid)
        return;
    QVERIFY(c->matches(host, 443));
    QVERIFY(!c->matches(host, 444) || c->fromPort < 0);
    QCOMPARE(c->toHost, toHost);
    QCOMPARE(c->toPort, toPort);
}

void TestProxyConfig::sharedCredentials_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("token");
    const QByteArray two = "[default]\naws_access_key_id = AKID1\naws_secret_access_key = s1\n\n"
                           "[work]\n# comment\naws_access_key_id=AKID2\naws_secret_access_key=s2\n"
                           "aws_session_token=t2\n";
    QTest::newRow("default") << two << "default" << true << false;
    QTest::newRow("named-with-token") << two << "work" << true << true;
    QTest::newRow("config-style") << QByteArray("[profile dev]\naws_access_key_id=A\naws_secret_access_key=s\n")
                                  << "dev" << true << false;
    QTest::newRow("missing-profile") << two << "other" << false << false;
    QTest::newRow("missing-secret") << QByteArray("[default]\naws_access_key_id=A\n") << "default" << false << false;
    QTest::newRow("key-in-other-section")
            << QByteArray("[a]\naws_secret_access_key=s\n[default]\naws_access_key_id=A\n") << "default" << false
            << false;
    QTest::newRow("empty") << QByteArray() << "default" << false << false;
}

void TestProxyConfig::sharedCredentials()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, profile);
    QFETCH(bool, ok);
    QFETCH(bool, token);
    AwsCredentials c;
    const hako::Error error = parseSharedCredentials(text, profile, &c);
    QCOMPARE(error.isNull(), ok);
    QCOMPARE(c.sessionToken != nullptr, token);
    if (ok)
        QVERIFY(!c.secretAccessKey->view().isEmpty());
    else
        QCOMPARE(error.code, QStringLiteral("credentials_unavailable"));
    for (const QString &text : {error.message, error.logMessage})
        QVERIFY(!text.contains(QStringLiteral("s1")) && !text.contains(QStringLiteral("s2")));
}

void TestProxyConfig::processOutput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("expires");
    QTest::newRow("full") << QByteArray(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S",)"
                                        R"("SessionToken":"T","Expiration":"2030-01-01T00:00:00Z"})")
                          << true << true;
    QTest::newRow("no-expiry") << QByteArray(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S"})") << true
                               << false;
    QTest::newRow("version-2") << QByteArray(R"({"Version":2,"AccessKeyId":"A","SecretAccessKey":"S"})") << false
                               << false;
    QTest::newRow("no-secret") << QByteArray(R"({"Version":1,"AccessKeyId":"A"})") << false << false;
    QTest::newRow("bad-expiry") << QByteArray(
            R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"soon"})")
                                << false << false;
    QTest::newRow("not-json") << QByteArray("AKID SECRET") << false << false;
}

void TestProxyConfig::processOutput()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(bool, expires);
    AwsCredentials c;
    const hako::Error error = parseProcessOutput(json, &c);
    QCOMPARE(error.isNull(), ok);
    QCOMPARE(c.expiration.isValid(), expires && ok);
    QVERIFY(!error.message.contains(QStringLiteral("SECRET")) && !error.logMessage.contains(QStringLiteral("SECRET")));
}

// Credentials that expire within the refresh margin are refreshed while the
// old ones keep being served; a counter file shows the process ran again.
void TestProxyConfig::processRefresh()
{
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("creds.sh"));
    QFile f(script);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\necho x >> \"$(dirname \"$0\")/count\"\n"
            "exp=$(date -u -d '+120 seconds' +%Y-%m-%dT%H:%M:%SZ)\n"
            "printf '{\"Version\":1,\"AccessKeyId\":\"AKIDPROC\",\"SecretAccessKey\":\"S\","
            "\"SessionToken\":\"T\",\"Expiration\":\"%s\"}' \"$exp\"\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    CredentialConfig config;
    config.source = CredentialConfig::Source::Process;
    config.process = script;
    config.refreshMarginSecs = 300; // 120 s validity is already "near expiry"
    CredentialSource source(config);
    QVERIFY(!source.current());
    QSignalSpy ready(&source, &CredentialSource::ready);
    source.fetch();
    QVERIFY(ready.wait(10000));
    QCOMPARE(source.current()->accessKeyId, QByteArray("AKIDPROC"));
    QVERIFY(ready.wait(10000)); // current() started the early refresh
    QFile count(dir.filePath(QStringLiteral("count")));
    QVERIFY(count.open(QIODevice::ReadOnly));
    QCOMPARE(count.readAll().count('x'), 2);

    CredentialConfig failing = config;
    failing.process = QStringLiteral("/bin/false");
    CredentialSource bad(failing);
    QSignalSpy failed(&bad, &CredentialSource::failed);
    bad.fetch();
    QVERIFY(failed.wait(10000));
    QVERIFY(!bad.current());
    const auto error = failed.first().first().value<hako::Error>();
    QCOMPARE(error.logMessage, QStringLiteral("credential_process failed (exit status 1)."));
    QCOMPARE(bad.status().lastError, error.message);
}

void TestProxyConfig::profileReload()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("credentials"));
    auto write = [&path](const QByteArray &text) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    };
    write("[default]\naws_access_key_id=AKID1\naws_secret_access_key=s\n");
    CredentialConfig config;
    config.file = path;
    CredentialSource source(config);
    QCOMPARE(source.current()->accessKeyId, QByteArray("AKID1"));
    QTest::qWait(1100); // distinct modification time
    write("[default]\naws_access_key_id=AKID2\naws_secret_access_key=s\n");
    QCOMPARE(source.current()->accessKeyId, QByteArray("AKID2"));
}

// credentials.source = none: accepted, nothing read or run, no socket served, no failure recorded.
void TestProxyConfig::sourceNone()
{
    ProxyConfig proxy;
    CredentialConfig credentials;
    QVERIFY(configFromSettings({{QStringLiteral("credentials.source"), QStringLiteral("none")}}, &proxy, &credentials)
                    .isEmpty());
    QCOMPARE(credentials.source, CredentialConfig::Source::None);
    CredentialProxy off(proxy, credentials);
    QVERIFY(!off.enabled());
    off.credentials()->check();
    const CredentialStatus status = off.credentials()->status();
    QCOMPARE(status.source, QStringLiteral("none"));
    QVERIFY(status.lastError.isEmpty());
    QVERIFY(!status.lastFailure.isValid());
    QTemporaryDir dir;
    const QString socket = dir.filePath(QStringLiteral("proxy.sock"));
    QVERIFY(off.listen(socket));
    QVERIFY(!QFileInfo::exists(socket));
    QVERIFY(off.socketPaths().isEmpty());
    CredentialProxy on(proxy, CredentialConfig());
    QVERIFY(on.enabled());
}

QStringList g_warnings;

void recordWarning(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg)
        g_warnings << message;
}

// A missing credentials file is one problem: said once, however often it is looked at.
void TestProxyConfig::unreadableFileWarnsOnce()
{
    QTemporaryDir dir;
    CredentialConfig config;
    config.file = dir.filePath(QStringLiteral("no-such-file"));
    CredentialSource source(config);
    g_warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler(recordWarning);
    source.check();
    source.check();
    source.fetch();
    qInstallMessageHandler(previous);
    QCOMPARE(g_warnings.filter(QStringLiteral("cannot read credentials file")).size(), 1);
    QVERIFY(!source.status().lastError.isEmpty());
}

void TestProxyConfig::secretBuffer()
{
    const auto secret = SecretBuffer::create("top-secret");
    QCOMPARE(secret->view(), QByteArrayView("top-secret"));
    QVERIFY(secret->isLocked()); // fails where RLIMIT_MEMLOCK is 0
    QByteArray copy("transient");
    cleanse(copy);
    QVERIFY(copy.isEmpty());
}

// Each kind of proxy error speaks the user's language and logs English.
void TestProxyConfig::errorsInJapanese()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/hako_ja.qm")));
    QCoreApplication::installTranslator(&translator);
    ProxyConfig proxy;
    CredentialConfig credentials;
    const QList<hako::Error> setting =
            configFromSettings({{QStringLiteral("proxy.maxConnections"), 0},
                                {QStringLiteral("proxy.allow"), QJsonArray{QStringLiteral("a.*")}}},
                               &proxy, &credentials);
    AwsCredentials c;
    const hako::Error credential = parseSharedCredentials("[other]\n", QStringLiteral("default"), &c);
    const hako::Error refusal = refusalError(Reason::TooManyConnections);
    QCoreApplication::removeTranslator(&translator);

    QCOMPARE(setting.size(), 2);
    QCOMPARE(setting[0].logMessage,
             QStringLiteral("Allowlist pattern \"a.*\" is invalid: use lowercase DNS labels, \"*\" for exactly one "
                            "whole label, and a literal domain at the end."));
    QCOMPARE(setting[1].message,
             QStringLiteral("proxy.maxConnections には 1 から 1024 までの整数を指定してください。"));
    QCOMPARE(setting[1].logMessage, QStringLiteral("proxy.maxConnections must be a whole number from 1 to 1024."));
    QCOMPARE(credential.code, QStringLiteral("credentials_unavailable"));
    QCOMPARE(credential.logMessage, QStringLiteral("Profile \"default\" was not found in the credentials file."));
    QCOMPARE(refusal.code, QStringLiteral("too_many_connections"));
    QCOMPARE(refusal.logMessage,
             QStringLiteral("Too many connections to the proxy from this sandbox; close one and retry."));
    const auto japanese = [](const QString &text) {
        return std::any_of(text.begin(), text.end(), [](QChar ch) { return ch.unicode() >= 0x3000; });
    };
    for (const hako::Error &e : setting + QList<hako::Error>{credential, refusal}) {
        QVERIFY2(japanese(e.message), qPrintable(e.message));
        QVERIFY2(!japanese(e.logMessage), qPrintable(e.logMessage));
    }
}

QTEST_GUILESS_MAIN(TestProxyConfig)
#include "tst_proxyconfig.moc"
