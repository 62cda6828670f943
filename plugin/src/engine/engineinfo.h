// What the container engine behind docker.binary is and which protections it
// puts in force, read from `docker info` / `podman info` JSON. Health and
// `hako-host doctor` report it; nothing here runs a process.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace hako {

struct EngineInfo
{
    bool known = false; // the info output was understood
    QString engine;     // "docker" or "podman"
    QString version;
    bool rootless = false; // the engine runs as an unprivileged user
    bool userns = false;   // rootful docker with userns-remap
    int remapRootUid = -1; // under userns-remap: the host uid of container root (DockerRootDir's "UID.GID")
    bool seccomp = false;  // the engine applies seccomp profiles
    bool apparmor = false; // containers get an AppArmor profile
    QString cgroupDriver;  // cgroupfs or systemd
    int cgroupVersion = 0;
    QString defaultRuntime;
    QStringList runtimes;                   // registered OCI runtimes (podman lists none in `info`)
    QMap<QString, QStringList> runtimeArgs; // docker: each runtime's runtimeArgs from daemon.json

    // Rootless engines on cgroup v1 cannot delegate cgroups: Podman drops
    // --memory, --cpu-*, --pids-limit with a warning, Docker refuses them.
    bool limitsEnforced() const { return !(rootless && cgroupVersion == 1); }
    // Anyone who can reach a rootful engine's API is root on the host.
    bool socketIsRootEquivalent() const { return known && !rootless; }
    QJsonObject toJson() const;
};

// `docker info` / `podman info --format '{{json .}}'`; known is false when it is neither.
EngineInfo parseEngineInfo(const QByteArray &infoJson);

} // namespace hako
