// Where the CPU time of creating containers goes, from outside the plugin:
// this process (the plugin, or the benchmark's own loop), the processes it
// started and waited for (the docker CLI; mkfs.ext4 for Hako's workspaces),
// dockerd, containerd, and the per-container shims (with the runc runs they
// waited for, and the container's own processes that ended). Read before and
// after a phase; the difference, per container, is the profile.
#pragma once

#include <QJsonObject>
#include <QString>

namespace hako::bench {

struct CpuSample
{
    double self = 0, children = 0, dockerd = 0, containerd = 0, shims = 0; // ms
};
// Shims count those alive now: sample before their containers are removed.
CpuSample sampleCpu();

struct CpuProfile
{
    double self = 0, children = 0, dockerd = 0, containerd = 0, shims = 0; // ms per container
    double total() const { return self + children + dockerd + containerd + shims; }
    QJsonObject toJson() const;
};
// Per container over `count` containers; shims counted whole in `after` (new ones since `before`).
CpuProfile profileOf(const CpuSample &before, const CpuSample &after, int count);

} // namespace hako::bench
