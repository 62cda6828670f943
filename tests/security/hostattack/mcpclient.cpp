#include "mcpclient.h"

#include "hakohostdriver.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

McpClient::McpClient(const HakoHostDriver &host)
    : m_process(host.spawn({QStringLiteral("serve"), QStringLiteral("--mcp")}))
{}

McpClient::~McpClient()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel(); // the server ends its session and exits
        if (!m_process->waitForFinished(60000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

qint64 McpClient::pid() const
{
    return m_process->processId();
}

bool McpClient::running() const
{
    return m_process->state() == QProcess::Running;
}

void McpClient::send(const QJsonObject &message)
{
    QJsonObject m = message;
    m.insert(QStringLiteral("jsonrpc"), QStringLiteral("2.0"));
    m_process->write(QJsonDocument(m).toJson(QJsonDocument::Compact) + '\n');
    m_process->waitForBytesWritten(5000);
}

QJsonObject McpClient::request(const QString &method, const QJsonObject &params, int timeoutMs, QString *error)
{
    const int id = m_nextId++;
    send({{QStringLiteral("id"), id}, {QStringLiteral("method"), method}, {QStringLiteral("params"), params}});
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (m_process->canReadLine()) {
            const QJsonObject message = QJsonDocument::fromJson(m_process->readLine()).object();
            if (message.value(QLatin1String("id")).toInt(-1) == id)
                return message; // notifications (progress, logs) are skipped
        }
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("hako-host serve --mcp exited (code %1): %2")
                             .arg(m_process->exitCode())
                             .arg(QString::fromUtf8(m_log + m_process->readAllStandardError()));
            return {};
        }
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)));
        // The host's log: only its end is kept, for a failure message.
        m_log = (m_log + m_process->readAllStandardError()).right(4096);
    }
    *error = QStringLiteral("no answer to %1 within %2 ms").arg(method).arg(timeoutMs);
    return {};
}

bool McpClient::initialize(QString *error)
{
    if (!m_process->waitForStarted(10000)) {
        *error = m_process->errorString();
        return false;
    }
    const QJsonObject answer = request(
            QStringLiteral("initialize"),
            {{QStringLiteral("protocolVersion"), QStringLiteral("2025-06-18")},
             {QStringLiteral("capabilities"), QJsonObject()},
             {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("tst_hostattack")},
                                                        {QStringLiteral("version"), QStringLiteral("1")}}}},
            30000, error);
    if (!answer.contains(QLatin1String("result"))) {
        if (error->isEmpty())
            *error = QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
        return false;
    }
    send({{QStringLiteral("method"), QStringLiteral("notifications/initialized")}});
    return true;
}

McpClient::Answer McpClient::bash(const QString &conversation, const QString &command, int timeoutMs)
{
    Answer a;
    QString error;
    const QJsonObject answer =
            request(QStringLiteral("tools/call"),
                    {{QStringLiteral("name"), QStringLiteral("bash")},
                     {QStringLiteral("arguments"), QJsonObject{{QStringLiteral("command"), command},
                                                               {QStringLiteral("conversation"), conversation}}}},
                    timeoutMs, &error);
    if (!answer.contains(QLatin1String("result"))) {
        a.text = error.isEmpty() ? QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)) : error;
        return a;
    }
    const QJsonObject result = answer.value(QLatin1String("result")).toObject();
    a.ok = true;
    a.isError = result.value(QLatin1String("isError")).toBool();
    for (const QJsonValue &part : result.value(QLatin1String("content")).toArray())
        a.text += part.toObject().value(QLatin1String("text")).toString();
    return a;
}
