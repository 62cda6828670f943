// A load run's surroundings: a temporary root holding the plugin's runtime
// and workspace directories (so the run has an instance, containers and
// files of its own), and the HTTPS stand-in for bedrock-runtime on loopback
// that proxy calls from the containers reach through the credential proxy.
#pragma once

#include "standin.h"

#include <QJsonObject>
#include <QTemporaryDir>

namespace hako::bench {

class LoadSetup
{
public:
    LoadSetup();
    // Starts the stand-in when `proxy`; an error message, empty on success.
    QString open(bool proxy);

    QString runtimeDir() const { return m_root.filePath(QStringLiteral("run")); }
    QString workspacesDir() const { return m_root.filePath(QStringLiteral("workspaces")); }
    // Paths, and with the stand-in the proxy's route, trust and credentials.
    QJsonObject settings() const;
    // Requests the stand-in received and how many of them carried a valid signature.
    int standInRequests(int *verified) const;

private:
    QTemporaryDir m_root;
    StandIn m_standIn;
    quint16 m_port = 0;
};

} // namespace hako::bench
