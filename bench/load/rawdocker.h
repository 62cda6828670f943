// The engine's own speed, measured in the same run as Hako's: `docker run -d`
// of the workspace image with nothing of Hako's (no hardening, no workspace,
// no agent), then `docker rm -f` of them, at a given parallelism. Every
// container carries a label of this run, so that only they are removed.
#pragma once

#include "cpuprobe.h"

#include <QString>

namespace hako::bench {

struct RawRate
{
    int started = 0; // containers that came up
    double startSeconds = 0;
    double removeSeconds = 0;
    CpuProfile cpu; // of the starts, per container
    double startsPerSecond() const { return startSeconds > 0 ? started / startSeconds : 0; }
};

// `count` containers of `image`, `parallel` CLI processes at once; removed
// again in batches of `parallel` names per `docker rm -f`.
RawRate measureRawDocker(const QString &image, int count, int parallel);
// Two measurements as one: a run before and one after Hako's, so that a
// machine whose load changes meanwhile weighs on both sides alike.
RawRate combined(const RawRate &a, const RawRate &b);

} // namespace hako::bench
