// What the start-up check (startcheck.h) last found: one row per check, in
// plain English, and whether calls may run on it. A value, so that health
// (telemetry/healthreport.h) and the plugin read it without the check itself.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hako {

struct CheckRow
{
    QString id; // a verify probe's id: "seccomp.profile", "priv.user", ...
    bool passed = false;
    QString evidence; // what was measured, in English
};

struct CheckState
{
    enum class Phase {
        Off,     // not started: the host never called start()
        Pending, // started, the first run has not finished: calls wait
        Done,    // rows hold the last run's findings
    };
    Phase phase = Phase::Off;
    bool failOpen = false; // verify.failOpen: a failed check degrades instead of refusing
    QDateTime checkedAt;   // end of the last run
    QList<CheckRow> rows;

    QStringList failedRows() const;
    bool failed() const { return phase == Phase::Done && !failedRows().isEmpty(); }
    // Calls are refused: the check failed and failOpen is off.
    bool refuses() const { return failed() && !failOpen; }
    // /healthz's "verify" object.
    QJsonObject toJson() const;
};

} // namespace hako
