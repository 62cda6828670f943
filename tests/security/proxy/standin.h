// Test fixture: throwaway PKI and the Python HTTPS stand-in (standin.py),
// both on loopback, with the stand-in's request log.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

class StandIn
{
public:
    struct Credentials
    {
        QString accessKey, secretKey, token;
    };

    // The stand-in's own routes (/random, /bytes, /redirect, /gate) are no
    // Bedrock operations: tests reach them on this host, whose allow rule
    // (utilityRule(), listed before the default pattern) lets any operation pass.
    static constexpr char kUtilityHost[] = "bedrock-runtime.us-west-2.amazonaws.com";
    static QJsonObject utilityRule();

    // Creates ca.pem, server.{pem,key}, untrusted.{pem,key} in dir.
    static bool makeCertificates(const QString &dir, QString *error);

    ~StandIn();
    // Starts on 127.0.0.1 with the given certificate; returns the port or 0.
    quint16 start(const QString &cert, const QString &key, const QString &log, const Credentials &credentials);
    static QList<QJsonObject> readLog(const QString &log);
    // Connections the stand-ins writing to log have accepted so far.
    static qsizetype connections(const QString &log);

private:
    QProcess m_process;
};
