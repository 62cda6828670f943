#include "sandbox.h"

#include "../channel/agentchannel.h"
#include "../policy/conversationid.h"
#include "../policy/errors.h"
#include "../proxy/credentialproxy.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <sys/stat.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcDocker)

namespace hako {
namespace {

constexpr int kAgentStartTimeoutMs = 30000;
// A running container's agent answers at once; one that does not within this
// time is wedged or lost its socket (a tool may delete it), and is replaced.
constexpr int kAdoptTimeoutMs = 3000;

bool makeOwnedDir(const QString &path, uint uid, mode_t mode)
{
    if (!QDir().mkpath(path))
        return false;
    // Owned by the container's user so that it, and only it, can write there.
    if (::chown(QFile::encodeName(path).constData(), uid, uid) != 0)
        mode = 0777; // not root: the container's user is someone we cannot chown to
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

} // namespace

Sandbox::Sandbox(const QString &key, const SandboxContext *context, QObject *parent)
    : QObject(parent), m_key(key), m_context(context)
{
}

QString Sandbox::workspaceDir() const { return m_context->settings.workspacesDir + QLatin1Char('/') + m_key; }

QString Sandbox::socketDir() const
{
    return m_context->settings.runtimeDir + QStringLiteral("/sockets/") + m_key;
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
    const QMap<QString, QString> labels = {{QLatin1String(label::kManaged), QStringLiteral("true")},
                                           {QLatin1String(label::kInstance), m_context->instanceId},
                                           {QLatin1String(label::kConversation), m_key}};
    m_context->engine->list(labels, this, [this](const Error &error, const QList<ContainerInfo> &found) {
        if (error)
            return settle(error);
        adoptOrCreate(found);
    });
}

void Sandbox::adoptOrCreate(const QList<ContainerInfo> &found)
{
    QStringList stale;
    for (const ContainerInfo &c : found) {
        if (c.isRunning())
            return connectAgent(kAdoptTimeoutMs, c.name);
        stale << c.name;
    }
    // A stopped container (agent died, OOM, daemon restart) is replaced; its
    // workspace lives on the host and carries over.
    m_context->engine->remove(stale, this, [this](const Error &error) {
        if (error)
            return settle(error);
        create();
    });
}

Error Sandbox::prepareDirectories()
{
    const uint uid = m_context->containerUid;
    if (!makeOwnedDir(workspaceDir(), uid, 0700))
        return makeError(ErrorCode::HostIo, {workspaceDir()});
    if (!makeOwnedDir(socketDir(), uid, 0700))
        return makeError(ErrorCode::HostIo, {socketDir()});
    QFile::remove(socketDir() + QStringLiteral("/agent.sock"));
    return {};
}

ContainerSpec Sandbox::spec() const
{
    const Settings &s = m_context->settings;
    ContainerSpec spec;
    spec.name = containerName(m_context->instanceId, m_key);
    spec.image = s.image;
    spec.runtime = s.runtime;
    spec.cpus = s.cpus;
    spec.memoryBytes = s.memoryBytes;
    spec.pids = s.pids;
    spec.tmpSizeBytes = s.tmpSizeBytes;
    spec.seccompProfile = m_context->seccomp.dockerProfile;
    spec.agentSeccompRules = m_context->seccomp.agentRules;
    spec.workspaceDir = workspaceDir();
    spec.socketDir = socketDir();
    spec.agentBinary = m_context->agentBinary;
    spec.labels = {{QLatin1String(label::kManaged), QStringLiteral("true")},
                   {QLatin1String(label::kConversation), m_key},
                   {QLatin1String(label::kInstance), m_context->instanceId},
                   {QLatin1String(label::kRuntime), m_context->settings.runtimeDir},
                   {QLatin1String(label::kCreated), QString::number(QDateTime::currentSecsSinceEpoch())}};
    spec.environment = {QStringLiteral("HOME=/tmp"), QStringLiteral("LANG=C.UTF-8"),
                        QStringLiteral("HAKO_PROXY_SOCKET=/var/run/hako/proxy.sock")};
    return spec;
}

void Sandbox::create()
{
    if (const Error error = prepareDirectories())
        return settle(error);
    m_context->engine->start(spec(), this, [this](const Error &error) {
        // Another process started the same conversation a moment ago: use its container.
        if (error.code == QLatin1String("name_in_use") && !m_createdOnce) {
            m_createdOnce = true;
            return begin();
        }
        if (error)
            return settle(error);
        connectAgent(kAgentStartTimeoutMs, QString());
    });
}

void Sandbox::connectAgent(int timeoutMs, const QString &adopted)
{
    delete m_channel;
    m_channel = new AgentChannel(this);
    connect(m_channel, &AgentChannel::ready, this, [this] { settle({}); });
    connect(m_channel, &AgentChannel::failed, this, [this, adopted](const Error &error) {
        if (adopted.isEmpty())
            return settle(error);
        // The workspace is on the host: a fresh container loses nothing.
        m_context->engine->remove({adopted}, this, [this](const Error &removeError) {
            if (removeError)
                return settle(removeError);
            create();
        });
    });
    connect(m_channel, &AgentChannel::lost, this, [this] { m_state = State::Idle; });
    m_channel->open(socketDir() + QStringLiteral("/agent.sock"), timeoutMs);
}

// The proxy lives in the host process, so every process that serves a
// conversation listens on its proxy.sock while it does.
void Sandbox::serveProxy()
{
    proxy::CredentialProxy *proxy = m_context->proxy;
    const QString path = socketDir() + QStringLiteral("/proxy.sock");
    QString error;
    if (proxy && !proxy->socketPaths().contains(path) && !proxy->listen(path, &error))
        qCWarning(lcDocker).noquote() << "proxy socket" << path << "not served:" << error;
}

void Sandbox::settle(const Error &error)
{
    if (!error)
        serveProxy();
    m_state = error ? State::Idle : State::Ready;
    m_createdOnce = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters)
        if (w.receiver)
            w.callback(error, error ? nullptr : m_channel);
}

void Sandbox::destroy(bool deleteWorkspace, std::function<void(const Error &)> done)
{
    delete m_channel;
    m_channel = nullptr;
    m_state = State::Idle;
    if (m_context->proxy)
        m_context->proxy->close(socketDir() + QStringLiteral("/proxy.sock"));
    m_context->engine->remove({containerName(m_context->instanceId, m_key)}, this, [this, deleteWorkspace, done](const Error &error) {
        if (error)
            return done(error);
        QDir(socketDir()).removeRecursively();
        if (!deleteWorkspace)
            return done({});
        m_context->engine->removeHostDirectory(workspaceDir(), this, done);
    });
}

} // namespace hako
