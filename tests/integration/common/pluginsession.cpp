#include "pluginsession.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>
#include <QUuid>

#include <memory>

PluginSession::PluginSession()
{
    m_loader.setFileName(QStringLiteral(HAKO_PLUGIN_FILE));
}

PluginSession::~PluginSession()
{
    if (m_executor)
        m_executor->shutdown();
}

QString PluginSession::open(const QJsonObject &settings)
{
    m_executor = qobject_cast<hako::ToolExecutor *>(m_loader.instance());
    if (!m_executor)
        return m_loader.errorString();
    QJsonObject all = {{QStringLiteral("paths.workspaces"), m_root.filePath(QStringLiteral("workspaces"))},
                       {QStringLiteral("paths.runtime"), m_root.filePath(QStringLiteral("run"))}};
    for (auto it = settings.begin(); it != settings.end(); ++it)
        all.insert(it.key(), it.value());
    QStringList problems;
    for (const hako::Error &e : m_executor->configure(all))
        problems << e.logMessage;
    return problems.join(QLatin1Char('\n'));
}

CallReply PluginSession::call(const QString &conversation, const QString &tool, const QJsonObject &input, int timeoutMs)
{
    return finish(m_executor->call(conversation, QUuid::createUuid().toString(QUuid::WithoutBraces), tool, input),
                  timeoutMs);
}

CallReply PluginSession::finish(hako::ToolCall *toolCall, int timeoutMs)
{
    std::unique_ptr<hako::ToolCall> call(toolCall);
    waitFor([&] { return call->isFinished(); }, timeoutMs);
    return {call->result(), call->error()};
}

CallReply PluginSession::bash(const QString &conversation, const QString &command)
{
    return call(conversation, QStringLiteral("bash"), {{QStringLiteral("command"), command}});
}

CallReply PluginSession::end(const QString &conversation, bool deleteWorkspace)
{
    return finish(m_executor->endConversation(conversation, deleteWorkspace), 60000);
}

QByteArray PluginSession::get(const QString &address, const QString &path, int *status)
{
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(
            manager.get(QNetworkRequest(QUrl(QStringLiteral("http://") + address + path))));
    waitFor([&] { return reply->isFinished(); }, 30000);
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->readAll();
}

bool PluginSession::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
