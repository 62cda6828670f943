#include "verifyscript.h"

namespace hako::host::verify {
namespace {

constexpr int kOtherLinesKept = 3;

} // namespace

Params standardParams(const Session &session)
{
    const Expected &e = session.expected();
    const QString canary = session.canary();
    return {{QStringLiteral("V_RUNTIME"), e.runtime},
            {QStringLiteral("V_GVISOR"), e.gvisor ? QStringLiteral("1") : QStringLiteral("0")},
            {QStringLiteral("V_PIDS"), QString::number(e.pids)},
            {QStringLiteral("V_MEMORY"), QString::number(e.memoryBytes)},
            {QStringLiteral("V_TMP"), QString::number(e.tmpBytes)},
            {QStringLiteral("V_CPU_PERCENT"), QString::number(qRound(e.cpus * 100))},
            {QStringLiteral("V_PROXY"), QStringLiteral("/var/run/hako/proxy.sock")},
            {QStringLiteral("V_CANARY_A"), canary.left(canary.size() / 2)},
            {QStringLiteral("V_CANARY_B"), canary.mid(canary.size() / 2)}};
}

Outcome scriptOutcome(const ToolReply &reply)
{
    Outcome o;
    o.ms = reply.ms;
    if (reply.error) {
        o.evidence << QStringLiteral("FAIL: the probe did not run: ") + reply.summary();
        return o;
    }
    QStringList others;
    for (const QString &line : reply.stdoutText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("ok: ")) || line.startsWith(QLatin1String("FAIL: ")))
            o.evidence << line;
        else if (line.startsWith(QLatin1String("note: ")))
            o.notes << line.mid(6).trimmed();
        else
            others << line;
    }
    o.evidence += others.mid(qMax(0, others.size() - kOtherLinesKept));
    o.notes.removeDuplicates();
    const int status = reply.exitCode();
    // Any FAIL line fails the probe, whatever the exit status says.
    o.passed = status == 0 && !o.evidence.join(QLatin1Char('\n')).contains(QLatin1String("FAIL: "));
    const QString err = reply.result.value(QLatin1String("stderr")).toString().trimmed();
    if (status != 0 && status != 1)
        o.evidence << QStringLiteral("FAIL: the probe broke (%1): %2").arg(reply.summary(), err.right(300));
    else if (!o.passed && !o.evidence.join(QLatin1Char('\n')).contains(QLatin1String("FAIL: ")))
        o.evidence << QStringLiteral("FAIL: the probe exited %1 without a finding: %2").arg(status).arg(err.right(300));
    return o;
}

Outcome runScript(Session &session, Tenant tenant, const QString &name, const Params &extra, int timeoutSeconds)
{
    return scriptOutcome(session.bash(tenant, scriptCommand(name, standardParams(session) + extra), timeoutSeconds));
}

} // namespace hako::host::verify
