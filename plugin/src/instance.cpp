#include "instance.h"

#include "engine/containerengine.h"
#include "lifecycle/reaper.h"
#include "lifecycle/sandbox.h"
#include "lifecycle/socketdir.h"
#include "lifecycle/warmpool.h"
#include "lifecycle/workspacestore.h"
#include "policy/conversationid.h"
#include "policy/errors.h"
#include "proxy/credentialproxy.h"
#include "tripwire/tripwires.h"
#include "toolcatalog.h"
#include "toolrunner.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace hako {
namespace {

constexpr int kShutdownBoundMs = 30000;

} // namespace

Instance::Instance(InstanceConfig config, ContainerEngine *engine, const ActivityStore &activity, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_engine(engine), m_facts(engine, m_config.containerUid),
      m_launcher(m_config, *engine, m_facts), m_removals(*engine),
      m_tripwires(std::make_unique<Tripwires>(m_config, *engine)),
      m_proxy(std::make_unique<proxy::CredentialProxy>(m_config.proxy, m_config.credentials,
                                                       [this](const QString &socket) { return decoyKeyIdOf(socket); })),
      m_workspaces(std::make_unique<WorkspaceStore>(m_config.settings.workspacesDir,
                                                    m_config.settings.workspaceSizeBytes, m_facts, engine)),
      m_reaper(std::make_unique<Reaper>(m_config, *engine, activity, *m_workspaces)),
      m_check(std::make_unique<StartCheck>(
              StartCheck::Inputs{m_config.seccomp, m_config.appArmorProfile, m_config.settings.runtime,
                                 m_config.settings.raw.value(QLatin1String("verify.interval")).toInt(),
                                 m_config.settings.raw.value(QLatin1String("verify.failOpen")).toBool()},
              [this](const QString &command, QObject *context, StartCheck::ProbeDone done) {
    probeInSandbox(command, context, std::move(done));
              }))
{
    m_engine->setParent(this);
    if (m_config.settings.poolSize > 0 || m_config.settings.poolMin > 0 || m_config.settings.poolMax > 0)
        m_pool = std::make_unique<WarmPool>(m_config, *engine, m_facts, *m_workspaces, m_launcher);
    // A reaped conversation's sandbox is stale: its next call finds or makes a container afresh.
    connect(m_reaper.get(), &Reaper::conversationsReaped, this, &Instance::dropReaped);
    connect(m_proxy.get(), &proxy::CredentialProxy::decoyUsed, this, [this](const QString &socket) {
        if (const Sandbox *sandbox = sandboxOfSocket(socket))
            m_tripwires->trip(sandbox->key(), sandbox->container(), QStringLiteral("proxy"));
    });
    // A frozen container answers no call: those in flight end with the reason
    // once the evidence is in, so that a host that exits after its call (hako-host exec) leaves it complete.
    connect(m_tripwires.get(), &Tripwires::evidenceWritten, this, [this](const QString &key) {
        if (Sandbox *sandbox = m_sandboxes.value(key); sandbox && m_config.tripwireAction != Tripwires::Action::Log)
            sandbox->failCalls(makeError(ErrorCode::Tripwire));
    });
    connect(m_tripwires.get(), &Tripwires::endRequested, this,
            [this](const QString &key) { endConversation(key, false, [](const Error &) {}); });
}

// The sandboxes first (those deleted later too): their ends fail, and nothing
// of theirs outlives the parts they use.
Instance::~Instance()
{
    m_check.reset();
    dropSandboxes();
    qDeleteAll(findChildren<Sandbox *>(QString(), Qt::FindDirectChildrenOnly));
    m_reaper.reset();
    m_pool.reset();
    m_workspaces.reset();
}

Sandbox *Instance::newSandbox(const QString &key)
{
    auto *sandbox = new Sandbox(key, m_config, *m_engine, m_facts, m_launcher, *m_workspaces, *m_proxy, m_pool.get(),
                                m_removals, this);
    connect(sandbox, &Sandbox::canaryRead, this,
            [this, sandbox, key] { m_tripwires->trip(key, sandbox->container(), QStringLiteral("canary")); });
    Q_EMIT sandboxCreated(sandbox, key);
    return sandbox;
}

Sandbox *Instance::sandboxOfSocket(const QString &proxySocket) const
{
    for (Sandbox *sandbox : m_sandboxes)
        if (sandbox->paths().proxySocket == proxySocket)
            return sandbox;
    return nullptr;
}

QByteArray Instance::decoyKeyIdOf(const QString &proxySocket) const
{
    const Sandbox *sandbox = sandboxOfSocket(proxySocket);
    return sandbox ? sandbox->decoyKeyId() : QByteArray();
}

Sandbox *Instance::sandboxFor(const QString &key)
{
    Sandbox *&sandbox = m_sandboxes[key];
    if (!sandbox)
        sandbox = newSandbox(key);
    return sandbox;
}

void Instance::dropSandboxes()
{
    qDeleteAll(std::exchange(m_sandboxes, {}));
    // Their ends finish with an error from ~Sandbox.
    qDeleteAll(std::exchange(m_ending, {}));
}

void Instance::dropReaped(const QStringList &keys)
{
    for (const QString &key : keys)
        if (Sandbox *s = m_sandboxes.take(key)) {
            m_proxy->close(s->paths().proxySocket);
            s->deleteLater();
        }
}

void Instance::endConversation(const QString &key, bool deleteWorkspace, std::function<void(const Error &)> done)
{
    // Out of the map while it ends: a sweep that reaps the same container drops
    // what it finds there, and a call arriving meanwhile gets a sandbox of its own.
    Sandbox *sandbox = m_sandboxes.take(key);
    if (!sandbox)
        sandbox = newSandbox(key);
    m_ending.insert(sandbox);
    auto destroy = [this, sandbox, key, deleteWorkspace, done] {
        sandbox->destroy(deleteWorkspace, [this, sandbox, key, done](const Error &error) {
            if (m_ending.remove(sandbox))
                sandbox->deleteLater();
            // The frozen container is gone: the conversation may go on in a new one.
            if (!error || error.code == QLatin1String("conversation_not_found"))
                m_tripwires->release(key);
            done(error);
        });
    };
    // gVisor cannot kill a paused sandbox (docker gives up after its kill
    // timeout): a frozen one is resumed to be removed, by name when this
    // process never used it (an operator's `hako-host end`).
    if (!m_tripwires->isFrozen(key))
        return destroy();
    const QString container =
            sandbox->container().isEmpty() ? containerName(m_config.instanceId, key) : sandbox->container();
    m_engine->setPaused(container, false, this, [destroy](const Error &) { destroy(); });
}

void Instance::probeInSandbox(const QString &command, QObject *context, StartCheck::ProbeDone done)
{
    const QString conversation = QStringLiteral("hako-check-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString key = conversationKey(conversation);
    ToolCall *call = ToolCallPrivate::create(conversation, QString(), QLatin1String(tool::kBash));
    call->setAutoDelete(true);
    const Settings &s = m_config.settings;
    auto *runner = new ToolRunner(call, {{QStringLiteral("command"), command}},
                                  {s.toolTimeout, s.outputLimitBytes, s.transferLimitBytes, s.queueTimeout});
    // A container of its own, not a warm one, and not announced: the system
    // calls the check provokes on purpose are no security events.
    auto *sandbox = new Sandbox(key, m_config, *m_engine, m_facts, m_launcher, *m_workspaces, *m_proxy, nullptr,
                                m_removals, this);
    QPointer<QObject> waiting(context);
    // The sandbox goes whether or not the check still waits; the check hears
    // once it is gone, so that no container of the check outlives its run.
    connect(call, &ToolCall::finished, this, [this, call, sandbox, waiting, done] {
        m_ending.insert(sandbox);
        sandbox->destroy(true,
                         [this, sandbox, waiting, done, error = call->error(), result = call->result()](const Error &) {
            if (m_ending.remove(sandbox))
                sandbox->deleteLater();
            if (waiting)
                done(error, result);
        });
    });
    runner->start(sandbox);
}

void Instance::startPool()
{
    if (!m_pool || m_poolWaits)
        return;
    // Warm containers are handed to conversations later: they are made only
    // on a host whose check lets calls run.
    if (m_check->pending() || m_check->refusal()) {
        m_poolWaits = true;
        connect(
                m_check.get(), &StartCheck::finished, this,
                [this] {
            m_poolWaits = false;
            startPool();
                },
                Qt::SingleShotConnection);
        return;
    }
    m_pool->start();
}

void Instance::shutdown(const std::function<void(int removed)> &removed)
{
    m_reaper->stop(); // no sweep starts while the containers go
    if (m_pool)
        m_pool->stop(); // nor a refill
    // A check's sandbox still being created would appear after the listing
    // below; a run removes its sandbox before it finishes.
    if (m_check->running()) {
        QEventLoop checked;
        QTimer::singleShot(kShutdownBoundMs, &checked, &QEventLoop::quit);
        connect(m_check.get(), &StartCheck::finished, &checked, &QEventLoop::quit);
        checked.exec();
    }
    QEventLoop loop;
    QTimer::singleShot(kShutdownBoundMs, &loop, &QEventLoop::quit);
    const QMap<QString, QString> owned = {{QLatin1String(label::kManaged), QStringLiteral("true")},
                                          {QLatin1String(label::kInstance), m_config.instanceId}};
    m_engine->list(owned, &loop, [this, &loop, &removed](const Error &, const QList<ContainerInfo> &found) {
        QStringList names;
        for (const ContainerInfo &c : found)
            names << c.name;
        // One `docker rm -f` for all of them: the daemon removes them in parallel.
        m_engine->remove(names, &loop, [&loop, &removed](const Error &, const QStringList &gone) {
            removed(int(gone.size()));
            loop.quit();
        });
    });
    loop.exec();
    dropSandboxes();
    if (m_pool)
        m_pool->discardSlots();
    m_workspaces->releaseAll();
    socketdir::removeAll(m_config.settings.runtimeDir);
}

QJsonObject Instance::health() const
{
    QJsonObject health = {{QStringLiteral("workspaces"), m_workspaces->health()}};
    health.insert(QStringLiteral("pool"), m_pool ? m_pool->health()
                                                 : QJsonObject{{QStringLiteral("size"), m_config.settings.poolSize},
                                                               {QStringLiteral("ready"), 0},
                                                               {QStringLiteral("starting"), 0}});
    return health;
}

} // namespace hako
