// What the host asks STS for under credentials.assumeRole: the settings, the
// session name, the session policy, the request body, and STS's answer read
// as hostile input (it arrives over the network).
#include "assumerole.h"
#include "proxyconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace hako::proxy;

class TestAssumeRole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settings_data();
    void settings();
    void policy_data();
    void policy();
    void sessionName();
    void body();
    void response_data();
    void response();
};

namespace {

const QString kRole = QStringLiteral("arn:aws:iam::123456789012:role/hako");

QJsonObject withRole(const QString &role, const QString &endpoint = {})
{
    QJsonObject o{{QStringLiteral("credentials.source"), QStringLiteral("none")},
                  {QStringLiteral("credentials.assumeRole"), role}};
    if (!endpoint.isNull())
        o.insert(QStringLiteral("credentials.stsEndpoint"), endpoint);
    return o;
}

QStringList resources(const QByteArray &policy)
{
    QStringList out;
    const QJsonObject statement =
            QJsonDocument::fromJson(policy)[QStringLiteral("Statement")].toArray().first().toObject();
    for (const QJsonValue &v : statement[QStringLiteral("Resource")].toArray())
        out << v.toString();
    return out;
}

} // namespace

void TestAssumeRole::settings_data()
{
    QTest::addColumn<QJsonObject>("settings");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("region");
    QTest::newRow("unset") << QJsonObject() << true << QByteArray() << QByteArray();
    QTest::newRow("default endpoint") << withRole(kRole) << true << QByteArray("sts.us-east-1.amazonaws.com")
                                      << QByteArray("us-east-1");
    QTest::newRow("regional") << withRole(kRole, QStringLiteral("https://STS.eu-west-3.amazonaws.com/")) << true
                              << QByteArray("sts.eu-west-3.amazonaws.com") << QByteArray("eu-west-3");
    QTest::newRow("vpc endpoint") << withRole(kRole,
                                              QStringLiteral("https://vpce-0a1b.sts.ap-south-1.vpce.amazonaws.com"))
                                  << true << QByteArray("vpce-0a1b.sts.ap-south-1.vpce.amazonaws.com")
                                  << QByteArray("ap-south-1");
    QTest::newRow("no region in host") << withRole(kRole, QStringLiteral("https://sts.example.internal")) << true
                                       << QByteArray("sts.example.internal") << QByteArray("us-east-1");
    QTest::newRow("china") << withRole(QStringLiteral("arn:aws-cn:iam::123456789012:role/x"),
                                       QStringLiteral("https://sts.cn-north-1.amazonaws.com.cn"))
                           << true << QByteArray("sts.cn-north-1.amazonaws.com.cn") << QByteArray("cn-north-1");
    for (const char *bad : {"http://sts.us-east-1.amazonaws.com", "https://sts.us-east-1.amazonaws.com:8443",
                            "https://user@sts.us-east-1.amazonaws.com", "https://sts.us-east-1.amazonaws.com/x",
                            "https://sts.us-east-1.amazonaws.com/?a=b", "https://", "sts.us-east-1.amazonaws.com"})
        QTest::newRow(bad) << withRole(kRole, QLatin1String(bad)) << false << QByteArray() << QByteArray();
    for (const char *bad :
         {"role/hako", "arn:aws:iam::123456789012:user/hako", "arn:aws:iam::1:role/a b", "arn:aws:iam::1:role/\x01"})
        QTest::newRow(bad) << withRole(QLatin1String(bad)) << false << QByteArray() << QByteArray();
    QTest::newRow("long role") << withRole(QStringLiteral("arn:aws:iam::1:role/") + QString(3000, QLatin1Char('r')))
                               << false << QByteArray() << QByteArray();
    QJsonObject many = withRole(kRole);
    QJsonArray models;
    for (int i = 0; i < 40; ++i)
        models.append(QStringLiteral("anthropic.claude-model-number-%1-v1:0").arg(i));
    many.insert(QStringLiteral("proxy.models"), models);
    QTest::newRow("policy over 2048") << many << false << QByteArray() << QByteArray();
}

void TestAssumeRole::settings()
{
    QFETCH(QJsonObject, settings);
    QFETCH(bool, valid);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, region);
    ProxyConfig proxy;
    CredentialConfig credentials;
    const QList<hako::Error> errors = configFromSettings(settings, &proxy, &credentials);
    QCOMPARE(errors.isEmpty(), valid);
    if (!valid) {
        QCOMPARE(errors.first().code, QStringLiteral("setting_value"));
        QVERIFY(!errors.first().logMessage.contains(QString(300, QLatin1Char('r'))));
        return;
    }
    QCOMPARE(proxy.assumeRole.has_value(), !host.isEmpty());
    if (!proxy.assumeRole)
        return;
    QCOMPARE(proxy.assumeRole->host, host);
    QCOMPARE(proxy.assumeRole->region, region);
    QVERIFY(proxy.assumeRole->policy.size() <= AssumeRoleConfig::kMaxPolicyChars);
}

// The resources exactly, for each kind of proxy.models entry.
void TestAssumeRole::policy_data()
{
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<QByteArray>("partition");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("any model") << QStringList() << QByteArray("aws")
                               << QStringList{QStringLiteral("arn:aws:bedrock:*:*:application-inference-profile/*"),
                                              QStringLiteral("arn:aws:bedrock:*:*:inference-profile/*"),
                                              QStringLiteral("arn:aws:bedrock:*::foundation-model/*")};
    QTest::newRow("model id") << QStringList{QStringLiteral("amazon.nova-pro-v1:0")} << QByteArray("aws-cn")
                              << QStringList{
                                         QStringLiteral("arn:aws-cn:bedrock:*::foundation-model/amazon.nova-pro-v1:0")};
    QTest::newRow("profile id")
            << QStringList{QStringLiteral("eu.amazon.nova-pro-v1:0")} << QByteArray("aws")
            << QStringList{QStringLiteral("arn:aws:bedrock:*:*:inference-profile/eu.amazon.nova-pro-v1:0"),
                           QStringLiteral("arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0")};
    QTest::newRow("foundation arn")
            << QStringList{QStringLiteral("arn:aws:bedrock:us-west-2::foundation-model/meta.llama3-8b-instruct-v1:0")}
            << QByteArray("aws")
            << QStringList{QStringLiteral("arn:aws:bedrock:us-west-2::foundation-model/meta.llama3-8b-instruct-v1:0")};
    QTest::newRow("application profile arn")
            << QStringList{QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc")}
            << QByteArray("aws")
            << QStringList{QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc")};
}

void TestAssumeRole::policy()
{
    QFETCH(QStringList, models);
    QFETCH(QByteArray, partition);
    QFETCH(QStringList, expected);
    QSet<QByteArray> set;
    for (const QString &m : models)
        set.insert(m.toUtf8());
    const QByteArray policy = sessionPolicy(ProxyConfig::defaults().allowlist, set, partition);
    QCOMPARE(resources(policy), expected);
    const QJsonObject statement =
            QJsonDocument::fromJson(policy)[QStringLiteral("Statement")].toArray().first().toObject();
    QCOMPARE(statement[QStringLiteral("Action")].toArray().size(), 3);
}

// A stable name in STS's alphabet and length; a key that is not one of the
// plugin's (a hex digest) is hashed, not copied.
void TestAssumeRole::sessionName()
{
    const QString key = QStringLiteral("conv/../x y\u00e9\n");
    const QByteArray name = roleSessionName(key);
    QCOMPARE(name, roleSessionName(key));
    QVERIFY(name != roleSessionName(QStringLiteral("conv")));
    QCOMPARE(name.size(), 37);
    QVERIFY(name.startsWith("hako-"));
    static const QRegularExpression stsAlphabet(QStringLiteral("^[\\w+=,.@-]{2,64}$"));
    QVERIFY(stsAlphabet.match(QString::fromLatin1(name)).hasMatch());
    const QString pluginKey = QStringLiteral("0123456789abcdef0123456789abcdef");
    QCOMPARE(roleSessionName(pluginKey), "hako-" + pluginKey.toLatin1());
}

void TestAssumeRole::body()
{
    AssumeRoleConfig c;
    c.roleArn = "arn:aws:iam::1:role/r";
    c.policy = R"({"a":"b c&d=e"})";
    QCOMPARE(assumeRoleBody(c, "hako-0"),
             QByteArray("Action=AssumeRole&DurationSeconds=3600&Policy=%7B%22a%22%3A%22b%20c%26d%3De%22%7D&"
                        "RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=hako-0&Version=2011-06-15"));
}

void TestAssumeRole::response_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("error"); // empty: accepted
    const QByteArray good = "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAX</AccessKeyId>"
                            "<SecretAccessKey>sec</SecretAccessKey><SessionToken>tok</SessionToken>"
                            "<Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>"
                            "</AssumeRoleResponse>";
    QTest::newRow("ok") << 200 << good << QString();
    QTest::newRow("not 200") << 500 << good << QStringLiteral("HTTP 500");
    QTest::newRow("no token") << 200 << QByteArray(good).replace("<SessionToken>tok</SessionToken>", "")
                              << QStringLiteral("HTTP 200");
    QTest::newRow("bad expiration") << 200 << QByteArray(good).replace("2030-01-01T00:00:00Z", "soon")
                                    << QStringLiteral("HTTP 200");
    QTest::newRow("not xml") << 200 << QByteArray("\x00\xff<<", 4) << QStringLiteral("HTTP 200");
    QTest::newRow("error code") << 403
                                << QByteArray("<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>")
                                << QStringLiteral("AccessDenied");
    QTest::newRow("hostile code") << 403
                                  << QByteArray(
                                             "<ErrorResponse><Error><Code>Evil\r\nX: y</Code></Error></ErrorResponse>")
                                  << QStringLiteral("HTTP 403");
}

void TestAssumeRole::response()
{
    QFETCH(int, status);
    QFETCH(QByteArray, xml);
    QFETCH(QString, error);
    AwsCredentials c;
    const hako::Error e = parseAssumeRoleResponse(status, xml, &c);
    if (error.isEmpty()) {
        QVERIFY(!e);
        QCOMPARE(c.accessKeyId, QByteArray("ASIAX"));
        QCOMPARE(c.secretAccessKey->view(), QByteArrayView("sec"));
        QCOMPARE(c.sessionToken->view(), QByteArrayView("tok"));
        QCOMPARE(c.expiration, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
        return;
    }
    QCOMPARE(e.code, QStringLiteral("credentials_unavailable"));
    QVERIFY2(e.logMessage.contains(error), qPrintable(e.logMessage));
    QVERIFY(!e.logMessage.contains(QLatin1String("sec")) && !e.logMessage.contains(QLatin1String("tok")));
}

QTEST_GUILESS_MAIN(TestAssumeRole)
#include "tst_assumerole.moc"
