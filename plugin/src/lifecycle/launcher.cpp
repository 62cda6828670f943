#include "launcher.h"

#include "../channel/agentchannel.h"
#include "../channel/agentproof.h"
#include "../instanceconfig.h"
#include "enginefacts.h"
#include "socketdir.h"

#include <QDateTime>

namespace hako {

Launcher::Launcher(const InstanceConfig &config, ContainerEngine &engine, const EngineFacts &facts)
    : m_config(config), m_engine(engine), m_facts(facts)
{}

ContainerSpec Launcher::spec(const QString &name, const SandboxPaths &paths, const QMap<QString, QString> &labels) const
{
    const Settings &s = m_config.settings;
    ContainerSpec spec;
    spec.name = name;
    spec.image = s.image;
    spec.runtime = s.runtime;
    spec.cpus = s.cpus;
    spec.memoryBytes = s.memoryBytes;
    spec.pids = s.pids;
    spec.tmpSizeBytes = s.tmpSizeBytes;
    spec.seccompProfile = m_config.seccomp.dockerProfile;
    spec.agentSeccompRules = m_config.seccomp.agentRules;
    spec.appArmorProfile = m_config.appArmorProfile;
    spec.workspaceDir = paths.workspaceDir;
    spec.socketDir = paths.socketDir;
    spec.agentBinary = m_config.agentBinary;
    spec.labels = labels;
    spec.labels.insert(QLatin1String(label::kManaged), QStringLiteral("true"));
    spec.labels.insert(QLatin1String(label::kInstance), m_config.instanceId);
    spec.labels.insert(QLatin1String(label::kRuntime), s.runtimeDir);
    spec.labels.insert(QLatin1String(label::kCreated), QString::number(QDateTime::currentSecsSinceEpoch()));
    const QByteArray nonce = newAgentKeyNonce();
    spec.labels.insert(QLatin1String(label::kNonce), QString::fromLatin1(nonce));
    spec.agentKey = agentKey(m_config.agentSecret, nonce);
    spec.environment = {QStringLiteral("HOME=") + QLatin1String(kHomeInContainer), QStringLiteral("LANG=C.UTF-8")};
    // With credentials.source = none there is no proxy: a tool is not pointed at a socket that is not there.
    if (m_config.credentials.source != proxy::CredentialConfig::Source::None)
        spec.environment << QStringLiteral("HAKO_PROXY_SOCKET=%1/%2")
                                    .arg(QLatin1String(kSocketDirInContainer), QLatin1String(kProxySocketName));
    return spec;
}

QByteArray Launcher::launch(const QString &name, const SandboxPaths &paths, const QMap<QString, QString> &labels,
                            QObject *context, const Wire &wire, const ContainerEngine::Done &failed)
{
    if (const Error error = socketdir::prepare(paths, m_facts.containerHostUid())) {
        failed(error);
        return {};
    }
    const ContainerSpec started = spec(name, paths, labels);
    m_engine.start(started, context, [this, paths, context, wire, failed, key = started.agentKey](const Error &error) {
        if (error)
            return failed(error);
        connect(paths, key, kAgentStartTimeoutMs, context, wire);
    });
    return started.labels.value(QLatin1String(label::kNonce)).toLatin1();
}

AgentChannel *Launcher::connect(const SandboxPaths &paths, const QByteArray &key, int timeoutMs, QObject *parent,
                                const Wire &wire) const
{
    auto *channel = new AgentChannel(parent);
    wire(channel);
    const bool peerIsNamespaceInit = !isGvisorRuntime(m_config.settings.runtime);
    // Where the peer cannot be checked, the tags are what keep a relay out.
    channel->open({paths.agentDir, key, peerIsNamespaceInit, !peerIsNamespaceInit}, timeoutMs);
    return channel;
}

QByteArray Launcher::agentKeyOf(const ContainerInfo &container) const
{
    return agentKeyOf(container.labels.value(QLatin1String(label::kNonce)).toLatin1());
}

QByteArray Launcher::agentKeyOf(const QByteArray &nonce) const
{
    return nonce.isEmpty() ? QByteArray() : agentKey(m_config.agentSecret, nonce);
}

} // namespace hako
