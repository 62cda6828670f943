// Tripwires in a real sandbox, under the runtime HAKO_TEST_RUNTIME names
// (runc by default): a tool reads the decoy credentials from ~/.aws and sends
// them through the credential proxy. The container is paused, the evidence
// bundle holds its parts, the next call fails with the tripwire error, and the
// metric, /healthz and the audit line say so. A conversation that never
// touches the decoys, in the same plugin, raises nothing.
#include "pluginsession.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QTest>

namespace {

QString runtime()
{
    const QString configured = qEnvironmentVariable("HAKO_TEST_RUNTIME");
    return configured.isEmpty() ? QStringLiteral("runc") : configured;
}

QByteArray docker(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("docker"), arguments);
    process.waitForFinished(30000);
    return process.readAllStandardOutput().trimmed();
}

// `format` of the conversation's container, as `docker ps` prints it.
QByteArray containerOf(const QString &conversation, const QString &format)
{
    const QString key = QString::fromLatin1(
            QCryptographicHash::hash(conversation.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
    return docker({QStringLiteral("ps"), QStringLiteral("--all"), QStringLiteral("--filter"),
                   QStringLiteral("label=org.hako.conversation=") + key, QStringLiteral("--format"), format});
}

// The engine's word for the state of the conversation's container ("paused", "running").
QString containerState(const QString &conversation)
{
    return QString::fromUtf8(containerOf(conversation, QStringLiteral("{{.State}}")));
}

// The decoy key ID of the conversation's container, from the agent key the
// engine was given (root on the host sees it): "AKIA" and the base32 of the
// first 10 bytes of HMAC-SHA256(key, "hako-decoy-key-id-v1").
QByteArray decoyOf(const QString &conversation)
{
    const QByteArray env = docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                                   QStringLiteral("{{range .Config.Env}}{{println .}}{{end}}"),
                                   QString::fromUtf8(containerOf(conversation, QStringLiteral("{{.Names}}")))});
    QByteArray key;
    for (const QByteArray &line : env.split('\n'))
        if (line.startsWith("HAKO_AGENT_KEY="))
            key = QByteArray::fromHex(line.mid(15));
    if (key.size() != 32)
        return {};
    const QByteArray mac = QMessageAuthenticationCode::hash("hako-decoy-key-id-v1", key, QCryptographicHash::Sha256);
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray id = "AKIA";
    for (int bit = 0; bit < 80; bit += 5)
        id += alphabet[((quint8(mac[bit / 8]) << 8 | quint8(mac[bit / 8 + 1])) >> (11 - bit % 8)) & 31];
    return id;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_Tripwires : public QObject
{
    Q_OBJECT

    PluginSession m_session;
    QString m_admin;
    QString m_auditFile;

    QJsonObject tripwireHealth() const
    {
        return m_session.executor()->health().value(QLatin1String("tripwires")).toObject();
    }

    QStringList bundles() const
    {
        return QDir(m_session.root() + QStringLiteral("/evidence")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_auditFile = m_session.root() + QStringLiteral("/audit.jsonl");
        const QString error = m_session.open(
                {{QStringLiteral("runtime"), runtime()},
                 {QStringLiteral("admin.listen"), QStringLiteral("127.0.0.1:0")},
                 {QStringLiteral("audit.file"), m_auditFile},
                 {QStringLiteral("audit.key"), m_session.root() + QStringLiteral("/audit-key/signing.key")},
                 {QStringLiteral("credentials.source"), QStringLiteral("settings")},
                 {QStringLiteral("credentials.accessKeyId"), QStringLiteral("AKIAHAKOTESTKEY00001")},
                 {QStringLiteral("credentials.secretAccessKey"), QStringLiteral("not-a-secret")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_session.executor()->start();
        QVERIFY(PluginSession::waitFor(
                [&] { return !m_session.executor()->health().value(QLatin1String("admin")).toString().isEmpty(); },
                10000));
        m_admin = m_session.executor()->health().value(QLatin1String("admin")).toString();
    }

    // Ordinary work, home listing included, sets nothing off.
    void quietSession()
    {
        const CallReply r = m_session.bash(QStringLiteral("quiet"),
                                           QStringLiteral("echo hi > f; cat f; ls -la ~ ~/.aws >/dev/null; find ~ "
                                                          "-name '*.txt'; stat ~/.env >/dev/null"));
        QVERIFY2(!r.error, qPrintable(r.error.logMessage));
        QCOMPARE(r.result.value(QLatin1String("stdout")).toString(), QStringLiteral("hi\n"));
        QCOMPARE(tripwireHealth().value(QLatin1String("tripped")).toInt(), 0);
        QVERIFY(bundles().isEmpty());
    }

    void decoyThroughTheProxy()
    {
        const QString c = QStringLiteral("thief");
        QVERIFY(!m_session.bash(c, QStringLiteral("echo payload > loot.txt")).error);
        // Read the key as a secret-hunting script does, then use it.
        QElapsedTimer clock;
        clock.start();
        const CallReply used = m_session.call(
                c, QStringLiteral("bash"),
                {{QStringLiteral("command"),
                  QStringLiteral(
                          "k=$(sed -n 's/^aws_access_key_id = //p' ~/.aws/credentials); "
                          "curl -s --unix-socket \"$HAKO_PROXY_SOCKET\" -H \"Authorization: AWS4-HMAC-SHA256 "
                          "Credential=$k/20240101/us-east-1/bedrock/aws4_request, SignedHeaders=host, "
                          "Signature=00\" http://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke -d '{}'")},
                 {QStringLiteral("timeout"), 20}},
                30000);
        // The call ends with the freeze, or before it when its request was refused first.
        QVERIFY2(used.error.code == QLatin1String("tripwire")
                         || used.result.value(QLatin1String("stdout"))
                                    .toString()
                                    .contains(QLatin1String("credential_refused")),
                 qPrintable(used.error.code));
        QVERIFY(PluginSession::waitFor([&] { return containerState(c) == QLatin1String("paused"); }, 5000));
        qInfo("paused %lld ms after the call began", qint64(clock.elapsed()));
        QVERIFY(PluginSession::waitFor([&] { return bundles().size() == 1; }, 10000));
        const QString bundle = m_session.root() + QStringLiteral("/evidence/") + bundles().first();
        QVERIFY(PluginSession::waitFor([&] { return QFile::exists(bundle + QStringLiteral("/workspace.tsv")); },
                                       10000));
        const QJsonObject summary = QJsonDocument::fromJson(readAll(bundle + QStringLiteral("/summary.json"))).object();
        qInfo("set off by: %s", qPrintable(summary.value(QLatin1String("source")).toString()));
        QVERIFY(readAll(bundle + QStringLiteral("/workspace.tsv")).contains("\tloot.txt\n"));
        // Under gVisor `docker top` lists the host side of the sandbox, not its tasks (docs/tripwires.md).
        const QByteArray processes = readAll(bundle + QStringLiteral("/processes.txt"));
        QVERIFY2(runtime() == QLatin1String("runc") ? processes.contains("hako-agent") : !processes.isEmpty(),
                 processes.constData());
        QVERIFY(readAll(bundle + QStringLiteral("/audit.jsonl")).contains("\"type\":\"tripwire\""));
        QVERIFY(QFile::exists(bundle + QStringLiteral("/changes.txt")));

        const CallReply next = m_session.bash(c, QStringLiteral("echo again"));
        QCOMPARE(next.error.code, QStringLiteral("tripwire"));
        QVERIFY(!next.error.message.isEmpty());
        QCOMPARE(tripwireHealth().value(QLatin1String("tripped")).toInt(), 1);
        QCOMPARE(tripwireHealth().value(QLatin1String("frozen")).toInt(), 1);
        const QByteArray metrics = PluginSession::get(m_admin, QStringLiteral("/metrics"));
        QVERIFY(metrics.contains("workspace_tripwires_total{source=\""));
        QVERIFY(readAll(m_auditFile).contains("\"severity\":\"critical\",\"source\":\""));
        // The quiet conversation goes on untouched.
        QCOMPARE(m_session.bash(QStringLiteral("quiet"), QStringLiteral("cat f")).result.value(QLatin1String("stdout")),
                 QStringLiteral("hi\n"));

        // Ending the conversation releases it.
        QVERIFY(!m_session.end(c, false).error);
        QCOMPARE(tripwireHealth().value(QLatin1String("frozen")).toInt(), 0);
        QCOMPARE(m_session.bash(c, QStringLiteral("cat loot.txt")).result.value(QLatin1String("stdout")),
                 QStringLiteral("payload\n"));
        QVERIFY(!m_session.end(c).error);
    }

    // The key alone, never read from a decoy file inside: the proxy sees it,
    // refuses the request and sets the wire off by itself.
    void decoyKeyAloneAtTheProxy()
    {
        const QString c = QStringLiteral("sender");
        QVERIFY(!m_session.bash(c, QStringLiteral("true")).error);
        const QByteArray id = decoyOf(c);
        QCOMPARE(id.size(), 20);
        const CallReply sent = m_session.bash(
                c, QStringLiteral("curl -s --unix-socket \"$HAKO_PROXY_SOCKET\" "
                                  "'http://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke?X-Amz-Credential=")
                           + QString::fromLatin1(id) + QStringLiteral("%2F20240101' -d '{}'"));
        QVERIFY2(sent.error.code == QLatin1String("tripwire")
                         || sent.result.value(QLatin1String("stdout"))
                                    .toString()
                                    .contains(QLatin1String("credential_refused")),
                 qPrintable(sent.error.code));
        QVERIFY(PluginSession::waitFor([&] { return bundles().size() == 2; }, 10000));
        QVERIFY(PluginSession::waitFor([&] { return containerState(c) == QLatin1String("paused"); }, 5000));
        const QByteArray metrics = PluginSession::get(m_admin, QStringLiteral("/metrics"));
        QVERIFY2(metrics.contains("workspace_tripwires_total{source=\"proxy\"} 1"), metrics.constData());
        // The first conversation's request too, when it went out before its container froze.
        QVERIFY2(metrics.contains("workspace_proxy_requests_total{decision=\"denied\",reason=\"credential_refused\"}"),
                 metrics.constData());
        QCOMPARE(tripwireHealth().value(QLatin1String("tripped")).toInt(), 2);
        // An operator releases it with `hako-host end` from another process,
        // which never saw the container: it must resume it by name (gVisor
        // cannot kill a paused sandbox) and remove it.
        const QString name = QString::fromUtf8(containerOf(c, QStringLiteral("{{.Names}}")));
        const QString since = QString::number(QDateTime::currentSecsSinceEpoch() - 1);
        QProcess end;
        end.start(QStringLiteral(HAKO_HOST_BIN),
                  {QStringLiteral("end"), QStringLiteral("--conversation"), c, QStringLiteral("--set"),
                   QStringLiteral("runtime=") + runtime(), QStringLiteral("--set"),
                   QStringLiteral("paths.workspaces=") + m_session.root() + QStringLiteral("/workspaces"),
                   QStringLiteral("--set"),
                   QStringLiteral("paths.runtime=") + m_session.root() + QStringLiteral("/run")});
        QVERIFY(end.waitForFinished(60000));
        QVERIFY2(end.exitCode() == 0, end.readAllStandardError().constData());
        QVERIFY2(containerOf(c, QStringLiteral("{{.Names}}")).isEmpty(), containerOf(c, QStringLiteral("{{.State}}")));
        const QString until = QString::number(QDateTime::currentSecsSinceEpoch() + 1);
        QCOMPARE(docker({QStringLiteral("events"), QStringLiteral("--since"), since, QStringLiteral("--until"), until,
                         QStringLiteral("--filter"), QStringLiteral("event=unpause"), QStringLiteral("--filter"),
                         QStringLiteral("container=") + name, QStringLiteral("--format"),
                         QStringLiteral("{{.Actor.Attributes.name}}")}),
                 name.toUtf8());
        QVERIFY(!m_session.end(QStringLiteral("quiet")).error);
    }
};

QTEST_MAIN(tst_Tripwires)
#include "tst_tripwires.moc"
