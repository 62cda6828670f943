#include "hakoplugin.h"

#include "engine/dockerengine.h"
#include "hostpaths.h"
#include "proxy/credentialproxy.h"
#include "policy/conversationid.h"
#include "policy/errors.h"
#include "toolcatalog.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace hako {
namespace {

constexpr int kShutdownBoundMs = 30000;

DockerConfig dockerConfig(const Settings &s)
{
    DockerConfig config;
    config.binary = s.dockerBinary;
    config.host = s.dockerHost;
    config.dialect = DockerEngine::dialectOf(s.dockerBinary);
    return config;
}

} // namespace

HakoPlugin::HakoPlugin(QObject *parent) : QObject(parent)
{
    auto *translator = new QTranslator(this);
    if (translator->load(QLocale(), QStringLiteral("hako"), QStringLiteral("_"), QStringLiteral(":/hako/i18n")))
        QCoreApplication::installTranslator(translator);
    configure({});
    // A reaped conversation's sandbox is stale: its next call finds or makes a container afresh.
    connect(m_reaper, &Reaper::conversationsReaped, this, [this](const QStringList &keys) {
        for (const QString &key : keys)
            if (Sandbox *s = m_sandboxes.take(key)) {
                m_context.proxy->close(s->socketDir() + QStringLiteral("/proxy.sock"));
                s->deleteLater();
            }
    });
}

HakoPlugin::~HakoPlugin()
{
    qDeleteAll(m_sandboxes);
    delete m_context.engine;
}

QJsonArray HakoPlugin::toolDefinitions() const { return ToolCatalog::definitions(); }

QJsonObject HakoPlugin::settingsSchema() const { return Settings::schema(); }

QList<Error> HakoPlugin::configure(const QJsonObject &values)
{
    QList<Error> errors;
    const Settings settings = Settings::fromJson(values, &errors);
    if (!errors.isEmpty())
        return errors;
    Error error;
    SandboxContext context;
    context.settings = settings;
    context.instanceId = loadOrCreateInstanceId(settings.runtimeDir, &error);
    context.seccomp = materialiseSeccompProfile(settings.seccompProfile, settings.runtimeDir, &error);
    context.agentBinary = locateAgentBinary();
    if (context.agentBinary.isEmpty())
        error = makeError(ErrorCode::AgentMissing);
    if (error)
        return {error};
    proxy::ProxyConfig proxyConfig;
    proxy::CredentialConfig credentialConfig;
    for (const QString &problem : proxy::configFromSettings(settings.raw, &proxyConfig, &credentialConfig))
        errors.append({QStringLiteral("setting_value"), problem, problem});
    if (!errors.isEmpty())
        return errors;
    // Sandboxes keep a pointer to the context: they are rebuilt with it.
    qDeleteAll(m_sandboxes);
    m_sandboxes.clear();
    delete m_context.engine;
    delete m_context.proxy;
    m_engine = {};
    m_engineProbed = false;
    context.engine = new DockerEngine(dockerConfig(settings), this);
    context.proxy = new proxy::CredentialProxy(proxyConfig, credentialConfig, this);
    m_context = context;
    m_limits = {settings.toolTimeout, settings.outputLimitBytes, settings.transferLimitBytes};
    return {};
}

Sandbox *HakoPlugin::sandboxFor(const QString &key)
{
    Sandbox *&sandbox = m_sandboxes[key];
    if (!sandbox)
        sandbox = new Sandbox(key, &m_context, this);
    return sandbox;
}

ToolCall *HakoPlugin::failLater(ToolCall *call, const Error &error)
{
    // The host connects to finished() after call() returns.
    QTimer::singleShot(0, call, [call, error] { call->finishWithError(error); });
    return call;
}

ToolCall *HakoPlugin::call(const QString &conversationId, const QString &callId, const QString &tool,
                           const QJsonObject &input)
{
    auto *call = new ToolCall(conversationId, callId, tool);
    if (m_shuttingDown)
        return failLater(call, makeError(ErrorCode::ShuttingDown));
    if (Error error = validateConversationId(conversationId))
        return failLater(call, error);
    if (Error error = ToolCatalog::validate(tool, input))
        return failLater(call, error);
    auto *runner = new ToolRunner(call, input, m_limits);
    const QString key = conversationKey(conversationId);
    // In flight from here to finished(); waits while GC removes this conversation's container.
    m_activity->admit(call, key, [this, runner, key] { runner->start(sandboxFor(key)); });
    return call;
}

ToolCall *HakoPlugin::endConversation(const QString &conversationId, bool deleteWorkspace)
{
    auto *call = new ToolCall(conversationId, QString(), QStringLiteral("end"));
    if (Error error = validateConversationId(conversationId))
        return failLater(call, error);
    const QString key = conversationKey(conversationId);
    Sandbox *sandbox = sandboxFor(key);
    sandbox->destroy(deleteWorkspace, [this, call, key, deleteWorkspace](const Error &error) {
        if (Sandbox *s = m_sandboxes.take(key))
            s->deleteLater();
        if (error)
            return call->finishWithError(error);
        call->finishWithResult({{QStringLiteral("ended"), true},
                                {QStringLiteral("workspace_deleted"), deleteWorkspace}});
    });
    return call;
}

void HakoPlugin::start()
{
    probeEngine();
    m_reaper->start();
}

void HakoPlugin::probeEngine() const
{
    if (m_engineProbed)
        return;
    m_engineProbed = true;
    m_context.engine->describe(const_cast<HakoPlugin *>(this), [this](const Error &error, const EngineInfo &info) {
        m_engine = info;
        if (error || !info.known)
            m_engineProbed = false; // ask again next time
    });
}

QJsonObject HakoPlugin::health() const
{
    probeEngine();
    return {{QStringLiteral("engine"), m_engine.toJson()},
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("instance"), m_context.instanceId},
            {QStringLiteral("runtime"), m_context.settings.runtime},
            {QStringLiteral("agent"), m_context.agentBinary},
            {QStringLiteral("seccomp_profile"), m_context.seccomp.dockerProfile},
            {QStringLiteral("conversations"), int(m_sandboxes.size())},
            {QStringLiteral("last_gc"), m_reaper->lastRun()}};
}

void HakoPlugin::shutdown()
{
    m_shuttingDown = true;
    m_reaper->stop(); // no sweep starts while the containers go
    QEventLoop loop;
    QTimer::singleShot(kShutdownBoundMs, &loop, &QEventLoop::quit);
    const QMap<QString, QString> owned = {{QLatin1String(label::kManaged), QStringLiteral("true")},
                                          {QLatin1String(label::kInstance), m_context.instanceId}};
    m_context.engine->list(owned, &loop, [this, &loop](const Error &, const QList<ContainerInfo> &found) {
        QStringList names;
        for (const ContainerInfo &c : found)
            names << c.name;
        // One `docker rm -f` for all of them: the daemon removes them in parallel.
        m_context.engine->remove(names, &loop, [&loop](const Error &) { loop.quit(); });
    });
    loop.exec();
    qDeleteAll(m_sandboxes);
    m_sandboxes.clear();
}

} // namespace hako
