#include "hakoplugin.h"

#include "engine/dockerengine.h"
#include "instance.h"
#include "language.h"
#include "logging.h"
#include "lifecycle/activitystore.h"
#include "lifecycle/reaper.h"
#include "lifecycle/sandbox.h"
#include "lifecycle/workspacestore.h"
#include "policy/conversationid.h"
#include "policy/errors.h"
#include "telemetry/telemetry.h"
#include "toolcatalog.h"
#include "toolrunner.h"
#include "transferstream.h"
#include "tripwire/tripwires.h"

#include <toolcall_p.h>
#ifdef HAKO_TEST_SEAM
#include "weakenedengine.h" // tests/security/negative: the test plugin only
#endif

#include <QJsonArray>
#include <QPointer>

namespace hako {
namespace {

ContainerEngine *makeDockerEngine(const Settings &s, QObject *parent)
{
    DockerConfig config;
    config.binary = s.dockerBinary;
    config.host = s.dockerHost;
    config.parallelStarts = s.parallelStarts;
    config.dialect = DockerEngine::dialectOf(s.dockerBinary);
    ContainerEngine *engine = new DockerEngine(config, parent);
#ifdef HAKO_TEST_SEAM
    engine = test::weakened(engine);
#endif
    return engine;
}

} // namespace

HakoPlugin::HakoPlugin(QObject *parent) : HakoPlugin(makeDockerEngine, parent) {}

HakoPlugin::HakoPlugin(EngineFactory engineFactory, QObject *parent)
    : QObject(parent), m_engineFactory(std::move(engineFactory)), m_activity(new ActivityStore(this)),
      m_telemetry(new telemetry::Telemetry(this))
{
    new Language(this);
}

HakoPlugin::~HakoPlugin() = default;

QJsonArray HakoPlugin::toolDefinitions() const
{
    return ToolCatalog::definitions();
}

QJsonObject HakoPlugin::settingsSchema() const
{
    return Settings::schema();
}

QList<Error> HakoPlugin::configure(const QJsonObject &values)
{
    QList<Error> errors;
    const Settings settings = Settings::fromJson(values, &errors);
    if (!errors.isEmpty())
        return errors;
    InstanceConfig config;
    if (errors = loadInstanceConfig(settings, &config); !errors.isEmpty())
        return errors;
    if (errors = m_telemetry->configure(settings); !errors.isEmpty())
        return errors;
    use(std::make_unique<Instance>(std::move(config), m_engineFactory(settings, this), *m_activity));
    m_shuttingDown = false; // configured again after a shutdown: in service again
    return {};
}

// The old instance goes after the new one is wired: telemetry never follows a
// part that is gone, and the old pool's containers are the new pool's or GC's to remove.
void HakoPlugin::use(std::unique_ptr<Instance> instance)
{
    const InstanceConfig &config = instance->config();
    m_telemetry->attach(config, instance->engine(), instance->proxy());
    m_telemetry->watchReaper(&instance->reaper());
    m_telemetry->watchCheck(&instance->check());
    connect(instance.get(), &Instance::sandboxCreated, m_telemetry, &telemetry::Telemetry::watchSandbox);
    connect(&instance->tripwires(), &Tripwires::tripped, m_telemetry, &telemetry::Telemetry::tripwire);
    // Before the old instance goes: calls waiting for its check then wait for this one's.
    if (m_started)
        instance->check().start();
    m_instance = std::move(instance);
    if (m_started) {
        m_instance->reaper().resume();
        m_instance->startPool();
    }
}

void HakoPlugin::whenChecked(ToolCall *call, const std::function<void()> &go)
{
    StartCheck &check = m_instance->check();
    if (check.pending()) {
        // The first run is bounded (verify/startcheck.h); a configuration made
        // meanwhile drops this check, and the call waits for the next one.
        auto *waiter = new QObject(call);
        const auto again = [this, call, waiter, go] {
            delete waiter;
            if (!call->isFinished() && m_instance)
                whenChecked(call, go);
        };
        connect(&check, &StartCheck::finished, waiter, again);
        connect(&check, &QObject::destroyed, waiter, again);
        return;
    }
    if (const Error error = check.refusal()) {
        fail(call, error);
        return;
    }
    go();
}

// Loading touches nothing: the defaults are configured when first needed.
Error HakoPlugin::ensureInstance()
{
    if (m_instance)
        return {};
    const QList<Error> errors = configure({});
    return errors.value(0);
}

ToolCall *HakoPlugin::newCall(const QString &conversationId, const QString &callId, const QString &tool)
{
    ToolCall *call = ToolCallPrivate::create(conversationId, callId, tool);
    // Work that cannot be interrupted (an end, a sweep) goes on; the call ends now.
    ToolCallPrivate::get(call)->setCanceller([call](ToolCallPrivate::Cancel) {
        ToolCallPrivate::get(call)->finishWithError(makeError(ErrorCode::Cancelled));
    });
    return call;
}

// The handle queues the signal: the host connects after the starting call returns.
ToolCall *HakoPlugin::fail(ToolCall *call, const Error &error)
{
    ToolCallPrivate::get(call)->finishWithError(error);
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
    ToolCall *call = newCall(conversationId, callId, tool);
    if (stream)
        stream->setParent(call); // until a runner takes it
    m_telemetry->watchCall(call);
    if (m_shuttingDown)
        return fail(call, makeError(ErrorCode::ShuttingDown));
    if (Error error = validateConversationId(conversationId))
        return fail(call, error);
    if (Error error = ToolCatalog::validate(tool, input))
        return fail(call, error);
    if (Error error = stream ? stream->check(tool) : Error())
        return fail(call, error);
    if (Error error = ensureInstance())
        return fail(call, error);
    const QString key = conversationKey(conversationId);
    if (m_instance->tripwires().isFrozen(key))
        return fail(call, makeError(ErrorCode::Tripwire));
    whenChecked(call, [this, call, input, stream, key] {
        const Settings &settings = m_instance->config().settings;
        auto *runner = new ToolRunner(
                call, input,
                {settings.toolTimeout, settings.outputLimitBytes, settings.transferLimitBytes, settings.queueTimeout},
                stream);
        // In flight from here to finished(); waits while GC removes this conversation's container.
        m_activity->admit(call, settings.runtimeDir, key,
                          [this, runner, key] { runner->start(m_instance->sandboxFor(key)); });
    });
    return call;
}

ToolCall *HakoPlugin::endConversation(const QString &conversationId, bool deleteWorkspace)
{
    ToolCall *call = newCall(conversationId, QString(), QStringLiteral("end"));
    if (m_shuttingDown)
        return fail(call, makeError(ErrorCode::ShuttingDown));
    if (Error error = validateConversationId(conversationId))
        return fail(call, error);
    if (Error error = ensureInstance())
        return fail(call, error);
    QPointer<ToolCall> handle(call);
    m_instance->endConversation(conversationKey(conversationId), deleteWorkspace,
                                [handle, deleteWorkspace](const Error &error) {
        if (!handle)
            return;
        ToolCallPrivate *producer = ToolCallPrivate::get(handle);
        if (error)
            return producer->finishWithError(error);
        producer->finishWithResult(
                {{QStringLiteral("ended"), true}, {QStringLiteral("workspace_deleted"), deleteWorkspace}});
    });
    return call;
}

void HakoPlugin::start()
{
    if (const Error error = ensureInstance()) {
        qCWarning(lcPlugin).noquote() << "not started, the default settings cannot be applied:" << error.logMessage;
        return;
    }
    m_started = true;
    m_instance->check().start();
    m_instance->workspaces().reportCap();
    m_instance->reaper().start();
    m_telemetry->start();
    if (!m_shuttingDown)
        m_instance->startPool();
}

ToolCall *HakoPlugin::collectGarbage()
{
    ToolCall *call = newCall(QString(), QString(), QStringLiteral("gc"));
    if (m_shuttingDown)
        return fail(call, makeError(ErrorCode::ShuttingDown));
    if (Error error = ensureInstance())
        return fail(call, error);
    // A sweep already running reports to this call too.
    connect(
            &m_instance->reaper(), &Reaper::swept, call,
            [call](const GcReport &report) {
        if (report.error)
            return ToolCallPrivate::get(call)->finishWithError(report.error);
        ToolCallPrivate::get(call)->finishWithResult(report.toJson());
            },
            Qt::SingleShotConnection);
    m_instance->reaper().sweep();
    return call;
}

QJsonObject HakoPlugin::health() const
{
    if (!m_instance)
        return {{QStringLiteral("status"), QStringLiteral("down")},
                {QStringLiteral("problems"), QJsonArray{QStringLiteral("not_configured")}}};
    QJsonObject health = m_telemetry->health();
    const QJsonObject parts = m_instance->health();
    for (auto it = parts.begin(); it != parts.end(); ++it)
        health.insert(it.key(), it.value());
    return health;
}

void HakoPlugin::shutdown()
{
    m_shuttingDown = true;
    m_started = false;
    m_telemetry->stop();
    if (m_instance)
        m_instance->shutdown(
                [this](int removed) { m_telemetry->containersRemoved(QStringLiteral("shutdown"), removed); });
}

} // namespace hako
