#include "instanceconfig.h"

#include "channel/agentproof.h"
#include "policy/apparmor.h"
#include "policy/errors.h"

namespace hako {
namespace {

// The host's own files; the first that cannot be had is the reason.
Error loadHostFiles(const Settings &settings, InstanceConfig *config)
{
    Error error = loadOrCreateInstanceId(settings.runtimeDir, &config->instanceId);
    const Error seccompError =
            materialiseSeccompProfile(settings.seccompProfile, settings.runtimeDir, &config->seccomp);
    if (!error)
        error = seccompError;
    if (!error)
        error = loadOrCreateHostSecret(settings.runtimeDir, &config->agentSecret);
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
    const QString action = settings.raw.value(QLatin1String("tripwire.action")).toString();
    if (!Tripwires::parseAction(action, &config->tripwireAction))
        return {makeError(ErrorCode::SettingValue, {QStringLiteral("tripwire.action"), action})};
    if (const Error error = loadHostFiles(settings, config))
        return {error};
    return proxy::configFromSettings(settings.raw, &config->proxy, &config->credentials);
}

} // namespace hako
