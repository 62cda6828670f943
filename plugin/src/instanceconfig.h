// One configuration of the plugin: its settings and what is derived from them
// once, when configure() accepts them. Never changed afterwards; a new
// configuration is a new Instance (instance.h).
#pragma once

#include "hostpaths.h"
#include "policy/settings.h"
#include "tripwire/tripwires.h"
#include "proxy/proxyconfig.h"

#include <hako/error.h>

#include <QByteArray>
#include <QList>
#include <QString>

namespace hako {

struct InstanceConfig
{
    Settings settings;
    QString instanceId;
    QString agentBinary;
    SeccompFiles seccomp;
    QString appArmorProfile;  // empty where the kernel has no AppArmor
    QByteArray agentSecret;   // what every container's agent key is derived from (channel/agentproof.h)
    uint containerUid = 1000; // the container's user, inside the container
    proxy::ProxyConfig proxy;
    proxy::CredentialConfig credentials;
    Tripwires::Action tripwireAction = Tripwires::Action::Freeze;
};

// Fills `config` from `settings` (reading or creating the host's files under
// paths.runtime); the reasons it cannot, otherwise.
QList<Error> loadInstanceConfig(const Settings &settings, InstanceConfig *config);

} // namespace hako
