#include "standin.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

QString testFile(const char *name)
{
    return QStringLiteral(HAKO_PROXY_TESTDIR "/") + QLatin1String(name);
}

} // namespace

QJsonObject StandIn::utilityRule()
{
    return {{QStringLiteral("pattern"), QLatin1String(kUtilityHost)},
            {QStringLiteral("region"), QStringLiteral("us-west-2")},
            {QStringLiteral("operations"), QJsonArray{QStringLiteral("*")}}};
}

bool StandIn::makeCertificates(const QString &dir, QString *error)
{
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {testFile("makecerts.sh"), dir});
    const bool ok = sh.waitForFinished(60000) && sh.exitStatus() == QProcess::NormalExit && sh.exitCode() == 0;
    if (!ok)
        *error = QString::fromLocal8Bit(sh.readAllStandardError());
    return ok;
}

StandIn::~StandIn()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

quint16 StandIn::start(const QString &cert, const QString &key, const QString &log, const Credentials &credentials)
{
    QStringList args{testFile("standin.py"),
                     QStringLiteral("--cert"),
                     cert,
                     QStringLiteral("--key"),
                     key,
                     QStringLiteral("--log"),
                     log};
    if (!credentials.accessKey.isEmpty())
        args << QStringLiteral("--access-key") << credentials.accessKey << QStringLiteral("--secret-key")
             << credentials.secretKey;
    if (!credentials.token.isEmpty())
        args << QStringLiteral("--token") << credentials.token;
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(kPython, args);
    while (m_process.canReadLine() || m_process.waitForReadyRead(20000)) {
        if (!m_process.canReadLine())
            continue;
        const QByteArray line = m_process.readLine().trimmed();
        if (line.startsWith("PORT "))
            return quint16(line.mid(5).toUInt());
    }
    return 0;
}

QList<QJsonObject> StandIn::readLog(const QString &log)
{
    QFile f(log);
    QList<QJsonObject> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

qsizetype StandIn::connections(const QString &log)
{
    QFile f(log + QStringLiteral(".connections"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().count('\n') : 0;
}
