#include "telemetry.h"

#include "../logging.h"
#include "adminserver.h"
#include "calloutcome.h"
#include "healthmonitor.h"
#include "../engine/containerengine.h"
#include "../instanceconfig.h"
#include "../lifecycle/reaper.h"
#include "../lifecycle/sandbox.h"
#include "../verify/startcheck.h"
#include "../policy/conversationid.h"
#include "../policy/errors.h"
#include "../proxy/credentialproxy.h"
#include "../proxy/rolesessions.h"
#include "../tripwire/tripwires.h"

#include <hako/toolcall.h>

namespace hako::telemetry {
namespace {

// A loop of refused calls in a sandbox writes a line per call and sandbox this often, at most.
constexpr qint64 kViolationLineIntervalMs = 10000;

} // namespace

Telemetry::Telemetry(QObject *parent)
    : QObject(parent), m_health(new HealthMonitor(&m_metrics, this)),
      m_admin(new AdminServer([this] { return metricsText(); }, [this] { return health(); }, this)),
      m_violationLines(kViolationLineIntervalMs)
{
    m_violationFlush.setInterval(int(kViolationLineIntervalMs));
    connect(&m_violationFlush, &QTimer::timeout, this, [this] {
        writeHeldViolations(m_violationLines.due());
        if (m_violationLines.isEmpty())
            m_violationFlush.stop();
    });
    connect(&m_checkpoints, &QTimer::timeout, this, [this] { m_audit.checkpoint(); });
}

// What was held back is written before the process goes.
Telemetry::~Telemetry()
{
    writeHeldViolations(m_violationLines.drain());
}

QList<Error> Telemetry::configure(const Settings &settings)
{
    const QString listen = settings.raw.value(QLatin1String("admin.listen")).toString();
    ListenAddress address;
    if (!listen.isEmpty() && !parseListenAddress(listen, &address))
        return {makeError(ErrorCode::SettingValue, {QStringLiteral("admin.listen"), listen})};
    if (Error error = m_audit.open(settings.raw.value(QLatin1String("audit.file")).toString(),
                                   settings.raw.value(QLatin1String("audit.key")).toString()))
        return {error};
    m_checkpoints.start(settings.raw.value(QLatin1String("audit.checkpointInterval")).toInt() * 1000);
    const bool changed = listen != m_listen;
    m_listen = listen;
    if (m_started && changed)
        serve();
    return {};
}

void Telemetry::attach(const InstanceConfig &config, ContainerEngine &engine, proxy::CredentialProxy &proxy)
{
    m_config = &config;
    m_health->attach(config, engine, proxy);
    connect(&engine, &ContainerEngine::commandFailed, this,
            [this](const QString &operation) { m_metrics.dockerError(operation); });
    connect(&proxy, &proxy::CredentialProxy::securityEvent, this,
            [this](const QString &type) { m_metrics.securityEvent(type); });
    connect(&proxy, &proxy::CredentialProxy::decision, this,
            [this](const QString &decision, const QString &reason, qint64 upstreamMs, const QString &socketPath,
                   const QString &rule) {
        m_metrics.proxyDecision(decision, reason, upstreamMs);
        m_audit.proxyDecision(conversationOf(m_proxySockets.value(socketPath)), decision, reason, upstreamMs, rule);
    });
    connect(proxy.credentials(), &proxy::CredentialSource::failed, this,
            [this] { m_metrics.credentialRefreshFailed(); });
    connect(&proxy, &proxy::CredentialProxy::tokensUsed, this,
            [this](qint64 input, qint64 output) { m_metrics.proxyTokens(input, output); });
    if (proxy::RoleSessions *sessions = proxy.roleSessions())
        connect(sessions, &proxy::RoleSessions::assumeRoleFailed, this, [this] { m_metrics.assumeRoleFailed(); });
}

void Telemetry::watchCall(ToolCall *call)
{
    QElapsedTimer clock;
    clock.start();
    const QString conversationId = call->conversationId();
    const QString callId = call->callId();
    const QString tool = WorkspaceMetrics::toolLabel(call->tool());
    const auto record = [this, conversationId, callId, tool, clock](const QJsonObject &result, const Error &error) {
        // A call refused by the check did not run on it; one that ran while it had failed did.
        const bool ranOnFailedCheck = m_check && m_check->state().failed() && m_check->state().failOpen;
        // The agent reports refusals before its Result: a call's own are all in by now, and
        // what was held back is written with the call, not only at the next interval.
        if (!validateConversationId(conversationId))
            writeHeldViolations(m_violationLines.drain(conversationKey(conversationId) + QLatin1Char('/')));
        const CallOutcome o = callOutcome(result, error);
        m_metrics.toolCall(tool, o.outcome, double(clock.nsecsElapsed()) / 1e9);
        m_audit.toolCall({conversationId, callId, tool, o.outcome, clock.elapsed(), o.exitCode, o.errorCode,
                          ranOnFailedCheck ? m_check->state().failedRows() : QStringList()});
    };
    // A handle deleted before finished() cancelled its call: that is recorded
    // too, when its child `watch` goes with it.
    auto *watch = new QObject(call);
    connect(watch, &QObject::destroyed, this, [record] { record({}, makeError(ErrorCode::Cancelled)); });
    // Its context is this part: a call may outlive the plugin that made it.
    connect(call, &ToolCall::finished, this, [this, watch, call, record] {
        disconnect(watch, &QObject::destroyed, this, nullptr);
        watch->deleteLater();
        record(call->result(), call->error());
    });
    if (!validateConversationId(call->conversationId()))
        m_conversations.insert(conversationKey(call->conversationId()), call->conversationId());
}

void Telemetry::watchSandbox(Sandbox *sandbox, const QString &key)
{
    m_proxySockets.insert(sandbox->paths().proxySocket, key);
    connect(sandbox, &Sandbox::containerCreated, this,
            [this] { m_metrics.containerCreated(m_config->settings.runtime); });
    connect(sandbox, &Sandbox::containersRemoved, this, &Telemetry::containersRemoved);
    connect(sandbox, &Sandbox::securityEvent, this, [this, key](const QString &type) {
        m_metrics.securityEvent(type);
        m_audit.securityEvent(conversationOf(key), type);
    });
    connect(sandbox, &Sandbox::seccompViolation, this, [this, key](const QString &syscall) {
        // A bounded set of labels (call names and "other"), so the throttle's table stays small.
        const QString label = WorkspaceMetrics::syscallLabel(syscall);
        m_metrics.seccompViolation(label);
        if (const qint64 count = m_violationLines.record(key + QLatin1Char('/') + label))
            writeViolation(key, label, count);
        if (!m_violationFlush.isActive())
            m_violationFlush.start();
    });
}

void Telemetry::writeViolation(const QString &key, const QString &syscall, qint64 count)
{
    if (count == 1)
        qCWarning(lcAgent).noquote() << "seccomp denied" << QLatin1Char('"') + syscall + QLatin1Char('"')
                                     << "in sandbox" << key;
    else
        qCWarning(lcAgent).noquote() << "seccomp denied" << QLatin1Char('"') + syscall + QLatin1Char('"') << count
                                     << "times in sandbox" << key << "since its last line";
    m_audit.seccompViolation(conversationOf(key), syscall, count);
}

void Telemetry::writeHeldViolations(const QList<EventThrottle::Line> &lines)
{
    for (const EventThrottle::Line &line : lines) {
        const qsizetype slash = line.key.lastIndexOf(QLatin1Char('/'));
        writeViolation(line.key.left(slash), line.key.mid(slash + 1), line.count);
    }
}

void Telemetry::watchReaper(Reaper *reaper)
{
    connect(reaper, &Reaper::swept, this, [this](const GcReport &report) {
        m_metrics.gcRun(!report.error, double(report.durationMs) / 1000, report.time.toSecsSinceEpoch());
        for (const Reaping &r : report.removed)
            m_metrics.containersDestroyed(r.reason, 1);
        m_health->gcFinished(report);
    });
}

void Telemetry::tripwire(const QString &key, const QString &source, const QString &action)
{
    ++m_tripwires;
    m_metrics.tripwire(source);
    m_metrics.securityEvent(QStringLiteral("tripwire"));
    m_audit.tripwire(conversationOf(key), source, action);
}

void Telemetry::containersRemoved(const QString &reason, int count)
{
    m_metrics.containersDestroyed(reason, count);
}

void Telemetry::start()
{
    m_started = true;
    m_health->start();
    serve();
}

void Telemetry::stop()
{
    m_audit.checkpoint();
    m_started = false;
    m_health->stop();
    m_admin->close();
}

void Telemetry::serve()
{
    ListenAddress address;
    if (m_listen.isEmpty() || !parseListenAddress(m_listen, &address))
        m_admin->close();
    else if (const Error error = m_admin->listen(address))
        qCCritical(lcAdmin).noquote() << error.logMessage;
    m_health->setAdminAddress(m_admin->address());
}

QJsonObject Telemetry::health() const
{
    // A process that never started (doctor, a host asking once) gets one probe;
    // its result shows in a later call.
    if (!m_started)
        m_health->probeOnce();
    m_health->setCheck(m_check ? m_check->state() : CheckState());
    QJsonObject health = m_health->report();
    health.insert(QStringLiteral("instance"), m_config ? m_config->instanceId : QString());
    health.insert(QStringLiteral("agent"), m_config ? m_config->agentBinary : QString());
    health.insert(QStringLiteral("tripwires"),
                  QJsonObject{{QStringLiteral("tripped"), m_tripwires},
                              {QStringLiteral("frozen"), m_config ? Tripwires::frozenCount(*m_config) : 0}});
    return health;
}

} // namespace hako::telemetry
