#include "seccomplayers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hako {

namespace {

const QLatin1String kErrno("SCMP_ACT_ERRNO");

// The entry as the agent's layer takes it: what to match and which errno to answer.
QJsonObject agentRule(const QJsonObject &entry, int defaultErrno)
{
    QJsonObject rule{{QStringLiteral("names"), entry.value(QLatin1String("names"))},
                     {QStringLiteral("errnoRet"), entry.value(QLatin1String("errnoRet")).toInt(defaultErrno)}};
    if (entry.contains(QLatin1String("args")))
        rule.insert(QStringLiteral("args"), entry.value(QLatin1String("args")));
    return rule;
}

// SCMP_ACT_TRACE hands the call on: the agent's notification outranks it. With
// nothing stacked under it (docker exec, an agent that died) no tracer can
// attach, and the call fails with ENOSYS: still denied, only not counted.
QJsonObject passedDown(QJsonObject entry)
{
    entry.insert(QStringLiteral("action"), QStringLiteral("SCMP_ACT_TRACE"));
    entry.remove(QStringLiteral("errnoRet"));
    entry.insert(QStringLiteral("comment"), QStringLiteral("Denied and counted by hako-agent's seccomp layer: ")
                                                    + entry.value(QLatin1String("comment")).toString());
    return entry;
}

} // namespace

SeccompLayers splitSeccompProfile(const QByteArray &profile)
{
    QJsonObject docker = QJsonDocument::fromJson(profile).object();
    // Without an errnoRet the kernel's answer for SCMP_ACT_ERRNO is EPERM.
    const int defaultErrno = docker.value(QLatin1String("defaultErrnoRet")).toInt(1);
    QJsonArray entries, rules;
    QStringList counted;
    for (const QJsonValue &value : docker.value(QLatin1String("syscalls")).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QLatin1String("action")).toString() != kErrno) {
            entries.append(entry);
            continue;
        }
        rules.append(agentRule(entry, defaultErrno));
        entries.append(passedDown(entry));
        for (const QJsonValue &name : entry.value(QLatin1String("names")).toArray())
            counted.append(name.toString());
    }
    docker.insert(QStringLiteral("syscalls"), entries);
    counted.sort();
    counted.removeDuplicates();
    return {QJsonDocument(docker).toJson(QJsonDocument::Indented), QJsonDocument(rules).toJson(QJsonDocument::Compact),
            counted};
}

} // namespace hako
