#include "hakoplugin.h"

#include "channel/agentproof.h"
#include "engine/dockerengine.h"
#include "hostpaths.h"
#include "lifecycle/socketdir.h"
#include "policy/apparmor.h"
#include "proxy/credentialproxy.h"
#include "policy/conversationid.h"
#include "policy/errors.h"
#include "toolcatalog.h"
#include "transferstream.h"
#ifdef HAKO_TEST_SEAM
#include "weakenedengine.h" // tests/security/negative: the test plugin only
#endif

#include <QCoreApplication>
#include <QEventLoop>
#include <QLocale>
#include <QPointer>
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

ContainerEngine *makeDockerEngine(const Settings &settings, QObject *parent)
{
    return new DockerEngine(dockerConfig(settings), parent);
}

} // namespace

HakoPlugin::HakoPlugin(QObject *parent) : HakoPlugin(makeDockerEngine, parent) {}

HakoPlugin::HakoPlugin(EngineFactory engineFactory, QObject *parent)
    : QObject(parent), m_engineFactory(std::move(engineFactory))
{
    auto *translator = new QTranslator(this);
    if (translator->load(QLocale(), QStringLiteral("hako"), QStringLiteral("_"), QStringLiteral(":/hako/i18n")))
        QCoreApplication::installTranslator(translator);
    m_telemetry->watchReaper(m_reaper);
    configure({});
    // A reaped conversation's sandbox is stale: its next call finds or makes a container afresh.
    connect(m_reaper, &Reaper::conversationsReaped, this, [this](const QStringList &keys) {
        for (const QString &key : keys)
            if (Sandbox *s = m_sandboxes.take(key)) {
                m_context.proxy->close(s->proxySocketPath());
                s->deleteLater();
            }
    });
}

HakoPlugin::~HakoPlugin()
{
    dropSandboxes();
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
    if (!error)
        context.agentSecret = loadOrCreateHostSecret(settings.runtimeDir, &error);
    context.agentBinary = locateAgentBinary();
    if (context.agentBinary.isEmpty())
        error = makeError(ErrorCode::AgentMissing);
    switch (appArmorState()) {
    case AppArmorState::Loaded:
        context.appArmorProfile = QLatin1String(kAppArmorProfile);
        break;
    case AppArmorState::NotLoaded:
        error = makeError(ErrorCode::AppArmorProfileMissing);
        break;
    case AppArmorState::Unavailable:
        break;
    }
    if (error)
        return {error};
    proxy::ProxyConfig proxyConfig;
    proxy::CredentialConfig credentialConfig;
    errors.append(proxy::configFromSettings(settings.raw, &proxyConfig, &credentialConfig));
    if (!errors.isEmpty())
        return errors;
    if (errors = m_telemetry->configure(settings); !errors.isEmpty())
        return errors;
    // Sandboxes keep a pointer to the context: they are rebuilt with it. The
    // old pool's containers are abandoned; the new pool or GC removes them.
    dropSandboxes();
    delete std::exchange(m_pool, nullptr);
    delete m_context.engine;
    delete m_context.proxy;
    delete m_context.workspaces;
    context.engine = m_engineFactory(settings, this);
#ifdef HAKO_TEST_SEAM
    context.engine = test::weakened(context.engine);
#endif
    context.proxy = new proxy::CredentialProxy(proxyConfig, credentialConfig, this);
    m_context = context;
    m_context.workspaces = new WorkspaceStore(&m_context, this);
    m_telemetry->attach();
    m_limits = {settings.toolTimeout, settings.outputLimitBytes, settings.transferLimitBytes};
    m_shuttingDown = false; // configured again after a shutdown: in service again
    if (m_started)
        startPool();
    return {};
}

Sandbox *HakoPlugin::newSandbox(const QString &key)
{
    auto *sandbox = new Sandbox(key, &m_context, this);
    m_telemetry->watchSandbox(sandbox, key);
    return sandbox;
}

Sandbox *HakoPlugin::sandboxFor(const QString &key)
{
    Sandbox *&sandbox = m_sandboxes[key];
    if (!sandbox)
        sandbox = newSandbox(key);
    return sandbox;
}

void HakoPlugin::dropSandboxes()
{
    qDeleteAll(std::exchange(m_sandboxes, {}));
    // Their ends finish with an error from ~Sandbox.
    qDeleteAll(std::exchange(m_ending, {}));
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
    return startCall(conversationId, callId, tool, input);
}

ToolCall *HakoPlugin::writeFile(const QString &conversationId, const QString &callId, const QString &path,
                                QIODevice *source)
{
    // The content comes from the device; the empty string stands for it in the schema check.
    return startCall(conversationId, callId, QLatin1String(tool::kWriteFile),
                     {{QStringLiteral("path"), path}, {QStringLiteral("content"), QString()}},
                     new TransferStream(TransferStream::Direction::Upload, source));
}

ToolCall *HakoPlugin::readFile(const QString &conversationId, const QString &callId, const QString &path,
                               QIODevice *sink)
{
    return startCall(conversationId, callId, QLatin1String(tool::kReadFile), {{QStringLiteral("path"), path}},
                     new TransferStream(TransferStream::Direction::Download, sink));
}

ToolCall *HakoPlugin::startCall(const QString &conversationId, const QString &callId, const QString &tool,
                                const QJsonObject &input, TransferStream *stream)
{
    auto *call = new ToolCall(conversationId, callId, tool);
    if (stream)
        stream->setParent(call); // until a runner takes it
    m_telemetry->watchCall(call);
    if (m_shuttingDown)
        return failLater(call, makeError(ErrorCode::ShuttingDown));
    if (Error error = validateConversationId(conversationId))
        return failLater(call, error);
    if (Error error = ToolCatalog::validate(tool, input))
        return failLater(call, error);
    if (Error error = stream ? stream->check(tool) : Error())
        return failLater(call, error);
    auto *runner = new ToolRunner(call, input, m_limits, stream);
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
    // Out of the map while it ends: a sweep that reaps the same container drops
    // what it finds there, and a call arriving meanwhile gets a sandbox of its own.
    Sandbox *sandbox = m_sandboxes.take(key);
    if (!sandbox)
        sandbox = newSandbox(key);
    m_ending.insert(sandbox);
    QPointer<ToolCall> handle(call);
    sandbox->destroy(deleteWorkspace, [this, handle, sandbox, deleteWorkspace](const Error &error) {
        if (m_ending.remove(sandbox))
            sandbox->deleteLater();
        if (!handle)
            return;
        if (error)
            return handle->finishWithError(error);
        handle->finishWithResult({{QStringLiteral("ended"), true},
                                  {QStringLiteral("workspace_deleted"), deleteWorkspace}});
    });
    return call;
}

void HakoPlugin::start()
{
    m_started = true;
    m_context.workspaces->reportCap();
    m_reaper->start();
    m_telemetry->start();
    startPool();
}

void HakoPlugin::startPool()
{
    // An abandoned pool's containers are the new pool's or GC's to remove.
    delete std::exchange(m_pool, nullptr);
    m_context.pool = nullptr;
    if (m_context.settings.poolSize <= 0 || m_shuttingDown)
        return;
    m_pool = new WarmPool(&m_context, this);
    m_context.pool = m_pool;
    m_pool->start();
}

ToolCall *HakoPlugin::collectGarbage()
{
    auto *call = new ToolCall(QString(), QString(), QStringLiteral("gc"));
    if (m_shuttingDown)
        return failLater(call, makeError(ErrorCode::ShuttingDown));
    // A sweep already running reports to this call too.
    connect(m_reaper, &Reaper::swept, call, [call](const GcReport &report) {
        if (report.error)
            return call->finishWithError(report.error);
        call->finishWithResult(report.toJson());
    }, Qt::SingleShotConnection);
    m_reaper->sweep();
    return call;
}

QJsonObject HakoPlugin::health() const
{
    QJsonObject health = m_telemetry->health();
    health.insert(QStringLiteral("workspaces"), m_context.workspaces->health());
    health.insert(QStringLiteral("pool"), m_pool ? m_pool->health()
                                                 : QJsonObject{{QStringLiteral("size"), m_context.settings.poolSize},
                                                               {QStringLiteral("ready"), 0},
                                                               {QStringLiteral("starting"), 0}});
    return health;
}

void HakoPlugin::shutdown()
{
    m_shuttingDown = true;
    m_started = false;
    m_reaper->stop(); // no sweep starts while the containers go
    m_telemetry->stop();
    if (m_pool)
        m_pool->stop(); // nor a refill
    QEventLoop loop;
    QTimer::singleShot(kShutdownBoundMs, &loop, &QEventLoop::quit);
    const QMap<QString, QString> owned = {{QLatin1String(label::kManaged), QStringLiteral("true")},
                                          {QLatin1String(label::kInstance), m_context.instanceId}};
    m_context.engine->list(owned, &loop, [this, &loop](const Error &, const QList<ContainerInfo> &found) {
        QStringList names;
        for (const ContainerInfo &c : found)
            names << c.name;
        // One `docker rm -f` for all of them: the daemon removes them in parallel.
        m_context.engine->remove(names, &loop, [this, &loop](const Error &, const QStringList &removed) {
            m_telemetry->containersRemoved(QStringLiteral("shutdown"), int(removed.size()));
            loop.quit();
        });
    });
    loop.exec();
    dropSandboxes();
    if (m_pool)
        m_pool->discardSlots();
    m_context.workspaces->releaseAll();
    socketdir::removeAll(m_context.settings.runtimeDir);
}

} // namespace hako
