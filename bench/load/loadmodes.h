// The two runs of bench_load. Both get the loaded plugin and the run's
// surroundings, print a human report to stdout and return its JSON.
#pragma once

#include "loadsetup.h"

#include <hako/toolexecutor.h>

#include <QJsonObject>

namespace hako::bench {

struct LoadOptions
{
    int conversations = 100;
    int durationS = 1800; // soak
    double rate = 0;      // calls/s; 0: as fast as the calls come back
    int warmupS = 300;    // soak: samples before this are not in the trend
    int sampleS = 10;     // soak: heap sampling period
    int idleTtlS = 30, gcIntervalS = 10, absoluteTtlS = 600;
    bool proxy = true;
    QJsonObject settings; // limits and anything set with --set
};

struct LoadRun
{
    ToolExecutor *executor = nullptr;
    LoadSetup *setup = nullptr;
    QString instance;
    qint64 heapBeforePlugin = 0; // before the plugin was loaded
    qint64 heapEmptyPlugin = 0;  // configured and started, no conversation yet
};

// Exit status: 0 clean, 1 a failure or a leftover.
int runScale(const LoadRun &run, const LoadOptions &options, QJsonObject *report);
int runSoak(const LoadRun &run, const LoadOptions &options, QJsonObject *report);

// Runs the event loop for `ms`.
void pauseFor(int ms);
double kib(qint64 bytes);

} // namespace hako::bench
