#include "settings.h"

#include "errors.h"
#include "settingrules.h"
#include "settingtext.h"

#include "../audit/auditkey.h"

#include <hako/protocol/limits.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <string>

namespace hako {
namespace {

enum class Kind { String, Integer, Number, Size, StringList, Duration, Bool }; // Duration: whole seconds

struct Key
{
    const char *name;
    Kind kind;
    const char *defaultValue; // for StringList: a JSON array
    double minimum;
    double maximum;
    const char *title;
    const char *help;
};

// The tool defaults are the protocol's, which the agent applies to a Call that
// leaves a limit out; the table spells them in its own units.
static_assert(proto::kDefaultTimeoutMs % 1000 == 0 && proto::kDefaultOutputLimit % (1 << 20) == 0
              && proto::kDefaultTransferLimit % (1 << 20) == 0);
const std::string kDefaultTimeout = std::to_string(proto::kDefaultTimeoutMs / 1000);
const std::string kDefaultOutputLimit = std::to_string(proto::kDefaultOutputLimit >> 20) + 'm';
const std::string kDefaultTransferLimit = std::to_string(proto::kDefaultTransferLimit >> 20) + 'm';
const std::string kDefaultQueueTimeout = std::to_string(kDefaultQueueTimeoutSeconds);

// Titles and help are marked for translation here and translated when the
// schema is requested, so a host's dialog shows them in the user's language.
const Key kKeys[] = {
        {"docker.binary", Kind::String, "docker", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Docker CLI"),
         QT_TRANSLATE_NOOP("hako::Settings", "The docker-compatible command line program to run.")},
        {"docker.host", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Docker host"),
         QT_TRANSLATE_NOOP("hako::Settings", "Passed as DOCKER_HOST when set.")},
        {"docker.parallelStarts", Kind::Integer, "8", 1, 64, QT_TRANSLATE_NOOP("hako::Settings", "Starts at once"),
         QT_TRANSLATE_NOOP("hako::Settings", "Containers the engine is asked to start at the same time; more wait "
                                             "in line, and their calls are queued.")},
        {"runtime", Kind::String, "runc", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Container runtime"),
         QT_TRANSLATE_NOOP("hako::Settings", "OCI runtime: runc, or runsc for gVisor.")},
        {"image", Kind::String, "hako/workspace-base:latest", 0, 0,
         QT_TRANSLATE_NOOP("hako::Settings", "Workspace image"),
         QT_TRANSLATE_NOOP("hako::Settings", "The image every conversation's container starts from.")},
        {"limits.cpus", Kind::Number, "2", 0.01, 64, QT_TRANSLATE_NOOP("hako::Settings", "CPUs"),
         QT_TRANSLATE_NOOP("hako::Settings", "CPU cores a container may use.")},
        {"limits.memory", Kind::Size, "2g", 6 * 1024 * 1024, 1e12, QT_TRANSLATE_NOOP("hako::Settings", "Memory"),
         QT_TRANSLATE_NOOP("hako::Settings", "Memory limit of a container; swap is not added.")},
        {"limits.pids", Kind::Integer, "100", 10, 100000, QT_TRANSLATE_NOOP("hako::Settings", "Processes"),
         QT_TRANSLATE_NOOP("hako::Settings", "Maximum number of processes in a container.")},
        {"limits.tmpSize", Kind::Size, "512m", 1024 * 1024, 1e12, QT_TRANSLATE_NOOP("hako::Settings", "/tmp size"),
         QT_TRANSLATE_NOOP("hako::Settings", "Size of the container's /tmp (memory-backed, no execution).")},
        {"limits.workspaceSize", Kind::Size, "10g", 1024 * 1024, 1e13,
         QT_TRANSLATE_NOOP("hako::Settings", "Workspace size"),
         QT_TRANSLATE_NOOP("hako::Settings", "Maximum size of a conversation's workspace.")},
        {"seccomp.profile", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Seccomp profile"),
         QT_TRANSLATE_NOOP("hako::Settings", "Path of a seccomp profile; empty uses the built-in whitelist.")},
        {"lifecycle.idleTtl", Kind::Duration, "3600", 1, 31536000, QT_TRANSLATE_NOOP("hako::Settings", "Idle TTL"),
         QT_TRANSLATE_NOOP("hako::Settings", "Time without a call before a container is collected.")},
        {"lifecycle.absoluteTtl", Kind::Duration, "28800", 1, 31536000,
         QT_TRANSLATE_NOOP("hako::Settings", "Absolute TTL"),
         QT_TRANSLATE_NOOP("hako::Settings", "Time after which a container is collected in any case.")},
        {"lifecycle.gcInterval", Kind::Duration, "60", 1, 86400, QT_TRANSLATE_NOOP("hako::Settings", "GC interval"),
         QT_TRANSLATE_NOOP("hako::Settings", "Time between garbage collection sweeps.")},
        {"pool.size", Kind::Integer, "0", 0, 1000, QT_TRANSLATE_NOOP("hako::Settings", "Warm pool"),
         QT_TRANSLATE_NOOP("hako::Settings", "Containers kept started ahead of new conversations; when not 0, "
                                             "a fixed number, and pool.min and pool.max are not used.")},
        {"pool.min", Kind::Integer, "0", 0, 1000, QT_TRANSLATE_NOOP("hako::Settings", "Pool minimum"),
         QT_TRANSLATE_NOOP("hako::Settings", "Fewest containers an adaptive pool keeps, even when idle.")},
        {"pool.max", Kind::Integer, "0", 0, 1000, QT_TRANSLATE_NOOP("hako::Settings", "Pool maximum"),
         QT_TRANSLATE_NOOP("hako::Settings", "Most containers an adaptive pool keeps; it holds as many as new "
                                             "conversations arrived within the pool window.")},
        {"pool.window", Kind::Duration, "300", 1, 86400, QT_TRANSLATE_NOOP("hako::Settings", "Pool window"),
         QT_TRANSLATE_NOOP("hako::Settings", "How far back an adaptive pool counts new conversations.")},
        {"paths.workspaces", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Workspaces directory"),
         QT_TRANSLATE_NOOP("hako::Settings", "Host directory holding every conversation's workspace.")},
        {"paths.runtime", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Runtime directory"),
         QT_TRANSLATE_NOOP("hako::Settings", "Host directory holding sockets and state.")},
        {"proxy.allow", Kind::StringList, "[\"bedrock-runtime.*.amazonaws.com\"]", 0, 0,
         QT_TRANSLATE_NOOP("hako::Settings", "Allowed hosts"),
         QT_TRANSLATE_NOOP("hako::Settings", "Host patterns the proxy forwards to; * matches one DNS label, under AWS "
                                             "domains only a region name.")},
        {"proxy.connectTo", Kind::StringList, "[]", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Connect-to overrides"),
         QT_TRANSLATE_NOOP("hako::Settings", "HOST1:PORT1:HOST2:PORT2 entries that redirect upstream connections.")},
        {"proxy.caFile", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Extra CA bundle"),
         QT_TRANSLATE_NOOP("hako::Settings", "Additional trusted certificates for upstream TLS.")},
        {"proxy.maxConnections", Kind::Integer, "16", 1, 1024, QT_TRANSLATE_NOOP("hako::Settings", "Proxy connections"),
         QT_TRANSLATE_NOOP("hako::Settings",
                           "Connections one container may hold open to the proxy at once; more are refused.")},
        {"proxy.models", Kind::StringList, "[]", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Allowed models"),
         QT_TRANSLATE_NOOP(
                 "hako::Settings",
                 "Model IDs, inference-profile IDs or ARNs that sandboxes may call; empty allows any model.")},
        {"proxy.budget.requestsPerMinute", Kind::Integer, "0", 0, 100000,
         QT_TRANSLATE_NOOP("hako::Settings", "Requests per minute"),
         QT_TRANSLATE_NOOP("hako::Settings",
                           "Requests one conversation may send through the proxy in any minute; 0 means no limit.")},
        {"proxy.budget.tokens", Kind::Integer, "0", 0, 1000000000,
         QT_TRANSLATE_NOOP("hako::Settings", "Tokens per conversation"),
         QT_TRANSLATE_NOOP("hako::Settings", "Input and output tokens one conversation may use through the proxy, "
                                             "as Bedrock reports them; 0 means no limit.")},
        {"credentials.source", Kind::String, "profile", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Credential source"),
         QT_TRANSLATE_NOOP("hako::Settings",
                           "Where AWS credentials come from: settings, profile or process; none turns the "
                           "credential proxy off.")},
        {"credentials.accessKeyId", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Access key ID"),
         QT_TRANSLATE_NOOP("hako::Settings", "For the settings source.")},
        {"credentials.secretAccessKey", Kind::String, "", 0, 0,
         QT_TRANSLATE_NOOP("hako::Settings", "Secret access key"),
         QT_TRANSLATE_NOOP("hako::Settings", "For the settings source. Kept in locked memory only.")},
        {"credentials.sessionToken", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Session token"),
         QT_TRANSLATE_NOOP("hako::Settings", "For the settings source, when the key is temporary.")},
        {"credentials.profile", Kind::String, "default", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Profile"),
         QT_TRANSLATE_NOOP("hako::Settings", "Profile name in the shared credentials file.")},
        {"credentials.file", Kind::String, "~/.aws/credentials", 0, 0,
         QT_TRANSLATE_NOOP("hako::Settings", "Credentials file"),
         QT_TRANSLATE_NOOP("hako::Settings", "AWS shared credentials file.")},
        {"credentials.process", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Credential process"),
         QT_TRANSLATE_NOOP("hako::Settings", "Command printing credentials in the credential_process format.")},
        {"credentials.assumeRole", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Role per conversation"),
         QT_TRANSLATE_NOOP("hako::Settings",
                           "IAM role ARN: each conversation gets its own STS session of it, limited to the allowed "
                           "models; the credentials above then sign only the AssumeRole calls.")},
        {"credentials.stsEndpoint", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "STS endpoint"),
         QT_TRANSLATE_NOOP("hako::Settings",
                           "https://HOST of STS for the role sessions, e.g. a VPC endpoint; empty uses "
                           "https://sts.us-east-1.amazonaws.com.")},
        {"admin.listen", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Admin address"),
         QT_TRANSLATE_NOOP("hako::Settings", "HOST:PORT for /metrics and /healthz; empty turns them off.")},
        {"audit.file", Kind::String, "", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Audit log"),
         QT_TRANSLATE_NOOP("hako::Settings",
                           "File receiving one JSON line per tool call and proxy decision; empty turns it off.")},
        {"audit.key", Kind::String, audit::kDefaultKeyFile, 0, 0,
         QT_TRANSLATE_NOOP("hako::Settings", "Audit signing key"),
         QT_TRANSLATE_NOOP("hako::Settings",
                           "Ed25519 key that signs the audit log's checkpoints; created on first use, owner-only.")},
        {"audit.checkpointInterval", Kind::Duration, "900", 10, 86400,
         QT_TRANSLATE_NOOP("hako::Settings", "Audit checkpoint interval"),
         QT_TRANSLATE_NOOP("hako::Settings", "Time between signed checkpoints of the audit log.")},
        {"tripwire.action", Kind::String, "freeze", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Tripwire action"),
         QT_TRANSLATE_NOOP("hako::Settings", "After a tripwire: freeze (calls fail until ended), end, or log.")},
        {"verify.interval", Kind::Duration, "900", 1, 86400, QT_TRANSLATE_NOOP("hako::Settings", "Check interval"),
         QT_TRANSLATE_NOOP("hako::Settings",
                           "Time between runs of the start-up check (docs/operations.md) while the host serves.")},
        {"verify.failOpen", Kind::Bool, "false", 0, 0, QT_TRANSLATE_NOOP("hako::Settings", "Serve on a failed check"),
         QT_TRANSLATE_NOOP("hako::Settings", "Accept calls when the start-up check fails: health is degraded "
                                             "and every call is audited as running on a failed check.")},
        {"tools.timeout", Kind::Duration, kDefaultTimeout.c_str(), 1, 86400,
         QT_TRANSLATE_NOOP("hako::Settings", "Call timeout"),
         QT_TRANSLATE_NOOP("hako::Settings", "How long a tool call may run unless the call sets its own timeout.")},
        {"tools.queueTimeout", Kind::Duration, kDefaultQueueTimeout.c_str(), 1, 86400,
         QT_TRANSLATE_NOOP("hako::Settings", "Queue timeout"),
         QT_TRANSLATE_NOOP("hako::Settings", "How long a call may wait for its conversation's container to be started "
                                             "or found; the call's own timeout starts once it reaches the container.")},
        {"tools.outputLimit", Kind::Size, kDefaultOutputLimit.c_str(), 1024, 1e9,
         QT_TRANSLATE_NOOP("hako::Settings", "Output limit"),
         QT_TRANSLATE_NOOP("hako::Settings", "Bytes kept of each output stream of a call.")},
        {"tools.transferLimit", Kind::Size, kDefaultTransferLimit.c_str(), 1024, 1e11,
         QT_TRANSLATE_NOOP("hako::Settings", "Transfer limit"),
         QT_TRANSLATE_NOOP("hako::Settings", "Largest file read_file and write_file move.")},
};

const Key *findKey(const QString &name)
{
    for (const Key &k : kKeys)
        if (name == QLatin1String(k.name))
            return &k;
    return nullptr;
}

QJsonValue defaultOf(const Key &k)
{
    switch (k.kind) {
    case Kind::Integer:
    case Kind::Duration: return QString::fromLatin1(k.defaultValue).toInt();
    case Kind::Number: return QString::fromLatin1(k.defaultValue).toDouble();
    case Kind::StringList: return QJsonDocument::fromJson(k.defaultValue).array();
    case Kind::Bool: return QLatin1String(k.defaultValue) == QLatin1String("true");
    default: return QString::fromLatin1(k.defaultValue);
    }
}

bool inRange(const Key &k, double v)
{
    return v >= k.minimum && v <= k.maximum;
}

// Values typed on a command line arrive as text: "100", "a,b".
QJsonValue coerce(const Key &k, const QJsonValue &v)
{
    if (k.kind == Kind::String && v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (!v.isString())
        return v;
    if (k.kind == Kind::Integer || k.kind == Kind::Number || k.kind == Kind::Duration) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        return ok ? QJsonValue(d) : v;
    }
    if (k.kind == Kind::StringList)
        return QJsonArray::fromStringList(v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts));
    if (k.kind == Kind::Bool && (v.toString() == QLatin1String("true") || v.toString() == QLatin1String("false")))
        return v.toString() == QLatin1String("true");
    return v;
}

// A limit as the user reads it: durations in days, hours and minutes (the log keeps seconds).
ErrorArg bound(const Key &k, double value)
{
    ErrorArg arg(QString::number(value, 'g', 12));
    if (k.kind == Kind::Duration) {
        arg.log += QStringLiteral(" s");
        arg.message = formatDuration(qint64(value));
    }
    return arg;
}

// Indexed by Kind.
ErrorArg typePhrase(Kind kind)
{
    static const char *const kNames[] = {
            QT_TRANSLATE_NOOP("hako::Errors", "string"),           QT_TRANSLATE_NOOP("hako::Errors", "integer"),
            QT_TRANSLATE_NOOP("hako::Errors", "number"),           QT_TRANSLATE_NOOP("hako::Errors", "size"),
            QT_TRANSLATE_NOOP("hako::Errors", "array of strings"), QT_TRANSLATE_NOOP("hako::Errors", "whole seconds"),
            QT_TRANSLATE_NOOP("hako::Errors", "true or false")};
    return ErrorArg::phrase("hako::Errors", kNames[int(kind)]);
}

// Returns the value normalised to the key's kind, or an error.
Error checkValue(const Key &k, const QJsonValue &value, QJsonValue *normalised)
{
    const QJsonValue v = coerce(k, value);
    const QString name = QString::fromLatin1(k.name);
    switch (k.kind) {
    case Kind::String:
        if (!v.isString())
            return makeError(ErrorCode::SettingType, {name, typePhrase(k.kind)});
        if (v.toString().contains(QChar(0)))
            return makeError(ErrorCode::SettingValue, {name, v.toString()});
        break;
    case Kind::Integer:
    case Kind::Duration:
    case Kind::Number: {
        const bool integral = k.kind != Kind::Number;
        // trunc, not a cast: a cast of a double beyond qint64 is undefined (found by tests/fuzz/settings).
        if (!v.isDouble() || (integral && v.toDouble() != std::trunc(v.toDouble())))
            return makeError(ErrorCode::SettingType, {name, typePhrase(k.kind)});
        if (!inRange(k, v.toDouble()))
            return makeError(ErrorCode::SettingRange, {name, bound(k, k.minimum), bound(k, k.maximum)});
        break;
    }
    case Kind::Size: {
        // Numbers past qint64 are refused before the cast, which would be undefined.
        const bool representable = v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 0x1p62;
        const qint64 bytes = !v.isDouble() ? parseSize(v.toString()) : representable ? qint64(v.toDouble()) : -1;
        if (bytes < 0)
            return makeError(ErrorCode::SettingSize, {name, v.toVariant().toString()});
        if (!inRange(k, double(bytes)))
            return makeError(ErrorCode::SettingRange,
                             {name, QString::number(k.minimum, 'f', 0), QString::number(k.maximum, 'f', 0)});
        break;
    }
    case Kind::Bool:
        if (!v.isBool())
            return makeError(ErrorCode::SettingType, {name, typePhrase(k.kind)});
        break;
    case Kind::StringList: {
        if (!v.isArray())
            return makeError(ErrorCode::SettingType, {name, typePhrase(k.kind)});
        for (const QJsonValue &item : v.toArray())
            if (!item.isString())
                return makeError(ErrorCode::SettingType, {name, typePhrase(k.kind)});
        break;
    }
    }
    *normalised = v;
    return {};
}

qint64 sizeOf(const QJsonValue &v)
{
    return v.isDouble() ? qint64(v.toDouble()) : parseSize(v.toString());
}

} // namespace

Settings Settings::fromJson(const QJsonObject &values, QList<Error> *errors)
{
    QJsonObject merged;
    for (const Key &k : kKeys)
        merged.insert(QLatin1String(k.name), defaultOf(k));
    for (auto it = values.begin(); it != values.end(); ++it) {
        const Key *key = findKey(it.key());
        if (!key) {
            errors->append(makeError(ErrorCode::SettingUnknown, {it.key()}));
            continue;
        }
        QJsonValue normalised;
        if (Error e = checkValue(*key, it.value(), &normalised))
            errors->append(e);
        else
            merged.insert(it.key(), normalised);
    }
    Settings s;
    s.raw = merged;
    auto str = [&](const char *k) { return merged.value(QLatin1String(k)).toString(); };
    auto num = [&](const char *k) { return merged.value(QLatin1String(k)).toDouble(); };
    s.dockerBinary = str("docker.binary");
    s.dockerHost = str("docker.host");
    s.parallelStarts = int(num("docker.parallelStarts"));
    s.runtime = str("runtime");
    s.image = str("image");
    s.cpus = num("limits.cpus");
    s.memoryBytes = sizeOf(merged.value(QLatin1String("limits.memory")));
    s.pids = int(num("limits.pids"));
    s.tmpSizeBytes = sizeOf(merged.value(QLatin1String("limits.tmpSize")));
    s.workspaceSizeBytes = sizeOf(merged.value(QLatin1String("limits.workspaceSize")));
    s.seccompProfile = str("seccomp.profile");
    s.idleTtl = int(num("lifecycle.idleTtl"));
    s.absoluteTtl = int(num("lifecycle.absoluteTtl"));
    s.gcInterval = int(num("lifecycle.gcInterval"));
    s.poolSize = int(num("pool.size"));
    s.poolMin = int(num("pool.min"));
    s.poolMax = int(num("pool.max"));
    s.poolWindow = int(num("pool.window"));
    s.workspacesDir = str("paths.workspaces").isEmpty() ? defaultSettingDir(false) : str("paths.workspaces");
    s.runtimeDir = str("paths.runtime").isEmpty() ? defaultSettingDir(true) : str("paths.runtime");
    s.toolTimeout = int(num("tools.timeout"));
    s.queueTimeout = int(num("tools.queueTimeout"));
    s.outputLimitBytes = sizeOf(merged.value(QLatin1String("tools.outputLimit")));
    s.transferLimitBytes = sizeOf(merged.value(QLatin1String("tools.transferLimit")));
    checkSettingRules(s, str("credentials.source"), errors);
    return s;
}

QJsonObject Settings::schema()
{
    static const char *kTypeNames[] = {"string", "integer", "number", "string", "array", "integer", "boolean"};
    QJsonObject properties;
    for (const Key &k : kKeys) {
        QString help = QCoreApplication::translate("hako::Settings", k.help);
        QJsonObject p{{QStringLiteral("type"), QLatin1String(kTypeNames[int(k.kind)])},
                      {QStringLiteral("default"), defaultOf(k)},
                      {QStringLiteral("title"), QCoreApplication::translate("hako::Settings", k.title)},
                      {QStringLiteral("x-group"), settingGroupOf(QLatin1String(k.name))}};
        if (k.kind == Kind::Duration) {
            // Stored in seconds; people read and enter hours and minutes.
            p.insert(QStringLiteral("x-unit"), QStringLiteral("seconds"));
            // One pattern, so that each language joins the sentences its own way.
            help = QCoreApplication::translate("hako::Settings", "%1 Default: %2.")
                           .arg(help, formatDuration(defaultOf(k).toInteger()));
        }
        p.insert(QStringLiteral("description"), help);
        if (k.kind == Kind::Integer || k.kind == Kind::Number || k.kind == Kind::Duration) {
            p.insert(QStringLiteral("minimum"), k.minimum);
            p.insert(QStringLiteral("maximum"), k.maximum);
        }
        if (k.kind == Kind::Size) {
            p.insert(QStringLiteral("pattern"), QStringLiteral("^[0-9]+[kKmMgGtT]?$"));
            // JSON Schema bounds numbers only; a size's bounds, in bytes, as annotations.
            p.insert(QStringLiteral("x-minimumBytes"), k.minimum);
            p.insert(QStringLiteral("x-maximumBytes"), k.maximum);
        }
        if (k.kind == Kind::StringList)
            p.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
        if (QLatin1String(k.name) == QLatin1String("runtime"))
            p.insert(QStringLiteral("enum"), QJsonArray{QStringLiteral("runc"), QStringLiteral("runsc")});
        if (QLatin1String(k.name) == QLatin1String("credentials.source"))
            p.insert(QStringLiteral("enum"), QJsonArray{QStringLiteral("settings"), QStringLiteral("profile"),
                                                        QStringLiteral("process"), QStringLiteral("none")});
        if (QLatin1String(k.name) == QLatin1String("credentials.secretAccessKey")
            || QLatin1String(k.name) == QLatin1String("credentials.sessionToken"))
            p.insert(QStringLiteral("writeOnly"), true);
        properties.insert(QLatin1String(k.name), p);
    }
    return {{QStringLiteral("$schema"), QStringLiteral("https://json-schema.org/draft/2020-12/schema")},
            {QStringLiteral("title"), QStringLiteral("Hako")},
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("additionalProperties"), false},
            {QStringLiteral("x-groups"), settingGroups()},
            {QStringLiteral("properties"), properties}};
}

} // namespace hako
