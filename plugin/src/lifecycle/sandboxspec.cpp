#include "sandboxspec.h"

#include "../channel/agentproof.h"
#include "../safedir.h"
#include "sandbox.h"
#include "socketdir.h"

#include <QDateTime>

namespace hako {

ContainerSpec sandboxSpec(const SandboxContext &context, const QString &name, const QString &workspaceDir,
                          const QString &socketDir, const QMap<QString, QString> &labels)
{
    const Settings &s = context.settings;
    ContainerSpec spec;
    spec.name = name;
    spec.image = s.image;
    spec.runtime = s.runtime;
    spec.cpus = s.cpus;
    spec.memoryBytes = s.memoryBytes;
    spec.pids = s.pids;
    spec.tmpSizeBytes = s.tmpSizeBytes;
    spec.seccompProfile = context.seccomp.dockerProfile;
    spec.agentSeccompRules = context.seccomp.agentRules;
    spec.appArmorProfile = context.appArmorProfile;
    spec.workspaceDir = workspaceDir;
    spec.socketDir = socketDir;
    spec.agentBinary = context.agentBinary;
    spec.labels = labels;
    spec.labels.insert(QLatin1String(label::kManaged), QStringLiteral("true"));
    spec.labels.insert(QLatin1String(label::kInstance), context.instanceId);
    spec.labels.insert(QLatin1String(label::kRuntime), s.runtimeDir);
    spec.labels.insert(QLatin1String(label::kCreated), QString::number(QDateTime::currentSecsSinceEpoch()));
    const QByteArray nonce = newAgentKeyNonce();
    spec.labels.insert(QLatin1String(label::kNonce), QString::fromLatin1(nonce));
    spec.agentKey = agentKey(context.agentSecret, nonce);
    spec.environment = {QStringLiteral("HOME=/tmp"), QStringLiteral("LANG=C.UTF-8"),
                        QStringLiteral("HAKO_PROXY_SOCKET=%1/%2")
                            .arg(QLatin1String(kSocketDirInContainer), QLatin1String(kProxySocketName))};
    return spec;
}

bool giveToContainerUser(const QString &dir, uint uid)
{
    const safedir::UniqueFd fd = safedir::openDirectory(dir);
    return fd.valid() && safedir::giveTo(fd.get(), uid);
}

uint containerHostUid(const SandboxContext &context)
{
    const EngineFacts &facts = *context.engineFacts;
    if (facts.userns && facts.remapRootUid > 0)
        return uint(facts.remapRootUid) + context.containerUid;
    return context.containerUid;
}

void whenEngineKnown(const SandboxContext &context, QObject *receiver, std::function<void()> then)
{
    if (context.engineFacts->known || !context.engine)
        return then();
    std::shared_ptr<EngineFacts> facts = context.engineFacts;
    context.engine->probe(10000, receiver, [facts, then](const Error &error, const EngineInfo &info) {
        if (!error && info.known) {
            facts->known = true;
            facts->userns = info.userns;
            facts->remapRootUid = info.remapRootUid;
        }
        then();
    });
}

Error prepareSocketDir(const SandboxContext &context, const QString &dir)
{
    return socketdir::prepare(dir, containerHostUid(context));
}

QByteArray agentKeyOf(const SandboxContext &context, const ContainerInfo &container)
{
    const QString nonce = container.labels.value(QLatin1String(label::kNonce));
    return nonce.isEmpty() ? QByteArray() : agentKey(context.agentSecret, nonce.toLatin1());
}

AgentEndpoint agentEndpoint(const SandboxContext &context, const QString &socketDir, const QByteArray &key)
{
    const bool peerIsNamespaceInit = !isGvisorRuntime(context.settings.runtime);
    // Where the peer cannot be checked, the tags are what keep a relay out.
    return {agentDirOf(socketDir), key, peerIsNamespaceInit, !peerIsNamespaceInit};
}

} // namespace hako
