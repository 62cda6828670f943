// Round trip of a `bash` tool call through the plugin against `docker exec`
// on the very same container (issue 2, must-show 6).
//
//   plugin       ToolExecutor::call(conv, id, "bash", {"command":"echo hi"}),
//                timed from call() to ToolCall::finished(): a builtin of the
//                conversation's waiting shell
//   /bin/true    the same with {"command":"/bin/true"}: one fork+exec by the shell
//   docker exec  `docker exec <container> echo hi` run with QProcess, timed
//                from start() to QProcess::finished()
//   spawn cost   what the shell itself takes to fork, exec and reap /bin/true
//                in that container, timed by the shell ($EPOCHREALTIME around
//                it) in a call of its own: the floor under the /bin/true series
//
// The plugin is loaded from build/plugins/libhako.so with the host stub's own
// loader (host-stub/common/pluginhost.cpp) and configured with paths.runtime and
// paths.workspaces in a fresh temporary directory, so it has an instance ID,
// and therefore containers, of its own. The first call creates the container
// and is reported apart (cold start); a few warm-up pairs follow, then N
// measured pairs whose order alternates, so both sides share the machine's
// noise. Targets: builtin p50 at least 200x below docker exec p50, builtin p99
// at most 3x its p50, /bin/true p50 at most 1.3x the shell's own spawn cost.
//
// Usage: bench_roundtrip [--iterations N] [--profile]   (N defaults to 200)
// Prints a table, then one JSON line (the last line of stdout).
//
// --profile adds a breakdown of the plugin's time, for finding where it goes:
//   direct       the same Call sent to the agent by a blocking client on its
//                own connection to agent.sock, without Qt or the plugin: the
//                agent's and the shell's share of the round trip. It performs
//                the handshake as the plugin does, with the container's key
//                derived as the plugin derives it (channel/agentproof.h).
//   first output when the Stdout chunk "hi" reached the host, i.e. the shell
//                was running; the rest is its exit, the reaping and the Result
//   agent        the duration_ms the agent reports (spawn to end, whole ms)
//   plugin after docker / plugin first: the plugin's samples split by whether
//                a docker exec ran just before, to show any after-effect of it
//   accounting   from /proc, per call: CPU time, time waiting for a CPU and
//                page faults of the agent (PID 1 of the container) and of the
//                shells it reaped, and of this process per iteration
// Exit status: 0 when every call succeeded, whatever the figures; 1 if a call
// failed; 2 if the set-up failed. The container and the temporary directory
// are removed in every case, Ctrl-C included.
#include "benchdocker.h"
#include "benchstats.h"
#include "channel/agentproof.h"
#include "engine/containerpolicy.h"
#include "common/pluginhost.h"

#include <hako/protocol/wire.h>
#include <hako/toolcall.h>
#include <hako/toolexecutor.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>

using hako::ToolCall;
using hako::ToolExecutor;
using hako::bench::cleanUp;
using hako::bench::docker;
using hako::bench::instanceFilter;
using hako::bench::msSince;
using hako::bench::Stats;
using hako::bench::statsOf;

namespace {

constexpr int kDefaultIterations = 200;
constexpr int kWarmupPairs = 10;
constexpr double kTargetRatio = 200.0;
constexpr double kTargetTail = 3.0;  // builtin p99 / p50
constexpr double kTargetSpawn = 1.3; // /bin/true round trip p50 / the shell's own fork+exec p50
const QString kConversation = QStringLiteral("bench-roundtrip");
const QString kCommand = QStringLiteral("echo hi");
const QByteArray kExpected = "hi\n";
const QString kExternal = QStringLiteral("/bin/true");
// Prints the microseconds the shell took to fork, exec and reap /bin/true.
const QString kSpawnProbe = QStringLiteral("s=$EPOCHREALTIME; /bin/true; e=$EPOCHREALTIME; "
                                           "echo $(( (${e/./} - ${s/./}) ))");

volatile std::sig_atomic_t g_interrupted = 0;

void onSignal(int)
{
    g_interrupted = 1;
}

struct Sample
{
    double ms = 0;
    double firstOutputMs = -1; // plugin only: when the Stdout chunk arrived
    double agentMs = -1;       // plugin and direct: duration_ms of the agent's Result
    QString failure;           // empty when the call did what was asked
};

// The plugin's key for a conversation: the first 32 hex digits of its SHA-256.
QString conversationKey()
{
    return QString::fromLatin1(
            QCryptographicHash::hash(kConversation.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

// One `bash` call through the plugin, from call() to finished(). `expected`:
// the stdout it must print; empty: any, kept in `stdout`.
Sample pluginCall(ToolExecutor *executor, int index, const QString &command = kCommand,
                  const QByteArray &expected = kExpected, QByteArray *stdoutText = nullptr)
{
    QEventLoop loop;
    Sample sample;
    QElapsedTimer timer;
    timer.start();
    ToolCall *call = executor->call(kConversation, QStringLiteral("bench-%1").arg(index), QStringLiteral("bash"),
                                    {{QStringLiteral("command"), command}});
    QObject::connect(call, &ToolCall::output, &loop, [&] {
        if (sample.firstOutputMs < 0)
            sample.firstOutputMs = msSince(timer);
    });
    QObject::connect(call, &ToolCall::finished, &loop, [&] {
        sample.ms = msSince(timer);
        loop.quit();
    });
    loop.exec();
    const QJsonObject result = call->result();
    const QByteArray out = result.value(QLatin1String("stdout")).toString().toUtf8();
    if (call->error())
        sample.failure = call->error().code + QStringLiteral(": ") + call->error().logMessage;
    else if (result.value(QLatin1String("exit_code")).toInt(-1) != 0 || (!stdoutText && out != expected))
        sample.failure = QStringLiteral("unexpected result ")
                         + QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact));
    if (stdoutText)
        *stdoutText = out;
    sample.agentMs = result.value(QLatin1String("duration_ms")).toDouble(-1);
    delete call;
    return sample;
}

// The shell's own fork+exec+wait of /bin/true in ms, as it timed it; -1 when it printed no number.
double spawnProbe(ToolExecutor *executor, int index, QString *failure)
{
    QByteArray out;
    const Sample s = pluginCall(executor, index, kSpawnProbe, {}, &out);
    bool ok = false;
    const double us = out.trimmed().toDouble(&ok);
    if (!s.failure.isEmpty() || !ok)
        *failure = s.failure.isEmpty() ? QStringLiteral("spawn probe printed ") + QString::fromUtf8(out) : s.failure;
    return ok ? us / 1000.0 : -1;
}

// One `docker exec <container> echo hi`, from QProcess::start() to finished().
Sample dockerExec(const QString &container)
{
    QEventLoop loop;
    QProcess process;
    Sample sample;
    QElapsedTimer timer;
    QObject::connect(&process, &QProcess::finished, &loop, [&] {
        sample.ms = msSince(timer);
        loop.quit();
    });
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            sample.ms = msSince(timer);
            sample.failure = QStringLiteral("docker: ") + process.errorString();
            loop.quit();
        }
    });
    timer.start();
    process.start(QStringLiteral("docker"),
                  {QStringLiteral("exec"), container, QStringLiteral("echo"), QStringLiteral("hi")});
    loop.exec();
    if (sample.failure.isEmpty()
        && (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0
            || process.readAllStandardOutput() != kExpected))
        sample.failure =
                QStringLiteral("docker exec failed: ") + QString::fromLocal8Bit(process.readAllStandardError());
    return sample;
}

// A blocking client of the agent's own protocol (docs/protocol.md), on a
// connection of its own: what a call costs without Qt and the plugin.
class DirectClient
{
public:
    ~DirectClient()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    // `keyHex`: the container's HAKO_AGENT_KEY, which the agent must prove.
    bool open(const QString &socketPath, const QByteArray &keyHex, QString *error)
    {
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(socketPath);
        if (size_t(path.size()) >= sizeof addr.sun_path)
            return fail(error, QStringLiteral("socket path too long"));
        std::memcpy(addr.sun_path, path.constData(), size_t(path.size()) + 1);
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            return fail(error, socketPath + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno)));
        const QByteArray challenge = hako::newChallenge();
        const QByteArray hello =
                QJsonDocument(QJsonObject{{QStringLiteral("version"), int(hako::proto::kVersion)},
                                          {QStringLiteral("challenge"), QString::fromLatin1(challenge)}})
                        .toJson(QJsonDocument::Compact);
        if (!send(kHello, 0, hello))
            return fail(error, QStringLiteral("cannot send Hello"));
        quint8 type = 0;
        quint32 id = 0;
        QByteArray payload;
        if (!receive(&type, &id, &payload) || type != kHello)
            return fail(error, QStringLiteral("no Hello from the agent: ") + QString::fromUtf8(payload));
        const QByteArray proof =
                QJsonDocument::fromJson(payload).object().value(QLatin1String("proof")).toString().toLatin1();
        if (!hako::proofMatches(keyHex, challenge, proof))
            return fail(error, QStringLiteral("the agent's proof does not match the container's key"));
        return true;
    }

    Sample call(quint32 id)
    {
        // The same request the plugin sends for this call.
        const QByteArray request =
                QJsonDocument(QJsonObject{{QStringLiteral("tool"), QStringLiteral("bash")},
                                          {QStringLiteral("input"), QJsonObject{{QStringLiteral("command"), kCommand}}},
                                          {QStringLiteral("timeout_ms"), 120000},
                                          {QStringLiteral("output_limit"), 1048576}})
                        .toJson(QJsonDocument::Compact);
        Sample sample;
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        if (!send(kCall, id, request)) {
            sample.failure = QStringLiteral("direct: cannot send");
            return sample;
        }
        for (;;) {
            quint8 type = 0;
            quint32 frameId = 0;
            QByteArray payload;
            if (!receive(&type, &frameId, &payload)) {
                sample.failure = QStringLiteral("direct: connection lost");
                return sample;
            }
            if (frameId != id)
                continue;
            if (type == kStdout)
                out += payload;
            if (type == kResult || type == kError) {
                sample.ms = msSince(timer);
                const QJsonObject result = QJsonDocument::fromJson(payload).object();
                sample.agentMs = result.value(QLatin1String("duration_ms")).toDouble(-1);
                if (type == kError || out != kExpected || result.value(QLatin1String("exit_code")).toInt(-1) != 0)
                    sample.failure = QStringLiteral("direct: unexpected answer ") + QString::fromUtf8(payload);
                return sample;
            }
        }
    }

private:
    static constexpr quint8 kHello = 1, kCall = 2, kStdout = 6, kResult = 8, kError = 9;

    static bool fail(QString *error, const QString &message)
    {
        *error = QStringLiteral("direct client: ") + message;
        return false;
    }

    bool send(quint8 type, quint32 id, const QByteArray &payload)
    {
        QByteArray frame(9, '\0');
        const quint32 length = quint32(payload.size());
        for (int i = 0; i < 4; ++i) {
            frame[i] = char(length >> (24 - 8 * i));
            frame[5 + i] = char(id >> (24 - 8 * i));
        }
        frame[4] = char(type);
        frame += payload;
        return writeAll(frame.constData(), size_t(frame.size()));
    }

    bool receive(quint8 *type, quint32 *id, QByteArray *payload)
    {
        unsigned char header[9];
        if (!readAll(header, sizeof header))
            return false;
        const auto be32 = [](const unsigned char *p) {
            return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
        };
        *type = header[4];
        *id = be32(header + 5);
        payload->resize(qsizetype(be32(header)));
        return readAll(payload->data(), size_t(payload->size()));
    }

    bool writeAll(const char *data, size_t size)
    {
        while (size > 0) {
            const ssize_t n = ::send(m_fd, data, size, MSG_NOSIGNAL);
            if (n <= 0 && errno != EINTR)
                return false;
            if (n > 0) {
                data += n;
                size -= size_t(n);
            }
        }
        return true;
    }

    bool readAll(void *buffer, size_t size)
    {
        auto *p = static_cast<char *>(buffer);
        while (size > 0) {
            const ssize_t n = ::read(m_fd, p, size);
            if (n == 0 || (n < 0 && errno != EINTR))
                return false;
            if (n > 0) {
                p += n;
                size -= size_t(n);
            }
        }
        return true;
    }

    int m_fd = -1;
};

// The container's name, computed as the plugin does (hako-<instance>-<key>) and
// checked against what the engine reports for this instance.
QString findContainer(const QString &runtimeDir, QString *error)
{
    const QString instanceId = hako::bench::instanceId(runtimeDir);
    if (instanceId.isEmpty()) {
        *error = QStringLiteral("no instance ID in ") + runtimeDir;
        return {};
    }
    const QString expected = QStringLiteral("hako-%1-%2").arg(instanceId, conversationKey());
    const QString listed = docker({QStringLiteral("ps"), QStringLiteral("--filter"), instanceFilter(instanceId),
                                   QStringLiteral("--format"), QStringLiteral("{{.Names}}")});
    if (listed != expected) {
        *error = QStringLiteral("expected one running container %1 for instance %2, docker ps lists: %3")
                         .arg(expected, instanceId, listed.isEmpty() ? QStringLiteral("none") : listed);
        return {};
    }
    return expected;
}

// The container's HAKO_AGENT_KEY, derived as the plugin derives it: from the
// host secret in the runtime directory and the container's nonce label.
QByteArray containerAgentKey(const QString &runtimeDir, const QString &container, QString *error)
{
    const QString nonce = docker(
            {QStringLiteral("inspect"), QStringLiteral("-f"),
             QStringLiteral("{{index .Config.Labels \"%1\"}}").arg(QLatin1String(hako::label::kNonce)), container});
    QByteArray secret;
    const hako::Error secretError = hako::loadOrCreateHostSecret(runtimeDir, &secret);
    if (nonce.isEmpty() || secret.isEmpty()) {
        *error = QStringLiteral("no agent key for %1: nonce '%2', %3")
                         .arg(container, nonce, secretError ? secretError.logMessage : QStringLiteral("secret read"));
        return {};
    }
    return hako::agentKey(secret, nonce.toLatin1());
}

void printRow(const char *label, const Stats &s)
{
    std::printf("  %-28s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f\n", label, s.p50, s.p90, s.p99, s.mean, s.min, s.max);
}

int usage(const char *message)
{
    if (message)
        std::fprintf(stderr, "bench_roundtrip: %s\n", message);
    std::fprintf(stderr, "usage: bench_roundtrip [--iterations N] [--profile]   (N >= 1, default %d)\n",
                 kDefaultIterations);
    return 2;
}

// CPU and scheduler accounting of a process, from /proc: its own CPU time,
// that of its reaped children, and the time it ran and waited to run.
struct ProcTimes
{
    double cpuMs = 0, childCpuMs = 0, runMs = 0, waitMs = 0, faults = 0, childFaults = 0;

    static ProcTimes of(const QString &pid)
    {
        ProcTimes t;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        QFile sched(QStringLiteral("/proc/%1/schedstat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly) || !sched.open(QIODevice::ReadOnly))
            return t;
        // Fields after the command name, which ends with the last ')': state is field 3.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        const double tick = 1000.0 / double(::sysconf(_SC_CLK_TCK));
        if (f.size() > 14) {
            t.faults = f[7].toDouble();                                  // minflt
            t.childFaults = f[8].toDouble();                             // cminflt
            t.cpuMs = (f[11].toDouble() + f[12].toDouble()) * tick;      // utime, stime
            t.childCpuMs = (f[13].toDouble() + f[14].toDouble()) * tick; // cutime, cstime
        }
        const QList<QByteArray> s = sched.readAll().trimmed().split(' ');
        if (s.size() >= 2) {
            t.runMs = s[0].toDouble() / 1e6;
            t.waitMs = s[1].toDouble() / 1e6;
        }
        return t;
    }

    ProcTimes perCall(const ProcTimes &before, int calls) const
    {
        const double n = qMax(1, calls);
        return {(cpuMs - before.cpuMs) / n,   (childCpuMs - before.childCpuMs) / n,
                (runMs - before.runMs) / n,   (waitMs - before.waitMs) / n,
                (faults - before.faults) / n, (childFaults - before.childFaults) / n};
    }

    QJsonObject toJson() const
    {
        const auto r = [](double v) { return std::round(v * 1000.0) / 1000.0; };
        return {{QStringLiteral("cpu_ms"), r(cpuMs)},       {QStringLiteral("children_cpu_ms"), r(childCpuMs)},
                {QStringLiteral("on_cpu_ms"), r(runMs)},    {QStringLiteral("runqueue_wait_ms"), r(waitMs)},
                {QStringLiteral("page_faults"), r(faults)}, {QStringLiteral("children_page_faults"), r(childFaults)}};
    }
};

struct Run
{
    double coldMs = 0;
    QString container;
    QList<double> plugin;
    QList<double> external; // /bin/true through the plugin
    QList<double> spawn;    // the shell's own fork+exec of /bin/true
    QList<double> exec;
    QString failure;
    // --profile only
    QList<double> direct, firstOutput, agent, directAgent, pluginFirst, pluginAfterExec;
    ProcTimes agentPerCall; // the agent (PID 1 of the container) serves the plugin's and the direct calls, a mean over
                            // all
    ProcTimes selfPerPair;  // this process: plugin, Qt, QProcess handling and the direct client
};

Run measure(ToolExecutor *executor, const QString &runtimeDir, int iterations, bool profile)
{
    Run run;
    const Sample cold = pluginCall(executor, 0);
    run.coldMs = cold.ms;
    if (!cold.failure.isEmpty()) {
        run.failure = QStringLiteral("first call: ") + cold.failure;
        return run;
    }
    run.container = findContainer(runtimeDir, &run.failure);
    if (run.container.isEmpty())
        return run;
    DirectClient direct;
    if (profile) {
        const QByteArray key = containerAgentKey(runtimeDir, run.container, &run.failure);
        if (key.isEmpty()
            || !direct.open(runtimeDir + QStringLiteral("/sockets/") + conversationKey()
                                    + QStringLiteral("/agent.sock"),
                            key, &run.failure))
            return run;
    }
    const QString agentPid = profile ? docker({QStringLiteral("inspect"), QStringLiteral("-f"),
                                               QStringLiteral("{{.State.Pid}}"), run.container})
                                     : QString();
    const QString selfPid = QString::number(QCoreApplication::applicationPid());
    ProcTimes agentBefore, selfBefore;
    int index = 1;
    for (int i = 0; i < kWarmupPairs + iterations && !g_interrupted; ++i) {
        if (profile && i == kWarmupPairs) {
            agentBefore = ProcTimes::of(agentPid);
            selfBefore = ProcTimes::of(selfPid);
        }
        // Alternate which side goes first, so neither always follows the other.
        Sample p, t, d, x;
        if (i % 2 == 0) {
            p = pluginCall(executor, index++);
            t = pluginCall(executor, index++, kExternal, {});
            d = dockerExec(run.container);
            if (profile)
                x = direct.call(quint32(i + 1));
        } else {
            if (profile)
                x = direct.call(quint32(i + 1));
            d = dockerExec(run.container);
            t = pluginCall(executor, index++, kExternal, {});
            p = pluginCall(executor, index++);
        }
        const double spawnMs = spawnProbe(executor, index++, &run.failure);
        if (spawnMs < 0)
            return run;
        for (const Sample *s : {&p, &t, &d, &x}) {
            if (!s->failure.isEmpty()) {
                run.failure = QStringLiteral("iteration %1: %2").arg(i).arg(s->failure);
                return run;
            }
        }
        if (i >= kWarmupPairs) {
            run.plugin << p.ms;
            run.external << t.ms;
            run.spawn << spawnMs;
            run.exec << d.ms;
            if (profile) {
                run.direct << x.ms;
                run.firstOutput << p.firstOutputMs;
                run.agent << p.agentMs;
                run.directAgent << x.agentMs;
                (i % 2 == 0 ? run.pluginFirst : run.pluginAfterExec) << p.ms;
            }
        }
    }
    if (profile) {
        // Per round: the builtin, /bin/true and the spawn probe through the plugin, and the direct call.
        run.agentPerCall = ProcTimes::of(agentPid).perCall(agentBefore, 4 * int(run.plugin.size()));
        run.selfPerPair = ProcTimes::of(selfPid).perCall(selfBefore, int(run.plugin.size()));
    }
    if (g_interrupted)
        run.failure = QStringLiteral("interrupted");
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int iterations = kDefaultIterations;
    bool profile = false;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString value;
        if (args[i] == QLatin1String("--profile")) {
            profile = true;
            continue;
        }
        if (args[i] == QLatin1String("--iterations") && i + 1 < args.size())
            value = args[++i];
        else if (args[i].startsWith(QLatin1String("--iterations=")))
            value = args[i].mid(13);
        else if (args[i] == QLatin1String("-h") || args[i] == QLatin1String("--help"))
            return usage(nullptr), 0;
        else
            return usage(qPrintable(QStringLiteral("unknown argument %1").arg(args[i])));
        bool ok = false;
        iterations = value.toInt(&ok);
        if (!ok || iterations < 1)
            return usage("--iterations needs a positive integer");
    }

    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/hako-bench-XXXXXX"));
    if (!temp.isValid())
        return usage(qPrintable(QStringLiteral("cannot create a temporary directory: ") + temp.errorString()));
    const QString runtimeDir = temp.filePath(QStringLiteral("run"));

    hako::host::PluginHost host;
    if (const hako::Error e = host.load(QString())) {
        std::fprintf(stderr, "bench_roundtrip: %s\n", qPrintable(e.logMessage));
        return 2;
    }
    ToolExecutor *executor = host.executor();
    const QList<hako::Error> problems =
            executor->configure({{QStringLiteral("paths.runtime"), runtimeDir},
                                 {QStringLiteral("paths.workspaces"), temp.filePath(QStringLiteral("workspaces"))}});
    for (const hako::Error &e : problems)
        std::fprintf(stderr, "bench_roundtrip: configure: %s\n", qPrintable(e.logMessage));
    if (!problems.isEmpty())
        return 2;

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    const Run run = measure(executor, runtimeDir, iterations, profile);
    cleanUp(executor, runtimeDir, "bench_roundtrip");
    if (!run.failure.isEmpty()) {
        std::fprintf(stderr, "bench_roundtrip: %s\n", qPrintable(run.failure));
        return run.plugin.isEmpty() && run.container.isEmpty() ? 2 : 1;
    }

    const Stats plugin = statsOf(run.plugin);
    const Stats external = statsOf(run.external);
    const Stats spawn = statsOf(run.spawn);
    const Stats exec = statsOf(run.exec);
    const double ratio = plugin.p50 > 0 ? exec.p50 / plugin.p50 : 0;
    const double tail = plugin.p50 > 0 ? plugin.p99 / plugin.p50 : 0;
    const double spawnRatio = spawn.p50 > 0 ? external.p50 / spawn.p50 : 0;
    const bool ratioMet = ratio >= kTargetRatio, tailMet = tail <= kTargetTail, spawnMet = spawnRatio <= kTargetSpawn;
    const bool met = ratioMet && tailMet && spawnMet;

    std::printf("bench_roundtrip: %d iterations (after %d warm-up rounds), alternating order\n", iterations,
                kWarmupPairs);
    std::printf("  plugin:    %s\n  container: %s\n", qPrintable(host.path()), qPrintable(run.container));
    std::printf("  cold start (first call, creates the container): %.1f ms\n\n", run.coldMs);
    std::printf("  %-28s %9s %9s %9s %9s %9s %9s\n", "all times in ms", "p50", "p90", "p99", "mean", "min", "max");
    printRow("plugin bash `echo hi`", plugin);
    printRow("plugin bash `/bin/true`", external);
    printRow("shell's own fork+exec true", spawn);
    printRow("docker exec echo hi", exec);
    QJsonObject profileJson;
    if (profile) {
        const Stats direct = statsOf(run.direct), first = statsOf(run.firstOutput), agent = statsOf(run.agent),
                    directAgent = statsOf(run.directAgent), pluginFirst = statsOf(run.pluginFirst),
                    pluginAfter = statsOf(run.pluginAfterExec);
        std::printf("  profile:\n");
        printRow("direct agent client", direct);
        printRow("plugin: first output", first);
        printRow("plugin: agent duration_ms", agent);
        printRow("direct: agent duration_ms", directAgent);
        printRow("plugin, ran first in pair", pluginFirst);
        printRow("plugin, right after docker", pluginAfter);
        const ProcTimes &a = run.agentPerCall, &b = run.selfPerPair;
        std::printf("  agent per call (mean): cpu %.2f ms, on cpu %.2f ms, waiting for a cpu %.2f ms,"
                    " %.0f page faults\n",
                    a.cpuMs, a.runMs, a.waitMs, a.faults);
        std::printf("  its bash per call (mean): cpu %.2f ms, %.0f page faults\n", a.childCpuMs, a.childFaults);
        std::printf("  this process per iteration (mean): cpu %.2f ms, on cpu %.2f ms, waiting for a cpu %.2f ms,"
                    " %.0f page faults\n",
                    b.cpuMs, b.runMs, b.waitMs, b.faults);
        profileJson = {{QStringLiteral("agent_per_call"), a.toJson()},
                       {QStringLiteral("bench_process_per_iteration"), b.toJson()},
                       {QStringLiteral("direct"), direct.toJson()},
                       {QStringLiteral("plugin_first_output"), first.toJson()},
                       {QStringLiteral("plugin_agent_duration"), agent.toJson()},
                       {QStringLiteral("direct_agent_duration"), directAgent.toJson()},
                       {QStringLiteral("plugin_first_in_pair"), pluginFirst.toJson()},
                       {QStringLiteral("plugin_after_docker_exec"), pluginAfter.toJson()}};
    }
    const auto verdict = [](bool ok) { return ok ? "met" : "MISSED"; };
    std::printf("\n  docker exec p50 / builtin p50:          %7.1fx   target >= %.0fx: %s\n", ratio, kTargetRatio,
                verdict(ratioMet));
    std::printf("  builtin p99 / builtin p50:              %7.2fx   target <= %.1fx: %s\n", tail, kTargetTail,
                verdict(tailMet));
    std::printf("  /bin/true p50 / shell's fork+exec p50:  %7.2fx   target <= %.1fx: %s\n\n", spawnRatio, kTargetSpawn,
                verdict(spawnMet));

    QJsonObject json = {
            {QStringLiteral("benchmark"), QStringLiteral("roundtrip")},
            {QStringLiteral("iterations"), iterations},
            {QStringLiteral("warmup_pairs"), kWarmupPairs},
            {QStringLiteral("command"), kCommand},
            {QStringLiteral("cold_start_ms"), std::round(run.coldMs * 10.0) / 10.0},
            {QStringLiteral("plugin"), plugin.toJson()},
            {QStringLiteral("external"), external.toJson()},
            {QStringLiteral("spawn_cost"), spawn.toJson()},
            {QStringLiteral("docker_exec"), exec.toJson()},
            {QStringLiteral("ratio_p50"), std::round(ratio * 10.0) / 10.0},
            {QStringLiteral("target_ratio"), kTargetRatio},
            {QStringLiteral("tail_ratio"), std::round(tail * 100.0) / 100.0},
            {QStringLiteral("target_tail_ratio"), kTargetTail},
            {QStringLiteral("spawn_ratio"), std::round(spawnRatio * 100.0) / 100.0},
            {QStringLiteral("target_spawn_ratio"), kTargetSpawn},
            {QStringLiteral("target_met"), met},
    };
    if (profile)
        json.insert(QStringLiteral("profile"), profileJson);
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
