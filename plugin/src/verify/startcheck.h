// The start-up check: the part of `hako-host verify` that finishes within
// seconds, run when the host starts (before it accepts calls) and then every
// verify.interval. Two rows are read on the host: the seccomp files handed to
// the engine and the agent still hold what configure() wrote (a permissive
// profile put in their place would otherwise reach every new container), and
// the AppArmor profile the configuration applies is still loaded and
// enforcing. Three rows are measured inside a throwaway sandbox started with
// the configured runtime, by verify's own probe scripts: tools run as the
// configured user, the sandbox has no network, and namespace-creating system
// calls are refused. A failed row refuses calls (ErrorCode::VerifyFailed)
// unless verify.failOpen is set (docs/operations.md).
#pragma once

#include "checkstate.h"

#include "../hostpaths.h"

#include <hako/error.h>

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace hako {

class StartCheck final : public QObject
{
    Q_OBJECT
public:
    using ProbeDone = std::function<void(const Error &error, const QJsonObject &result)>;
    // Runs `command` with the bash tool in a sandbox of its own, removed
    // afterwards; `done` is not called once `context` is gone.
    using SandboxProbe = std::function<void(const QString &command, QObject *context, ProbeDone done)>;

    struct Inputs
    {
        SeccompFiles seccomp;
        QString appArmorProfile; // empty where the configuration applies none
        QString runtime;
        int intervalSeconds = 0;
        bool failOpen = false;
        QString sysfs = QStringLiteral("/sys"); // tests point it at a fixture
    };

    StartCheck(Inputs inputs, SandboxProbe probe, QObject *parent = nullptr);

    // The first run now, then one every interval; a run in progress is not doubled.
    void start();
    const CheckState &state() const { return m_state; }
    // A null Error when a call may run now; VerifyFailed naming the failed rows
    // when the check refuses calls. Callers wait for finished() while pending.
    Error refusal() const;
    bool pending() const { return m_state.phase == CheckState::Phase::Pending; }
    // A run is in progress: its sandbox may exist, or be about to.
    bool running() const { return !m_run.isNull(); }

Q_SIGNALS:
    void finished(); // after each run

private:
    void run();
    void onProbe(QObject *run, const Error &error, const QJsonObject &result);
    void finish(QObject *run, const QList<CheckRow> &sandboxRows);
    QList<CheckRow> hostRows() const;

    const Inputs m_inputs;
    SandboxProbe m_probe;
    QTimer m_timer;
    QPointer<QObject> m_run; // the run in progress; its callbacks die with it
    QList<CheckRow> m_hostRows;
    CheckState m_state;
};

} // namespace hako
