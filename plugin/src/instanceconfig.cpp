#include "instanceconfig.h"

#include "channel/agentproof.h"
#include "policy/apparmor.h"
#include "policy/errors.h"

namespace hako {
namespace {

// The host's own files; the first that cannot be had is the reason.
Error loadHostFiles(const Settings &settings, InstanceConfig *config)
{
    Error error;
    config->instanceId = loadOrCreateInstanceId(settings.runtimeDir, &error);
    config->seccomp = materialiseSeccompProfile(settings.seccompProfile, settings.runtimeDir, &error);
    if (!error)
        config->agentSecret = loadOrCreateHostSecret(settings.runtimeDir, &error);
    config->agentBinary = locateAgentBinary();
    if (config->agentBinary.isEmpty())
        error = makeError(ErrorCode::AgentMissing);
    switch (appArmorState()) {
    case AppArmorState::Loaded: config->appArmorProfile = QLatin1String(kAppArmorProfile); break;
    case AppArmorState::NotLoaded: error = makeError(ErrorCode::AppArmorProfileMissing); break;
    case AppArmorState::Unavailable: break;
    }
    return error;
}

} // namespace

QList<Error> loadInstanceConfig(const Settings &settings, InstanceConfig *config)
{
    config->settings = settings;
    if (const Error error = loadHostFiles(settings, config))
        return {error};
    return proxy::configFromSettings(settings.raw, &config->proxy, &config->credentials);
}

} // namespace hako
