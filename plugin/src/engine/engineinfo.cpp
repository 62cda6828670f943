#include "engineinfo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hako {
namespace {

// `podman info`: {"host": {"security": {...}, "cgroupVersion": "v1", "ociRuntime": {...}}, "version": {...}}
EngineInfo fromPodman(const QJsonObject &o)
{
    const QJsonObject host = o.value(QLatin1String("host")).toObject();
    const QJsonObject security = host.value(QLatin1String("security")).toObject();
    EngineInfo info;
    info.known = true;
    info.engine = QStringLiteral("podman");
    info.version = o.value(QLatin1String("version")).toObject().value(QLatin1String("Version")).toString();
    info.rootless = security.value(QLatin1String("rootless")).toBool();
    info.seccomp = security.value(QLatin1String("seccompEnabled")).toBool();
    info.apparmor = security.value(QLatin1String("apparmorEnabled")).toBool();
    info.cgroupDriver = host.value(QLatin1String("cgroupManager")).toString();
    info.cgroupVersion = host.value(QLatin1String("cgroupVersion")).toString().mid(1).toInt();
    info.defaultRuntime = host.value(QLatin1String("ociRuntime")).toObject().value(QLatin1String("name")).toString();
    if (!info.defaultRuntime.isEmpty())
        info.runtimes << info.defaultRuntime;
    return info;
}

// `docker info`: SecurityOptions like "name=seccomp,profile=default", "name=rootless", "name=userns", "name=apparmor".
EngineInfo fromDocker(const QJsonObject &o)
{
    EngineInfo info;
    info.known = true;
    info.engine = QStringLiteral("docker");
    info.version = o.value(QLatin1String("ServerVersion")).toString();
    for (const QJsonValue &option : o.value(QLatin1String("SecurityOptions")).toArray()) {
        const QString name = option.toString().section(QLatin1Char(','), 0, 0);
        info.rootless = info.rootless || name == QLatin1String("name=rootless");
        info.userns = info.userns || name == QLatin1String("name=userns");
        info.seccomp = info.seccomp || name == QLatin1String("name=seccomp");
        info.apparmor = info.apparmor || name == QLatin1String("name=apparmor");
    }
    // userns-remap keeps its store in <data-root>/<uid>.<gid> of the remapped root.
    if (info.userns) {
        const QString root = o.value(QLatin1String("DockerRootDir")).toString().section(QLatin1Char('/'), -1);
        bool ok = false;
        const int uid = root.section(QLatin1Char('.'), 0, 0).toInt(&ok);
        if (ok && root.count(QLatin1Char('.')) == 1 && uid > 0)
            info.remapRootUid = uid;
    }
    info.cgroupDriver = o.value(QLatin1String("CgroupDriver")).toString();
    info.cgroupVersion = o.value(QLatin1String("CgroupVersion")).toString().toInt();
    info.defaultRuntime = o.value(QLatin1String("DefaultRuntime")).toString();
    const QJsonObject runtimes = o.value(QLatin1String("Runtimes")).toObject();
    info.runtimes = runtimes.keys();
    for (auto it = runtimes.begin(); it != runtimes.end(); ++it) {
        QStringList args;
        for (const QJsonValue &arg : it.value().toObject().value(QLatin1String("runtimeArgs")).toArray())
            args << arg.toString();
        info.runtimeArgs.insert(it.key(), args);
    }
    return info;
}

} // namespace

EngineInfo parseEngineInfo(const QByteArray &infoJson)
{
    const QJsonObject o = QJsonDocument::fromJson(infoJson).object();
    if (o.value(QLatin1String("host")).isObject())
        return fromPodman(o);
    // An engine that cannot answer prints an empty ServerVersion and ServerErrors.
    if (!o.value(QLatin1String("ServerVersion")).toString().isEmpty())
        return fromDocker(o);
    return {};
}

QJsonObject EngineInfo::toJson() const
{
    if (!known)
        return {{QStringLiteral("known"), false}};
    return {{QStringLiteral("known"), true},
            {QStringLiteral("engine"), engine},
            {QStringLiteral("version"), version},
            {QStringLiteral("rootless"), rootless},
            {QStringLiteral("userns_remap"), userns},
            {QStringLiteral("userns_root_uid"), remapRootUid},
            {QStringLiteral("seccomp"), seccomp},
            {QStringLiteral("apparmor"), apparmor},
            {QStringLiteral("cgroup_driver"), cgroupDriver},
            {QStringLiteral("cgroup_version"), cgroupVersion},
            {QStringLiteral("default_runtime"), defaultRuntime},
            {QStringLiteral("runtimes"), QJsonArray::fromStringList(runtimes)},
            {QStringLiteral("limits_enforced"), limitsEnforced()},
            {QStringLiteral("socket_root_equivalent"), socketIsRootEquivalent()}};
}

} // namespace hako
