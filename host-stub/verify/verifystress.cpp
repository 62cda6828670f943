#include "verifystress.h"

#include "verifyscript.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <algorithm>

namespace hako::host::verify {
namespace {

constexpr int kBombSeconds = 8;

// The conversation answers a fresh call; after a destructive probe this shows
// that what broke (if anything) stayed inside its sandbox.
void expectAnswers(Outcome &o, Session &s, Tenant t, const QString &who)
{
    const ToolReply r = s.bash(t, QStringLiteral("echo alive"), 60);
    o.check(!r.error && r.stdoutText() == QLatin1String("alive\n"),
            QStringLiteral("%1 answers afterwards (%2, %3 ms)").arg(who, r.summary()).arg(r.ms));
}

// Tasks of the bomb may still be exiting while /proc is walked (gVisor reaps
// them more slowly than runc): a process that vanishes midway is skipped, and
// an answer that is not a count is -1 rather than a plausible zero.
int tasksIn(Session &s, Tenant t)
{
    const ToolReply r = s.bash(t,
                               QStringLiteral("python3 -c 'import os\n"
                                              "n = 0\n"
                                              "for p in filter(str.isdigit, os.listdir(\"/proc\")):\n"
                                              "    try: n += len(os.listdir(f\"/proc/{p}/task\"))\n"
                                              "    except OSError: pass\n"
                                              "print(n)'"),
                               60);
    bool ok = false;
    const int n = r.stdoutText().trimmed().toInt(&ok);
    return r.error || !ok ? -1 : n;
}

// What is left of the bomb drains within seconds once its call is over.
int tasksAfterBomb(Session &s, Tenant t)
{
    int left = -1;
    s.waitFor(
            [&] {
        left = tasksIn(s, t);
        return left > 0 && left < 10;
            },
            10000);
    return left;
}

} // namespace

Outcome memoryBomb(Session &s)
{
    const ToolReply r = s.bash(Tenant::Scratch, scriptCommand(QStringLiteral("res-memory"), standardParams(s)), 300);
    Outcome o = scriptOutcome(r);
    o.evidence.removeIf([](const QString &line) { return line.startsWith(QLatin1String("FAIL: the probe")); });
    const bool killed = r.result.value(QLatin1String("oom_killed")).toBool() || r.exitCode() == 137;
    // gVisor: the host's OOM killer ends the Sentry, so the agent is gone with it.
    const bool sandboxEnded = s.expected().gvisor && r.error;
    o.passed = !r.stdoutText().contains(QLatin1String("FAIL: allocated all")) && (killed || sandboxEnded);
    o.evidence << (o.passed ? QStringLiteral("ok: ") : QStringLiteral("FAIL: "))
                          + QStringLiteral("the allocation was stopped: %1, oom_killed %2")
                                    .arg(r.summary(), r.result.value(QLatin1String("oom_killed")).toBool()
                                                              ? QStringLiteral("true")
                                                              : QStringLiteral("false"));
    if (sandboxEnded)
        o.notes << QStringLiteral("gvisor-oom-sandbox");
    expectAnswers(o, s, Tenant::Scratch, QStringLiteral("the conversation"));
    expectAnswers(o, s, Tenant::Main, QStringLiteral("another conversation"));
    return o;
}

Outcome forkBomb(Session &s)
{
    Outcome o = runScript(s, Tenant::Scratch, QStringLiteral("res-forkbound"), {}, 120);
    if (!o.passed) {
        o.evidence << QStringLiteral(
                "FAIL: the real fork bomb was not started: no process limit stopped the bounded attempt");
        return o;
    }
    const ToolReply bomb =
            s.bash(Tenant::Scratch, scriptCommand(QStringLiteral("res-forkbomb"), standardParams(s)), kBombSeconds);
    o.check(bomb.timedOut() || !bomb.error,
            QStringLiteral("fork bomb for %1 s, then the call's timeout killed it: %2 after %3 ms")
                    .arg(kBombSeconds)
                    .arg(bomb.summary())
                    .arg(bomb.ms));
    expectAnswers(o, s, Tenant::Scratch, QStringLiteral("the conversation"));
    const int left = tasksAfterBomb(s, Tenant::Scratch);
    o.check(left > 0 && left < 10, QStringLiteral("%1 tasks left in the sandbox").arg(left));
    expectAnswers(o, s, Tenant::Main, QStringLiteral("another conversation"));
    if (s.expected().gvisor)
        o.notes << QStringLiteral("gvisor-host-tasks");
    return o;
}

Outcome agentSignals(Session &s)
{
    const ToolReply r = s.bash(Tenant::Scratch, scriptCommand(QStringLiteral("sys-agent"), standardParams(s)), 60);
    Outcome o = scriptOutcome(r);
    if (r.error && s.expected().gvisor) {
        // gVisor does not shield its init from its own tasks' SIGKILL.
        o = Outcome::start();
        o.check(true, QStringLiteral("the agent was killed with the sandbox (%1)").arg(r.summary()));
        o.notes << QStringLiteral("gvisor-init-signals");
    }
    expectAnswers(o, s, Tenant::Scratch, QStringLiteral("the conversation"));
    expectAnswers(o, s, Tenant::Main, QStringLiteral("another conversation"));
    return o;
}

Outcome removeEverything(Session &s)
{
    Outcome o = runScript(s, Tenant::Scratch, QStringLiteral("fs-rmrf"), {}, 600);
    QFile secret(s.workspaceOnHost(Tenant::Neighbour) + QLatin1Char('/') + s.secretFileName());
    o.check(secret.open(QIODevice::ReadOnly) && secret.readAll() == s.secret().toUtf8(),
            QStringLiteral("the neighbour's workspace on the host is intact"));
    o.check(QDir(s.privateRoot()).exists(QStringLiteral("run/instance-id")),
            QStringLiteral("the host's runtime directory is intact"));
    expectAnswers(o, s, Tenant::Scratch, QStringLiteral("the conversation"));
    return o;
}

Outcome othersUnharmed(Session &s)
{
    Outcome o = Outcome::start();
    expectAnswers(o, s, Tenant::Main, QStringLiteral("the main conversation"));
    expectAnswers(o, s, Tenant::Neighbour, QStringLiteral("the neighbour conversation"));
    const ToolReply r =
            s.call(Tenant::Neighbour, QStringLiteral("read_file"), {{QStringLiteral("path"), s.secretFileName()}});
    o.check(r.result.value(QLatin1String("content")).toString() == s.secret(),
            QStringLiteral("the neighbour's file is unchanged"));
    return o;
}

Outcome containerLayer(Session &s)
{
    Outcome o = Outcome::start();
    const QJsonObject container = s.inspect(Tenant::Main);
    const CommandRun diff = s.docker({QStringLiteral("diff"), container.value(QLatin1String("Id")).toString()});
    // Docker itself creates the mount points (and their parents) in the layer at start.
    QStringList mountPoints;
    for (const QJsonValue &m : container.value(QLatin1String("Mounts")).toArray())
        mountPoints << m.toObject().value(QLatin1String("Destination")).toString();
    QStringList changes;
    for (const QString &line : QString::fromUtf8(diff.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString path = line.mid(2);
        const bool forMount = std::any_of(mountPoints.begin(), mountPoints.end(), [&path](const QString &m) {
            return m == path || m.startsWith(path + QLatin1Char('/'));
        });
        if (!forMount)
            changes << line;
    }
    o.check(diff.exitCode == 0 && changes.isEmpty(),
            QStringLiteral("docker diff after every probe: %1")
                    .arg(changes.isEmpty() ? QStringLiteral("only the mount points docker made")
                                           : changes.join(QLatin1String("; ")).left(300)));
    return o;
}

Outcome sandboxFilter(Session &s)
{
    Outcome o = Outcome::start();
    const int pid =
            s.inspect(Tenant::Main).value(QLatin1String("State")).toObject().value(QLatin1String("Pid")).toInt();
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    QString seccomp, nnp;
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("Seccomp:"))
                seccomp = QString::fromLatin1(line.mid(8).trimmed());
            if (line.startsWith("NoNewPrivs:"))
                nnp = QString::fromLatin1(line.mid(11).trimmed());
        }
    const QString what = s.expected().gvisor ? QStringLiteral("the gVisor Sentry") : QStringLiteral("the agent");
    o.check(seccomp == QLatin1String("2"), QStringLiteral("host pid %1 (%2): Seccomp %3").arg(pid).arg(what, seccomp));
    o.check(nnp == QLatin1String("1"), QStringLiteral("host pid %1: NoNewPrivs %2").arg(pid).arg(nnp));
    if (s.expected().gvisor)
        o.notes << QStringLiteral("gvisor-sentry-filter");
    return o;
}

} // namespace hako::host::verify
