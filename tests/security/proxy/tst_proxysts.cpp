// credentials.assumeRole end to end: the proxy asks the STS stand-in for one
// session per conversation (socket) and signs that conversation's Bedrock
// requests with it; the stand-in checks every signature with botocore, the
// AssumeRole ones against the base key, the Bedrock ones against the key it
// issued, and logs which key signed what.
#include "assumerole.h"
#include "credentialproxy.h"
#include "rolesessions.h"
#include "standin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QtTest>

using namespace hako::proxy;

namespace {

const QByteArray kHost = "bedrock-runtime.us-east-1.amazonaws.com";
const QString kRole = QStringLiteral("arn:aws:iam::123456789012:role/hako-bedrock");
const QString kModelId = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");
const QString kProfileArn = QStringLiteral(
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0");
const StandIn::Credentials kBase{QStringLiteral("AKIDHAKOBASE"), QStringLiteral("hakoBaseSecret/DoNotLeak+0123"),
                                 QStringLiteral("hakoBaseToken-DoNotLeak")};

QByteArray invokeRequest()
{
    return "POST /model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke HTTP/1.1\r\nHost: " + kHost
           + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
}

int statusOf(const QByteArray &raw)
{
    return raw.left(raw.indexOf("\r\n")).split(' ').value(1).toInt();
}

} // namespace

class TestProxySts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sessionPerConversation();
    void endingDropsSession();
    void refreshBeforeExpiry();
    void assumeRoleRefused();
    void endedWhileAssuming();

private:
    QJsonObject settings(const QString &role) const;
    std::unique_ptr<CredentialProxy> proxy(const QString &role, int refreshMarginSecs = 300);
    QByteArray exchange(const QString &socket);
    QList<QJsonObject> newEntries();
    QString socket(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QTemporaryDir m_dir;
    StandIn m_standIn;
    quint16 m_port = 0;
    QString m_log;
    qsizetype m_seen = 0;
};

void TestProxySts::initTestCase()
{
    if (!QFile::exists(QStringLiteral("/usr/bin/python3")) || !QFile::exists(QStringLiteral("/usr/bin/openssl")))
        QFAIL("needs /usr/bin/python3 (python3-botocore) and openssl");
    QString error;
    QVERIFY2(StandIn::makeCertificates(m_dir.path(), &error), qPrintable(error));
    m_log = m_dir.filePath(QStringLiteral("standin.jsonl"));
    m_port = m_standIn.start(m_dir.filePath(QStringLiteral("server.pem")), m_dir.filePath(QStringLiteral("server.key")),
                             m_log, kBase);
    QVERIFY(m_port);
}

QJsonObject TestProxySts::settings(const QString &role) const
{
    return {{QStringLiteral("proxy.connectTo"), QJsonArray{QStringLiteral("::127.0.0.1:") + QString::number(m_port)}},
            {QStringLiteral("proxy.caFile"), m_dir.filePath(QStringLiteral("ca.pem"))},
            {QStringLiteral("proxy.models"), QJsonArray{kModelId, kProfileArn}},
            {QStringLiteral("credentials.source"), QStringLiteral("settings")},
            {QStringLiteral("credentials.accessKeyId"), kBase.accessKey},
            {QStringLiteral("credentials.secretAccessKey"), kBase.secretKey},
            {QStringLiteral("credentials.sessionToken"), kBase.token},
            {QStringLiteral("credentials.assumeRole"), role},
            {QStringLiteral("credentials.stsEndpoint"), QStringLiteral("https://sts.eu-central-1.amazonaws.com")}};
}

std::unique_ptr<CredentialProxy> TestProxySts::proxy(const QString &role, int refreshMarginSecs)
{
    ProxyConfig config;
    CredentialConfig credentials;
    const QList<hako::Error> errors = configFromSettings(settings(role), &config, &credentials);
    if (!errors.isEmpty())
        qFatal("%s", qPrintable(errors.first().logMessage));
    credentials.refreshMarginSecs = refreshMarginSecs;
    return std::make_unique<CredentialProxy>(config, credentials);
}

QByteArray TestProxySts::exchange(const QString &socket)
{
    QLocalSocket client;
    client.connectToServer(socket);
    client.write(invokeRequest());
    QByteArray received;
    QDeadlineTimer deadline(15000);
    while (client.state() != QLocalSocket::UnconnectedState && !deadline.hasExpired()) {
        client.waitForReadyRead(5);
        QCoreApplication::processEvents();
        received += client.readAll();
    }
    return received + client.readAll();
}

QList<QJsonObject> TestProxySts::newEntries()
{
    const QList<QJsonObject> all = StandIn::readLog(m_log);
    const QList<QJsonObject> fresh = all.mid(m_seen);
    m_seen = all.size();
    return fresh;
}

// The first request of a conversation makes one AssumeRole, signed with the
// base key, naming the conversation's hashed key and a policy of exactly the
// configured models; its Bedrock call is signed with the issued key. Another
// conversation gets another session; the base key signs no Bedrock call.
void TestProxySts::sessionPerConversation()
{
    const auto p = proxy(kRole);
    QVERIFY(!p->listen(socket("a.sock"), QStringLiteral("conversation-a")));
    QVERIFY(!p->listen(socket("b.sock"), QStringLiteral("conversation-b")));
    newEntries();
    QCOMPARE(statusOf(exchange(socket("a.sock"))), 200);
    QCOMPARE(statusOf(exchange(socket("a.sock"))), 200);
    QList<QJsonObject> seen = newEntries();
    QCOMPARE(seen.size(), 3);
    const QJsonObject sts = seen[0][QStringLiteral("sts")].toObject();
    QVERIFY(seen[0][QStringLiteral("verified")].toBool());
    QCOMPARE(seen[0][QStringLiteral("access_key")].toString(), kBase.accessKey);
    QCOMPARE(sts[QStringLiteral("role_arn")].toString(), kRole);
    QCOMPARE(sts[QStringLiteral("session_name")].toString().toLatin1(),
             roleSessionName(QStringLiteral("conversation-a")));
    QCOMPARE(sts[QStringLiteral("duration")].toString(), QString::number(AssumeRoleConfig::kSessionSeconds));
    const QJsonObject policy = QJsonDocument::fromJson(sts[QStringLiteral("policy")].toString().toUtf8()).object();
    const QJsonObject statement = policy[QStringLiteral("Statement")].toArray().first().toObject();
    QCOMPARE(statement[QStringLiteral("Effect")].toString(), QStringLiteral("Allow"));
    QCOMPARE(statement[QStringLiteral("Action")].toArray(),
             (QJsonArray{QStringLiteral("bedrock:CountTokens"), QStringLiteral("bedrock:InvokeModel"),
                         QStringLiteral("bedrock:InvokeModelWithResponseStream")}));
    QCOMPARE(
            statement[QStringLiteral("Resource")].toArray(),
            (QJsonArray{QStringLiteral("arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"),
                        QStringLiteral("arn:aws:bedrock:*::foundation-model/") + kModelId, kProfileArn}));
    const QString keyA = sts[QStringLiteral("issued_key")].toString();
    QVERIFY(keyA.startsWith(QLatin1String("ASIA")));
    for (const QJsonObject &call : seen.mid(1)) {
        QVERIFY2(call[QStringLiteral("verified")].toBool(), qPrintable(call[QStringLiteral("why")].toString()));
        QCOMPARE(call[QStringLiteral("access_key")].toString(), keyA);
    }

    QCOMPARE(statusOf(exchange(socket("b.sock"))), 200);
    seen = newEntries();
    QCOMPARE(seen.size(), 2);
    const QJsonObject stsB = seen[0][QStringLiteral("sts")].toObject();
    QCOMPARE(stsB[QStringLiteral("session_name")].toString().toLatin1(),
             roleSessionName(QStringLiteral("conversation-b")));
    QVERIFY(stsB[QStringLiteral("session_name")] != sts[QStringLiteral("session_name")]);
    const QString keyB = stsB[QStringLiteral("issued_key")].toString();
    QVERIFY(keyB != keyA);
    QCOMPARE(seen[1][QStringLiteral("access_key")].toString(), keyB);
    QVERIFY(seen[1][QStringLiteral("verified")].toBool());
}

// A conversation that ended and comes back gets a new session.
void TestProxySts::endingDropsSession()
{
    const auto p = proxy(kRole);
    QVERIFY(!p->listen(socket("c.sock"), QStringLiteral("conversation-c")));
    newEntries();
    QCOMPARE(statusOf(exchange(socket("c.sock"))), 200);
    const QString first = newEntries().value(0)[QStringLiteral("sts")][QStringLiteral("issued_key")].toString();
    p->close(socket("c.sock"));
    QCOMPARE(p->roleSessions()->usableCount(), 0);
    QVERIFY(!p->listen(socket("c.sock"), QStringLiteral("conversation-c")));
    QCOMPARE(statusOf(exchange(socket("c.sock"))), 200);
    const QList<QJsonObject> seen = newEntries();
    QCOMPARE(seen.size(), 2);
    const QString second = seen[0][QStringLiteral("sts")][QStringLiteral("issued_key")].toString();
    QVERIFY(!second.isEmpty() && second != first);
    QCOMPARE(seen[1][QStringLiteral("access_key")].toString(), second);
}

// Within the refresh margin (here always) a request still goes out with the
// session it has while a new one is asked for; once that is in, it signs.
void TestProxySts::refreshBeforeExpiry()
{
    const auto p = proxy(kRole, AssumeRoleConfig::kSessionSeconds);
    QSignalSpy ready(p->roleSessions(), &RoleSessions::ready);
    QVERIFY(!p->listen(socket("d.sock"), QStringLiteral("conversation-d")));
    newEntries();
    QCOMPARE(statusOf(exchange(socket("d.sock"))), 200);
    QTRY_VERIFY(ready.size() >= 2); // the first session, then its refresh
    QCOMPARE(statusOf(exchange(socket("d.sock"))), 200);
    QStringList issued, signers;
    for (const QJsonObject &e : newEntries()) {
        if (e.contains(QStringLiteral("sts")))
            issued << e[QStringLiteral("sts")][QStringLiteral("issued_key")].toString();
        else
            signers << e[QStringLiteral("access_key")].toString();
    }
    QVERIFY(issued.size() >= 2);
    QCOMPARE(signers.size(), 2);
    QCOMPARE(signers[0], issued[0]);
    QVERIFY(signers[1] != issued[0] && issued.contains(signers[1]));
}

// A refused AssumeRole is a 503 naming STS's error code, counted once; the
// conversation then backs off (no new call), and nothing reaches Bedrock.
void TestProxySts::assumeRoleRefused()
{
    const auto p = proxy(QStringLiteral("arn:aws:iam::123456789012:role/deny-all"));
    int failures = 0;
    connect(p->roleSessions(), &RoleSessions::assumeRoleFailed, this, [&failures] { ++failures; });
    QVERIFY(!p->listen(socket("e.sock"), QStringLiteral("conversation-e")));
    newEntries();
    for (int i = 0; i < 2; ++i) {
        const QByteArray raw = exchange(socket("e.sock"));
        QCOMPARE(statusOf(raw), 503);
        QVERIFY(raw.contains("X-Hako-Proxy-Reason: credentials_unavailable"));
    }
    const QList<QJsonObject> seen = newEntries();
    QCOMPARE(seen.size(), 1);
    QVERIFY(seen[0].contains(QStringLiteral("sts")));
    QCOMPARE(failures, 1);
}

// A conversation that ends while its AssumeRole is in flight answers the
// request waiting for it at once (503), instead of leaving it hanging.
void TestProxySts::endedWhileAssuming()
{
    const auto p = proxy(QStringLiteral("arn:aws:iam::123456789012:role/slow"));
    QVERIFY(!p->listen(socket("f.sock"), QStringLiteral("conversation-f")));
    const qsizetype connections = StandIn::connections(m_log);
    QLocalSocket client;
    QByteArray received;
    connect(&client, &QLocalSocket::readyRead, &client, [&] { received += client.readAll(); });
    client.connectToServer(socket("f.sock"));
    client.write(invokeRequest());
    QTRY_VERIFY(StandIn::connections(m_log) > connections); // AssumeRole is on its way
    p->close(socket("f.sock"));
    QTRY_VERIFY_WITH_TIMEOUT(client.state() == QLocalSocket::UnconnectedState, 5000);
    received += client.readAll();
    QCOMPARE(statusOf(received), 503);
    QVERIFY(received.contains("X-Hako-Proxy-Reason: credentials_unavailable"));
}

QTEST_GUILESS_MAIN(TestProxySts)
#include "tst_proxysts.moc"
