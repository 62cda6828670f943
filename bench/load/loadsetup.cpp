#include "loadsetup.h"

#include <QDir>
#include <QJsonArray>

namespace hako::bench {
namespace {

// Made-up credentials: the stand-in checks the proxy's signatures with them.
const StandIn::Credentials kCredentials = {QStringLiteral("AKIALOADBENCHEXAMPLE"),
                                           QStringLiteral("loadbenchsecretkeyloadbenchsecretkey0000"), QString()};

} // namespace

LoadSetup::LoadSetup() : m_root(QDir::tempPath() + QStringLiteral("/hako-load-XXXXXX")) {}

QString LoadSetup::open(bool proxy)
{
    if (!m_root.isValid())
        return m_root.errorString();
    if (!proxy)
        return {};
    QString error;
    const QString pki = m_root.filePath(QStringLiteral("pki"));
    if (!QDir().mkpath(pki) || !StandIn::makeCertificates(pki, &error))
        return QStringLiteral("certificates: ") + error;
    m_port = m_standIn.start(pki + QStringLiteral("/server.pem"), pki + QStringLiteral("/server.key"),
                             m_root.filePath(QStringLiteral("standin.jsonl")), kCredentials);
    return m_port ? QString() : QStringLiteral("the Bedrock stand-in did not start (python3-botocore?)");
}

QJsonObject LoadSetup::settings() const
{
    QJsonObject s = {{QStringLiteral("paths.runtime"), runtimeDir()},
                     {QStringLiteral("paths.workspaces"), workspacesDir()}};
    if (!m_port)
        return s;
    s.insert(QStringLiteral("proxy.connectTo"), QJsonArray{QStringLiteral("::127.0.0.1:%1").arg(m_port)});
    s.insert(QStringLiteral("proxy.caFile"), m_root.filePath(QStringLiteral("pki/ca.pem")));
    s.insert(QStringLiteral("credentials.source"), QStringLiteral("settings"));
    s.insert(QStringLiteral("credentials.accessKeyId"), kCredentials.accessKey);
    s.insert(QStringLiteral("credentials.secretAccessKey"), kCredentials.secretKey);
    return s;
}

int LoadSetup::standInRequests(int *verified) const
{
    const QList<QJsonObject> log = StandIn::readLog(m_root.filePath(QStringLiteral("standin.jsonl")));
    *verified = 0;
    for (const QJsonObject &entry : log)
        *verified += entry.value(QLatin1String("verified")).toBool() ? 1 : 0;
    return int(log.size());
}

} // namespace hako::bench
