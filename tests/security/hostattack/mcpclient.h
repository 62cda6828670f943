// `hako-host serve --mcp` as one long-lived host process that serves several
// conversations (and so their proxy sockets) at once: the proxy attack needs
// the attacked and the bystander sandbox in the same host process.
#pragma once

#include <QJsonObject>
#include <QString>

#include <memory>

class HakoHostDriver;
class QProcess;

class McpClient
{
public:
    explicit McpClient(const HakoHostDriver &host);
    ~McpClient();

    bool initialize(QString *error);
    qint64 pid() const;
    bool running() const;

    struct Answer
    {
        bool ok = false;      // a result came back in time
        bool isError = false; // the tool call failed
        QString text;         // the result's text content, or what went wrong
    };
    // The bash tool in `conversation`.
    Answer bash(const QString &conversation, const QString &command, int timeoutMs);

private:
    QJsonObject request(const QString &method, const QJsonObject &params, int timeoutMs, QString *error);
    void send(const QJsonObject &message);

    std::unique_ptr<QProcess> m_process;
    int m_nextId = 1;
    QByteArray m_log;
};
