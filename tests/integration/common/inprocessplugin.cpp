#include "inprocessplugin.h"

#include "pluginhost.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace {

hako::host::PluginHost &pluginHost()
{
    static hako::host::PluginHost host;
    return host;
}

} // namespace

InProcessPlugin::InProcessPlugin(const HakoHostDriver &host, const QJsonObject &settings)
{
    hako::host::PluginHost &loader = pluginHost();
    if (!loader.executor() && !loader.load(QStringLiteral(HAKO_PLUGIN_PATH), &m_problem))
        return;
    m_executor = loader.executor();
    QJsonObject all = settings;
    all.insert(QStringLiteral("paths.workspaces"), host.workspacesDir());
    all.insert(QStringLiteral("paths.runtime"), host.runtimeDir());
    for (const hako::Error &e : m_executor->configure(all))
        m_problem += e.logMessage + QLatin1Char('\n');
}

hako::ToolCall *InProcessPlugin::start(const QString &conversation, const QString &command) const
{
    return m_executor->call(conversation, QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("bash"),
                            {{QStringLiteral("command"), command}});
}

InProcessOutcome InProcessPlugin::wait(hako::ToolCall *call, int timeoutMs)
{
    std::unique_ptr<hako::ToolCall> owned(call);
    InProcessOutcome outcome;
    QElapsedTimer clock;
    clock.start();
    if (!call->isFinished()) {
        QEventLoop loop;
        QObject::connect(call, &hako::ToolCall::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    outcome.ms = clock.elapsed();
    outcome.finished = call->isFinished();
    outcome.result = call->result();
    outcome.error = call->error();
    return outcome;
}

InProcessOutcome InProcessPlugin::bash(const QString &conversation, const QString &command, int timeoutMs) const
{
    return wait(start(conversation, command), timeoutMs);
}
