// libFuzzer entry for the settings parser: a settings file or `--set` values
// (any bytes; JSON when they parse) through Settings::fromJson, the schema,
// and the proxy's reading of its own keys (allowlist patterns, connectTo
// entries, credential sources), as HakoPlugin::configure does.
#include "policy/settings.h"
#include "proxyconfig.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace hako;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    QList<Error> errors;
    const Settings settings = Settings::fromJson(doc.object(), &errors);
    for (const Error &e : errors)
        if (e.code.isEmpty() || e.message.isEmpty())
            __builtin_trap(); // every problem is named for people and for programs
    if (!errors.isEmpty())
        return 0;
    // Accepted settings stay within the limits the policy relies on.
    if (settings.pids < 10 || settings.memoryBytes <= 0 || settings.tmpSizeBytes <= 0)
        __builtin_trap();
    proxy::ProxyConfig proxyConfig;
    proxy::CredentialConfig credentialConfig;
    proxy::configFromSettings(settings.raw, &proxyConfig, &credentialConfig);
    return 0;
}
