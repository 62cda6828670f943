#include "sandboxpaths.h"

#include "../engine/containerpolicy.h"

namespace hako {
namespace {

SandboxPaths derive(const QString &workspaceDir, const QString &socketDir, const QString &lockPath)
{
    SandboxPaths paths;
    paths.workspaceDir = workspaceDir;
    paths.socketDir = socketDir;
    paths.agentDir = agentDirOf(socketDir);
    paths.agentSocket = paths.agentDir + QLatin1Char('/') + QLatin1String(kAgentSocketName);
    paths.proxySocket = socketDir + QLatin1Char('/') + QLatin1String(kProxySocketName);
    paths.lockPath = lockPath;
    return paths;
}

} // namespace

SandboxPaths SandboxPaths::conversation(const QString &runtimeDir, const QString &workspacesDir, const QString &key)
{
    return derive(workspacesDir + QLatin1Char('/') + key, conversationSocketsDir(runtimeDir) + key,
                  runtimeDir + QStringLiteral("/locks/") + key);
}

SandboxPaths SandboxPaths::poolSlot(const QString &runtimeDir, const QString &workspacesDir, const QString &slot)
{
    return derive(workspacesDir + QStringLiteral("/.pool/") + slot,
                  runtimeDir + QStringLiteral("/pool/sockets/") + slot,
                  runtimeDir + QStringLiteral("/pool/") + slot + QStringLiteral(".lock"));
}

QString SandboxPaths::conversationSocketsDir(const QString &runtimeDir)
{
    return runtimeDir + QStringLiteral("/sockets/");
}

} // namespace hako
