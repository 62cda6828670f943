// Starting a container from the configuration's spec and connecting its
// agent: what a conversation's sandbox and a warm pool slot both do.
#pragma once

#include "../engine/containerengine.h"
#include "sandboxpaths.h"

#include <hako/error.h>

#include <QMap>
#include <QObject>

#include <functional>

namespace hako {

class AgentChannel;
class EngineFacts;
struct InstanceConfig;

class Launcher final
{
public:
    // Connects the caller to a channel's signals before it opens.
    using Wire = std::function<void(AgentChannel *)>;

    // How long the agent of a container just started has to answer.
    static constexpr int kAgentStartTimeoutMs = 30000;

    Launcher(const InstanceConfig &config, ContainerEngine &engine, const EngineFacts &facts);

    // Makes the socket directory at `paths` afresh, starts the container
    // `name` (with `labels` besides the common ones) and connects its agent:
    // `wire` gets the channel; `failed` runs instead when the container cannot
    // be started. Neither runs once `context` is gone. Returns the nonce the
    // container's agent key is derived from (empty when it fails at once).
    QByteArray launch(const QString &name, const SandboxPaths &paths, const QMap<QString, QString> &labels,
                      QObject *context, const Wire &wire, const ContainerEngine::Done &failed);
    // A channel, a child of `parent`, to the agent at `paths` proving `key`,
    // given `timeoutMs` to answer.
    AgentChannel *connect(const SandboxPaths &paths, const QByteArray &key, int timeoutMs, QObject *parent,
                          const Wire &wire) const;
    // The key a running container's agent proves itself with, from the nonce it
    // was labelled with; empty for a container that has none (an older host's).
    QByteArray agentKeyOf(const ContainerInfo &container) const;
    // The key derived from `nonce` (agentproof.h).
    QByteArray agentKeyOf(const QByteArray &nonce) const;

private:
    ContainerSpec spec(const QString &name, const SandboxPaths &paths, const QMap<QString, QString> &labels) const;

    const InstanceConfig &m_config;
    ContainerEngine &m_engine;
    const EngineFacts &m_facts;
};

} // namespace hako
