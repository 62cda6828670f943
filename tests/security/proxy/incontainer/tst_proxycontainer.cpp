// The credential proxy as a conversation container sees it: hako-host creates
// a real container, and a client inside talks to /var/run/hako/proxy.sock. The
// proxy reaches a loopback HTTPS stand-in for bedrock-runtime through
// proxy.connectTo, trusts it through proxy.caFile, and signs with credentials
// from settings; the stand-in re-verifies every signature with botocore.
#include "hakohostdriver.h"
#include "standin.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const StandIn::Credentials kCreds{QStringLiteral("AKIDHAKOCONTAINER"),
                                  QStringLiteral("hakoContainerSecret/DoNotLeak+0123456789ab"),
                                  QStringLiteral("hakoContainerToken-DoNotLeak-0123456789")};
// What a client inside the container tries to pass off as its own credential.
const QByteArray kPlanted = "PLANTEDCLIENTCREDENTIAL";
const QString kConversation = QStringLiteral("proxy-e2e");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_ProxyContainer : public QObject
{
    Q_OBJECT

    HakoHostDriver m_host;
    QTemporaryDir m_dir;
    StandIn m_standIn;
    QString m_log;

    QJsonObject lastRecordFor(const QByteArray &pathPart) const
    {
        const QList<QJsonObject> records = StandIn::readLog(m_log);
        for (auto it = records.crbegin(); it != records.crend(); ++it) {
            if (it->value(QLatin1String("path")).toString().contains(QLatin1String(pathPart)))
                return *it;
        }
        return {};
    }

    static QByteArray headersOf(const QJsonObject &record)
    {
        return QJsonDocument(record.value(QLatin1String("headers")).toArray()).toJson(QJsonDocument::Compact);
    }

    static QByteArray header(const QJsonObject &record, const QString &name)
    {
        for (const QJsonValue &h : record.value(QLatin1String("headers")).toArray()) {
            if (h[0].toString().compare(name, Qt::CaseInsensitive) == 0)
                return h[1].toString().toUtf8();
        }
        return {};
    }

    void verifyNoSecretIn(const HostRun &run)
    {
        for (const QString &secret : {kCreds.secretKey, kCreds.token}) {
            QVERIFY(!run.out.contains(secret.toUtf8()));
            QVERIFY(!run.err.contains(secret.toUtf8()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_host.isValid() && m_dir.isValid());
        QString error;
        QVERIFY2(StandIn::makeCertificates(m_dir.path(), &error), qPrintable(error));
        m_log = m_dir.filePath(QStringLiteral("standin.jsonl"));
        const quint16 port = m_standIn.start(m_dir.filePath(QStringLiteral("server.pem")),
                                             m_dir.filePath(QStringLiteral("server.key")), m_log, kCreds);
        QVERIFY(port);
        m_host.set(QStringLiteral("proxy.connectTo=[\"::127.0.0.1:%1\"]").arg(port));
        m_host.set(QStringLiteral("proxy.caFile=") + m_dir.filePath(QStringLiteral("ca.pem")));
        // Settings hold strings: a rule object goes in as its JSON text.
        const QJsonArray allow{QString::fromUtf8(QJsonDocument(StandIn::utilityRule()).toJson(QJsonDocument::Compact)),
                               QStringLiteral("bedrock-runtime.*.amazonaws.com")};
        m_host.set(QStringLiteral("proxy.allow=")
                   + QString::fromUtf8(QJsonDocument(allow).toJson(QJsonDocument::Compact)));
        m_host.set(QStringLiteral("credentials.source=settings"));
        m_host.set(QStringLiteral("credentials.accessKeyId=") + kCreds.accessKey);
        m_host.set(QStringLiteral("credentials.secretAccessKey=") + kCreds.secretKey);
        m_host.set(QStringLiteral("credentials.sessionToken=") + kCreds.token);
    }

    // The model ID's ':' as a client may send it: raw, or percent-encoded as
    // the AWS SDKs do (the canonical URI then double-encodes it).
    void invokeIsSignedAndPlantedCredentialDropped_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("raw colon") << "/model/anthropic.claude-3-haiku-20240307-v1:0/invoke";
        QTest::newRow("encoded colon") << "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke";
    }

    void invokeIsSignedAndPlantedCredentialDropped()
    {
        QFETCH(QString, path);
        const QString planted = QString::fromLatin1(kPlanted);
        const QString command =
                QStringLiteral("curl -sS --unix-socket /var/run/hako/proxy.sock"
                               " -H 'Content-Type: application/json'"
                               " -H 'Authorization: AWS4-HMAC-SHA256 Credential=%1/20240101/us-east-1/bedrock/"
                               "aws4_request, SignedHeaders=host, Signature=%1'"
                               " -H 'X-Amz-Security-Token: %1' -H 'X-Amz-Date: 20240101T000000Z'"
                               " --data '{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":8}'"
                               " 'http://bedrock-runtime.us-east-1.amazonaws.com%2'")
                        .arg(planted, path);
        const HostRun run = m_host.exec(kConversation, command);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        verifyNoSecretIn(run);
        const QJsonObject answer = run.json();
        QVERIFY2(answer.value(QLatin1String("verified")).toBool(), run.out.constData());

        const QJsonObject record = lastRecordFor("/invoke");
        QCOMPARE(record.value(QLatin1String("path")).toString(), path);
        QVERIFY(record.value(QLatin1String("verified")).toBool());
        QCOMPARE(record.value(QLatin1String("why")).toString(), QStringLiteral("botocore recomputed"));
        QVERIFY2(!headersOf(record).contains(kPlanted), headersOf(record).constData());
        QVERIFY(header(record, QStringLiteral("Authorization"))
                        .startsWith("AWS4-HMAC-SHA256 Credential=" + kCreds.accessKey.toUtf8() + '/'));
        QCOMPARE(header(record, QStringLiteral("X-Amz-Security-Token")), kCreds.token.toUtf8());
    }

    // Four frames; the stand-in holds back the last until the client has
    // opened a gate, which it does only once the first frame is in its hands.
    void streamReachesTheContainerFrameByFrame()
    {
        const QByteArray script = readFile(QStringLiteral(HAKO_PROXY_TESTDIR "/incontainer/stream_client.py"));
        QVERIFY(!script.isEmpty());
        const HostRun run =
                m_host.exec(kConversation, QStringLiteral("python3 - <<'PY'\n%1PY\n").arg(QString::fromUtf8(script)));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        verifyNoSecretIn(run);
        const QJsonObject client = run.json();
        QCOMPARE(client.value(QLatin1String("status")).toInt(), 200);
        QCOMPARE(client.value(QLatin1String("frames")).toInt(), 4);
        QCOMPARE(client.value(QLatin1String("gate_status")).toInt(), 200);
        QCOMPARE(client.value(QLatin1String("content_type")).toString(),
                 QStringLiteral("application/vnd.amazon.eventstream"));

        const QJsonObject record = lastRecordFor("/invoke-with-response-stream");
        QVERIFY(record.value(QLatin1String("verified")).toBool());
        QVERIFY2(record.value(QLatin1String("gate_opened")).toBool(),
                 "the last frame was sent before the client held the first");
        const QJsonArray sent = record.value(QLatin1String("frames_sent")).toArray();
        QCOMPARE(sent.size(), 4);
        const double firstAt = client.value(QLatin1String("first_frame_at")).toDouble();
        qInfo("first frame in the container %.1f ms before the stand-in sent the last",
              (sent.last().toDouble() - firstAt) * 1000);
        QVERIFY(firstAt < sent.last().toDouble());
    }
};

QTEST_GUILESS_MAIN(tst_ProxyContainer)
#include "tst_proxycontainer.moc"
