// libFuzzer entry for the seccomp profile parsers: any bytes as a profile
// file, through validateSeccompProfile, which parses Docker's format and
// compiles the rules with libseccomp (never loading them), and, for a profile
// it accepts, splitSeccompProfile, which derives Docker's layer and the
// agent's. Both layers must come out as JSON, and the split must not lose
// the default action.
#include "policy/seccomplayers.h"
#include "policy/seccompprofile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace hako;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray profile(reinterpret_cast<const char *>(data), qsizetype(size));
    const Error error = validateSeccompProfile(profile);
    if (error && (error.code.isEmpty() || error.message.isEmpty()))
        __builtin_trap();
    if (error)
        return 0;
    const QJsonObject original = QJsonDocument::fromJson(profile).object();
    const SeccompLayers layers = splitSeccompProfile(profile);
    const QJsonDocument docker = QJsonDocument::fromJson(layers.dockerProfile);
    if (!docker.isObject() || !QJsonDocument::fromJson(layers.agentRules).isArray()
        || docker.object().value(QLatin1String("defaultAction")) != original.value(QLatin1String("defaultAction")))
        __builtin_trap();
    return 0;
}
