#include "seccompprofile.h"

#include "errors.h"
#include "seccompfilter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <seccomp.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>

namespace hako {
namespace {

using seccomp::ArchGroup;
using seccomp::kArgCount;
using seccomp::Profile;
using seccomp::Rule;

constexpr int kMaxErrno = 4095; // the kernel's MAX_ERRNO

// The architectures whose names every profile must know: the hosts Hako runs on.
const struct
{
    uint32_t token;
    const char *name;
} kRequiredArches[] = {{SCMP_ARCH_X86_64, "x86_64"}, {SCMP_ARCH_AARCH64, "aarch64"}};

QString at(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString at(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

Error fieldError(const QString &path)
{
    return makeError(ErrorCode::SeccompField, {path});
}

QString quoted(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// Docker (encoding/json) ignores keys it does not know, so a misspelt key
// would silently drop a setting; here it is an error.
Error checkKeys(const QJsonObject &object, const QSet<QString> &known, const QString &path)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!known.contains(it.key()))
            return fieldError(at(path, it.key()));
    return {};
}

// JSON numbers are doubles; integers up to 2^64 are accepted exactly when Qt
// kept them as integers and otherwise when the double is integral.
bool toUint64(const QJsonValue &v, quint64 *out)
{
    if (!v.isDouble())
        return false;
    const qint64 i = v.toInteger(-1);
    if (i >= 0) {
        *out = quint64(i);
        return true;
    }
    const double d = v.toDouble();
    if (d < 0 || d >= 18446744073709551616.0 || std::floor(d) != d)
        return false;
    *out = quint64(d);
    return true;
}

// SCMP_ACT_NOTIFY is not accepted: a profile handed to docker has no listener
// for the notifications (Hako's agent installs its own notifying filter).
Error parseAction(const QJsonObject &object, const QString &path, const QString &actionKey, const QString &errnoKey,
                  uint32_t *out)
{
    const QJsonValue action = object.value(actionKey);
    if (!action.isString())
        return fieldError(at(path, actionKey));
    const QString name = action.toString();
    const bool takesErrno = name == QLatin1String("SCMP_ACT_ERRNO") || name == QLatin1String("SCMP_ACT_TRACE");
    quint64 errnoRet = EPERM; // what runc uses when errnoRet is absent
    const QJsonValue errnoValue = object.value(errnoKey);
    if (!errnoValue.isUndefined()) {
        if (!toUint64(errnoValue, &errnoRet))
            return fieldError(at(path, errnoKey));
        if (!takesErrno || errnoRet > kMaxErrno)
            return makeError(ErrorCode::SeccompBadValue, {at(path, errnoKey), quoted(errnoValue)});
    }
    if (name == QLatin1String("SCMP_ACT_ALLOW"))
        *out = SCMP_ACT_ALLOW;
    else if (name == QLatin1String("SCMP_ACT_ERRNO"))
        *out = SCMP_ACT_ERRNO(uint32_t(errnoRet));
    else if (name == QLatin1String("SCMP_ACT_TRACE"))
        *out = SCMP_ACT_TRACE(uint32_t(errnoRet));
    else if (name == QLatin1String("SCMP_ACT_KILL") || name == QLatin1String("SCMP_ACT_KILL_THREAD"))
        *out = SCMP_ACT_KILL_THREAD;
    else if (name == QLatin1String("SCMP_ACT_KILL_PROCESS"))
        *out = SCMP_ACT_KILL_PROCESS;
    else if (name == QLatin1String("SCMP_ACT_TRAP"))
        *out = SCMP_ACT_TRAP;
    else if (name == QLatin1String("SCMP_ACT_LOG"))
        *out = SCMP_ACT_LOG;
    else
        return makeError(ErrorCode::SeccompBadAction, {at(path, actionKey), name});
    return {};
}

Error parseArch(const QJsonValue &value, const QString &path, uint32_t *token)
{
    const QString name = value.toString();
    if (!value.isString())
        return fieldError(path);
    const QLatin1String prefix("SCMP_ARCH_");
    *token = name.startsWith(prefix)
                     ? seccomp_arch_resolve_name(name.mid(prefix.size()).toLower().toLatin1().constData())
                     : 0;
    if (*token == 0)
        return makeError(ErrorCode::SeccompBadValue, {path, quoted(value)});
    return {};
}

Error parseArchGroups(const QJsonObject &root, Profile *profile)
{
    const QJsonValue archMap = root.value(QLatin1String("archMap"));
    const QJsonValue architectures = root.value(QLatin1String("architectures"));
    if (!archMap.isUndefined() && !architectures.isUndefined())
        return fieldError(QStringLiteral("architectures")); // docker refuses both at once
    if (!architectures.isUndefined()) {
        if (!architectures.isArray())
            return fieldError(QStringLiteral("architectures"));
        ArchGroup group;
        const QJsonArray list = architectures.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            uint32_t token = 0;
            if (Error e = parseArch(list.at(i), at(QStringLiteral("architectures"), i), &token))
                return e;
            group.tokens.push_back(token);
            group.label += (i ? QStringLiteral("+") : QString()) + list.at(i).toString();
        }
        if (!group.tokens.empty())
            profile->groups.push_back(group);
    }
    if (!archMap.isUndefined()) {
        if (!archMap.isArray())
            return fieldError(QStringLiteral("archMap"));
        const QJsonArray list = archMap.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = at(QStringLiteral("archMap"), i);
            const QJsonObject entry = list.at(i).toObject();
            if (!list.at(i).isObject())
                return fieldError(path);
            if (Error e = checkKeys(entry, {QStringLiteral("architecture"), QStringLiteral("subArchitectures")}, path))
                return e;
            ArchGroup group;
            uint32_t token = 0;
            if (Error e = parseArch(entry.value(QLatin1String("architecture")),
                                    at(path, QStringLiteral("architecture")), &token))
                return e;
            group.tokens.push_back(token);
            group.label = entry.value(QLatin1String("architecture")).toString();
            const QJsonValue subs = entry.value(QLatin1String("subArchitectures"));
            if (!subs.isUndefined() && !subs.isArray())
                return fieldError(at(path, QStringLiteral("subArchitectures")));
            const QJsonArray subList = subs.toArray();
            for (qsizetype j = 0; j < subList.size(); ++j) {
                if (Error e = parseArch(subList.at(j), at(at(path, QStringLiteral("subArchitectures")), j), &token))
                    return e;
                group.tokens.push_back(token);
                group.label += QLatin1Char('+') + subList.at(j).toString();
            }
            profile->groups.push_back(group);
        }
    }
    if (profile->groups.empty()) // docker then filters the host's own architecture only
        profile->groups.push_back({QStringLiteral("native"), {seccomp_arch_native()}});
    return {};
}

Error parseOperator(const QJsonValue &value, const QString &path, scmp_compare *op)
{
    static const QHash<QString, scmp_compare> kOperators = {
            {QStringLiteral("SCMP_CMP_NE"), SCMP_CMP_NE},
            {QStringLiteral("SCMP_CMP_LT"), SCMP_CMP_LT},
            {QStringLiteral("SCMP_CMP_LE"), SCMP_CMP_LE},
            {QStringLiteral("SCMP_CMP_EQ"), SCMP_CMP_EQ},
            {QStringLiteral("SCMP_CMP_GE"), SCMP_CMP_GE},
            {QStringLiteral("SCMP_CMP_GT"), SCMP_CMP_GT},
            {QStringLiteral("SCMP_CMP_MASKED_EQ"), SCMP_CMP_MASKED_EQ},
    };
    if (!value.isString())
        return fieldError(path);
    const auto it = kOperators.find(value.toString());
    if (it == kOperators.end())
        return makeError(ErrorCode::SeccompBadOperator, {path, value.toString()});
    *op = it.value();
    return {};
}

Error parseArgs(const QJsonValue &value, const QString &path, std::vector<scmp_arg_cmp> *out)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        return fieldError(path);
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString argPath = at(path, i);
        if (!list.at(i).isObject())
            return fieldError(argPath);
        const QJsonObject arg = list.at(i).toObject();
        if (Error e = checkKeys(arg,
                                {QStringLiteral("index"), QStringLiteral("value"), QStringLiteral("valueTwo"),
                                 QStringLiteral("op")},
                                argPath))
            return e;
        quint64 index = 0, datumA = 0, datumB = 0;
        if (!toUint64(arg.value(QLatin1String("index")), &index))
            return fieldError(at(argPath, QStringLiteral("index")));
        if (index >= kArgCount)
            return makeError(ErrorCode::SeccompBadValue,
                             {at(argPath, QStringLiteral("index")), quoted(arg.value(QLatin1String("index")))});
        if (!toUint64(arg.value(QLatin1String("value")), &datumA))
            return fieldError(at(argPath, QStringLiteral("value")));
        const QJsonValue two = arg.value(QLatin1String("valueTwo"));
        if (!two.isUndefined() && !toUint64(two, &datumB))
            return fieldError(at(argPath, QStringLiteral("valueTwo")));
        scmp_compare op = SCMP_CMP_EQ;
        if (Error e = parseOperator(arg.value(QLatin1String("op")), at(argPath, QStringLiteral("op")), &op))
            return e;
        out->push_back({unsigned(index), op, datumA, datumB});
    }
    return {};
}

Error parseNames(const QJsonObject &entry, const QString &path, QStringList *names)
{
    const QJsonValue single = entry.value(QLatin1String("name")); // older profiles: one name per entry
    const QJsonValue list = entry.value(QLatin1String("names"));
    if (single.isString() && list.isUndefined()) {
        *names = {single.toString()};
    } else if (list.isArray() && single.isUndefined() && !list.toArray().isEmpty()) {
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                return fieldError(at(at(path, QStringLiteral("names")), i));
            names->append(array.at(i).toString());
        }
    } else {
        return fieldError(at(path, QStringLiteral("names")));
    }
    for (qsizetype i = 0; i < names->size(); ++i) {
        const QString namePath =
                list.isArray() ? at(at(path, QStringLiteral("names")), i) : at(path, QStringLiteral("name"));
        for (const auto &arch : kRequiredArches)
            if (seccomp_syscall_resolve_name_arch(arch.token, names->at(i).toLatin1().constData()) == __NR_SCMP_ERROR)
                return makeError(ErrorCode::SeccompUnknownSyscall, {namePath, names->at(i), QLatin1String(arch.name)});
    }
    return {};
}

Error parseRules(const QJsonObject &root, Profile *profile)
{
    const QJsonValue syscalls = root.value(QLatin1String("syscalls"));
    if (syscalls.isUndefined() || syscalls.isNull())
        return {};
    if (!syscalls.isArray())
        return fieldError(QStringLiteral("syscalls"));
    const QJsonArray list = syscalls.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = at(QStringLiteral("syscalls"), i);
        if (!list.at(i).isObject())
            return fieldError(path);
        const QJsonObject entry = list.at(i).toObject();
        if (Error e = checkKeys(entry,
                                {QStringLiteral("name"), QStringLiteral("names"), QStringLiteral("action"),
                                 QStringLiteral("errnoRet"), QStringLiteral("args"), QStringLiteral("comment"),
                                 QStringLiteral("includes"), QStringLiteral("excludes")},
                                path))
            return e;
        for (const char *key : {"includes", "excludes"}) {
            const QJsonValue v = entry.value(QLatin1String(key));
            if (!v.isUndefined() && !v.isObject())
                return fieldError(at(path, QLatin1String(key)));
        }
        QStringList names;
        if (Error e = parseNames(entry, path, &names))
            return e;
        Rule rule;
        rule.path = path;
        if (Error e = parseAction(entry, path, QStringLiteral("action"), QStringLiteral("errnoRet"), &rule.action))
            return e;
        if (Error e = parseArgs(entry.value(QLatin1String("args")), at(path, QStringLiteral("args")), &rule.args))
            return e;
        for (const QString &name : names) {
            rule.name = name;
            profile->rules.push_back(rule);
        }
    }
    return {};
}

} // namespace

Error validateSeccompProfile(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return makeError(ErrorCode::SeccompEmpty);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::SeccompNotJson, {},
                         QStringLiteral("(a JSON error at offset %1)").arg(parseError.offset));
    if (!doc.isObject())
        return makeError(ErrorCode::SeccompNotJson);
    const QJsonObject root = doc.object();
    if (Error e = checkKeys(root,
                            {QStringLiteral("defaultAction"), QStringLiteral("defaultErrnoRet"),
                             QStringLiteral("architectures"), QStringLiteral("archMap"), QStringLiteral("syscalls")},
                            QString()))
        return e;
    Profile profile;
    if (Error e = parseAction(root, QString(), QStringLiteral("defaultAction"), QStringLiteral("defaultErrnoRet"),
                              &profile.defaultAction))
        return e;
    if (Error e = parseArchGroups(root, &profile))
        return e;
    if (Error e = parseRules(root, &profile))
        return e;
    if (Error e = seccomp::checkShadowing(profile))
        return e;
    return seccomp::compileFilters(profile);
}

} // namespace hako
