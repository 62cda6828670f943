// bench_pool --burst N: an adaptive pool (pool.min 1, pool.max N) after a
// warm-up of N new conversations arriving one after another, then a burst of
// N new conversations at once. Their first-call p50 against a warm call (a
// call in a conversation whose container runs), both in the same run.
#pragma once

#include <hako/toolexecutor.h>

#include <QJsonObject>

namespace hako::bench {

// Prints a report; `json` gets the figures. False with `failure` set when a call failed.
bool runBurst(ToolExecutor *executor, const QJsonObject &paths, int burst, QJsonObject *json, QString *failure);

} // namespace hako::bench
