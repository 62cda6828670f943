// Where one sandbox's files live on the host, derived here and nowhere else.
// A conversation's (key) and a warm pool slot's (slot ID) differ only in where
// they sit; a hand-over moves a slot's directories to the conversation's.
//
//   conversation                            pool slot
//   <workspaces>/<key>                      <workspaces>/.pool/<slot>        workspace
//   <runtime>/sockets/<key>                 <runtime>/pool/sockets/<slot>    socket directory (socketdir.h)
//   <runtime>/locks/<key>                   <runtime>/pool/<slot>.lock       held while a process starts or keeps it
#pragma once

#include <QString>

namespace hako {

struct SandboxPaths
{
    static SandboxPaths conversation(const QString &runtimeDir, const QString &workspacesDir, const QString &key);
    static SandboxPaths poolSlot(const QString &runtimeDir, const QString &workspacesDir, const QString &slot);
    // The directory holding every conversation's socket directory.
    static QString conversationSocketsDir(const QString &runtimeDir);

    QString workspaceDir;
    QString socketDir;   // the host side of the container's /var/run/hako
    QString agentDir;    // the agent's own directory inside socketDir
    QString agentSocket; // the socket the agent binds in agentDir
    QString proxySocket; // the credential proxy's socket in socketDir
    QString lockPath;
};

} // namespace hako
