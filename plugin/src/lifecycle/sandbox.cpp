#include "sandbox.h"

#include "../channel/agentchannel.h"
#include "../instanceconfig.h"
#include "../logging.h"
#include "../policy/conversationid.h"
#include "../policy/errors.h"
#include "../proxy/credentialproxy.h"
#include "../tripwire/decoykey.h"
#include "enginefacts.h"
#include "containerrecord.h"
#include "launcher.h"
#include "poolclaims.h"
#include "removalbatcher.h"
#include "socketdir.h"
#include "warmpool.h"
#include "workspacestore.h"

#include <QTimer>

namespace hako {
namespace {

// A running container's agent answers at once; one that does not within this
// time is wedged or lost its socket (a tool may delete it), and is replaced.
constexpr int kAdoptTimeoutMs = 3000;
// See settle().
constexpr int kRenameDelayMs = 500;
constexpr int kRecordedConnectMs = 0; // one try: a container that is gone does not come back

} // namespace

Sandbox::Sandbox(const QString &key, const InstanceConfig &config, ContainerEngine &engine, EngineFacts &facts,
                 Launcher &launcher, WorkspaceStore &workspaces, proxy::CredentialProxy &proxy, WarmPool *pool,
                 RemovalBatcher &removals, QObject *parent)
    : QObject(parent), m_key(key), m_config(config),
      m_paths(SandboxPaths::conversation(config.settings.runtimeDir, config.settings.workspacesDir, key)),
      m_engine(engine), m_facts(facts), m_launcher(launcher), m_workspaces(workspaces), m_proxy(proxy), m_pool(pool),
      m_removals(removals)
{}

// An end or a call still waiting for the engine when its sandbox goes (a new
// configuration, shutdown()) finishes now instead of never.
Sandbox::~Sandbox()
{
    if (m_destroyDone)
        std::exchange(m_destroyDone, {})(makeError(ErrorCode::ShuttingDown));
    callWaiters(makeError(ErrorCode::ShuttingDown));
}

QByteArray Sandbox::decoyKeyId() const
{
    return m_channel ? hako::decoyKeyId(m_channel->agentKey()) : QByteArray();
}

void Sandbox::failCalls(const Error &error)
{
    if (m_channel)
        m_channel->abandonCalls(error);
}

QString Sandbox::containerName() const
{
    return hako::containerName(m_config.instanceId, m_key);
}

void Sandbox::whenReady(QObject *receiver, ReadyCallback callback)
{
    if (m_state == State::Ready && m_channel && m_channel->isReady())
        return callback({}, m_channel);
    m_waiters.append({receiver, std::move(callback)});
    if (m_state != State::Starting)
        begin();
}

void Sandbox::begin()
{
    m_state = State::Starting;
    FileLock::acquire(m_paths.lockPath, kLockBoundMs, this, [this](FileLock lock, FileLock::Result result) {
        if (result == FileLock::Result::Busy)
            return settle(makeError(ErrorCode::Timeout, {QString::number(kLockBoundMs / 1000)}));
        if (result == FileLock::Result::Failed)
            return settle(makeError(ErrorCode::HostIo, {m_paths.lockPath}));
        m_lock = std::move(lock);
        locate();
    });
}

// A new conversation takes a warm container if there is one; any other connects to the container
// its record names, or looks for its own by name: its container name, or the pool container it took.
void Sandbox::locate()
{
    const QString &runtimeDir = m_config.settings.runtimeDir;
    const QString claimed = poolclaims::read(runtimeDir, m_key);
    if (claimed.isEmpty() && m_pool) {
        const WarmPool::Handed taken = m_pool->handOver(m_key, m_paths);
        if (taken.channel)
            return useChannel(taken.channel, taken.container);
    }
    if (const QByteArray nonce = claimed.isEmpty() ? containerrecord::nonceFor(runtimeDir, m_key, containerName()) : "";
        !nonce.isEmpty())
        return adoptRecorded(nonce);
    lookUp(claimed);
}

void Sandbox::lookUp(const QString &claimed)
{
    // A container is only ever started over a workspace that exists: without
    // one there is nothing to adopt, and a `docker ps` per new conversation is
    // saved. Should one run anyway, its name makes the start fail, and the
    // second look lists it.
    if (claimed.isEmpty() && !m_createdOnce && !m_workspaces.exists(m_paths.workspaceDir))
        return create();
    QStringList names = {containerName()};
    if (!claimed.isEmpty())
        names << claimed;
    m_engine.listNamed(names, this, [this](const Error &error, const QList<ContainerInfo> &found) {
        if (error)
            return settle(error);
        adoptOrCreate(found);
    });
}

void Sandbox::adoptOrCreate(const QList<ContainerInfo> &found)
{
    const ContainerInfo *use = nullptr;
    for (const ContainerInfo &c : found)
        if (c.isRunning() && (!use || c.name == containerName()))
            use = &c;
    QStringList others;
    for (const ContainerInfo &c : found)
        if (!use || c.name != use->name)
            others << c.name;
    // A container without a key (an older host's) cannot prove its agent: it is
    // replaced like a stopped one.
    const QByteArray key = use ? m_launcher.agentKeyOf(*use) : QByteArray();
    // The record named the container the engine lists, with its nonce: what
    // posed as its agent is an impostor in it, not a stale record.
    const Error refusal = std::exchange(m_refusal, {});
    if (refusal && use && use->name == containerName()
        && use->labels.value(QLatin1String(label::kNonce)).toLatin1() == m_refusedNonce) {
        m_container = use->name;
        return onAgentFailed(refusal, use->name);
    }
    if (use && !key.isEmpty()) {
        // Only a crash between taking a pool container and renaming it leaves two.
        if (!others.isEmpty())
            m_engine.remove(others, this, [](const Error &, const QStringList &) {});
        m_nonce = use->labels.value(QLatin1String(label::kNonce)).toLatin1();
        return adopt(use->name, key);
    }
    if (use)
        others << use->name;
    // A stopped container (agent died, OOM, daemon restart) is replaced; its
    // workspace lives on the host and carries over.
    replace(others, [this] { create(); });
}

void Sandbox::replace(const QStringList &names, std::function<void()> then)
{
    m_engine.remove(names, this, [this, then](const Error &error, const QStringList &removed) {
        Q_EMIT containersRemoved(QStringLiteral("error"), int(removed.size()));
        if (error)
            return settle(error);
        poolclaims::remove(m_config.settings.runtimeDir, m_key);
        containerrecord::remove(m_config.settings.runtimeDir, m_key);
        then();
    });
}

void Sandbox::create()
{
    m_facts.whenKnown(this, [this] { createContainer(); });
}

void Sandbox::createContainer()
{
    m_workspaces.prepare(m_paths.workspaceDir, this, [this](const Error &workspaceError) {
        if (workspaceError)
            return settle(workspaceError);
        // The directory is made afresh: a listener on the old one would serve nobody.
        m_proxy.close(m_paths.proxySocket);
        const QMap<QString, QString> labels = {{QLatin1String(label::kConversation), m_key}};
        auto wireNew = [this](AgentChannel *channel) {
            Q_EMIT containerCreated();
            wire(channel, containerName(), [this](const Error &error) { onAgentFailed(error, QString()); });
        };
        m_nonce = m_launcher.launch(containerName(), m_paths, labels, this, wireNew, [this](const Error &error) {
            // Another host process started it a moment ago (one that holds no lock): use that one.
            if (error.code == QLatin1String("name_in_use") && !m_createdOnce) {
                m_createdOnce = true;
                return locate();
            }
            settle(error);
        });
    });
}

// Not deleted here: the host may end the conversation from the finished()
// slot of its last call, which runs inside the channel's (and its socket's)
// readyRead. Its calls fail when it goes, a moment later.
void Sandbox::retireChannel()
{
    if (!m_channel)
        return;
    m_channel->disconnect(this);
    std::exchange(m_channel, nullptr)->deleteLater();
}

void Sandbox::useChannel(AgentChannel *channel, const QString &container)
{
    m_container = container;
    m_nonce.clear(); // a pool container is recorded once a later process adopts it under its own name
    retireChannel();
    m_channel = channel;
    m_channel->setParent(this);
    forwardEvents();
    Q_EMIT containerCreated();
    settle({});
}

void Sandbox::adopt(const QString &adopted, const QByteArray &key)
{
    m_launcher.connect(m_paths, key, kAdoptTimeoutMs, this, [this, adopted](AgentChannel *channel) {
        wire(channel, adopted, [this, adopted](const Error &error) { onAgentFailed(error, adopted); });
    });
}

// The agent must still prove the key the recorded nonce gives. One that does
// not is judged once the engine has listed the container: an impostor when the
// record was current, else a stale record, adopted and proven as always.
void Sandbox::adoptRecorded(const QByteArray &nonce)
{
    m_nonce.clear(); // recorded already
    m_launcher.connect(m_paths, m_launcher.agentKeyOf(nonce), kRecordedConnectMs, this,
                       [this, nonce](AgentChannel *channel) {
        wire(channel, containerName(), [this, nonce](const Error &error) {
            qCInfo(lcDocker).noquote() << "recorded container" << m_container << "not used:" << error.logMessage;
            // Held until the engine says whether the record was current (see adoptOrCreate).
            m_refusal = error.code == QLatin1String("agent_impersonation") ? error : Error();
            m_refusedNonce = nonce;
            retireChannel();
            lookUp(QString());
        });
    });
}

void Sandbox::wire(AgentChannel *channel, const QString &container, const std::function<void(const Error &)> &failed)
{
    m_container = container;
    retireChannel();
    m_channel = channel;
    connect(m_channel, &AgentChannel::ready, this, [this] { settle({}); });
    connect(m_channel, &AgentChannel::failed, this, failed);
    forwardEvents();
}

// A channel handed over by the warm pool reports the same as one made here.
void Sandbox::forwardEvents()
{
    connect(m_channel, &AgentChannel::lost, this, &Sandbox::onAgentLost);
    connect(m_channel, &AgentChannel::seccompViolation, this, &Sandbox::seccompViolation);
    connect(m_channel, &AgentChannel::canaryRead, this, &Sandbox::canaryRead);
}

void Sandbox::reportCompromised(const Error &error)
{
    qCWarning(lcDocker).noquote() << "container" << m_container << "is compromised:" << error.logMessage;
    Q_EMIT securityEvent(error.code);
}

// A forged frame on a proven connection (a relay inside the sandbox) is
// impersonation too: the container goes, and the next call gets a fresh one.
void Sandbox::onAgentLost(const Error &error)
{
    m_state = State::Idle;
    if (error.code != QLatin1String("agent_impersonation"))
        return;
    reportCompromised(error);
    retireChannel();
    m_engine.remove({m_container}, this, [this](const Error &, const QStringList &removed) {
        Q_EMIT containersRemoved(QStringLiteral("error"), int(removed.size()));
    });
}

// An impostor means the container is compromised: it goes, and the call that
// met it fails. A silent agent of an adopted container is only wedged: a fresh
// container serves the call. The workspace is on the host either way.
void Sandbox::onAgentFailed(const Error &error, const QString &adopted)
{
    if (error.code == QLatin1String("agent_impersonation")) {
        reportCompromised(error);
        return replace({m_container}, [this, error] { settle(error); });
    }
    if (adopted.isEmpty())
        return settle(error);
    replace({adopted}, [this] { create(); });
}

// The proxy lives in the host process, so every process that serves a
// conversation listens on its proxy.sock while it does.
void Sandbox::serveProxy()
{
    const QString &path = m_paths.proxySocket;
    if (!m_proxy.enabled() || m_proxy.socketPaths().contains(path))
        return;
    if (const Error error = m_proxy.listen(path, m_key))
        qCWarning(lcDocker).noquote() << "proxy socket" << path << "not served:" << error.logMessage;
}

void Sandbox::settle(const Error &error)
{
    if (!error)
        serveProxy();
    if (!error && !m_nonce.isEmpty() && m_container == containerName())
        containerrecord::write(m_config.settings.runtimeDir, m_key, m_container, m_nonce);
    m_nonce.clear();
    m_state = error ? State::Idle : State::Ready;
    m_createdOnce = false;
    // A pool container carries the conversation's name before anyone else may
    // look for it; the rename waits until the first call is likely done with the CPU.
    if (!error && m_container != containerName())
        QTimer::singleShot(kRenameDelayMs, this, &Sandbox::takeName);
    else
        m_lock = FileLock();
    callWaiters(error);
}

void Sandbox::callWaiters(const Error &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    // Taken once: a waiter may end the conversation and retire the channel.
    AgentChannel *channel = error ? nullptr : m_channel;
    for (const Waiter &w : waiters)
        if (w.receiver)
            w.callback(error, channel);
}

// Off the call's critical path: the call already runs in the container.
void Sandbox::takeName()
{
    m_engine.rename(m_container, containerName(), this, [this](const Error &error) {
        if (error) {
            qCWarning(lcDocker).noquote() << "pool container" << m_container << "keeps its name:" << error.logMessage;
        } else {
            poolclaims::remove(m_config.settings.runtimeDir, m_key);
            m_container = containerName();
        }
        m_lock = FileLock();
    });
}

} // namespace hako
