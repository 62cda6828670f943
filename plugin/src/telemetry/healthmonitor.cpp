#include "healthmonitor.h"

#include "../engine/containerengine.h"
#include "../instanceconfig.h"
#include "../lifecycle/reaper.h"
#include "../logging.h"
#include "../proxy/credentialproxy.h"
#include "workspacemetrics.h"

#include <QCryptographicHash>
#include <QFile>

namespace hako::telemetry {
namespace {

// Sweeps this many intervals apart mean GC stopped.
constexpr int kStaleIntervals = 3;

QString fileSha256(const QString &path)
{
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

HealthMonitor::HealthMonitor(WorkspaceMetrics *metrics, QObject *parent) : QObject(parent), m_metrics(metrics)
{
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::probe);
}

void HealthMonitor::attach(const InstanceConfig &config, ContainerEngine &engine, proxy::CredentialProxy &proxy)
{
    m_config = &config;
    m_engine = &engine;
    m_proxy = &proxy;
}

int HealthMonitor::intervalMs() const
{
    return qMax(1, m_config ? m_config->settings.gcInterval : 1) * 1000;
}

void HealthMonitor::start()
{
    m_startedAt = QDateTime::currentSecsSinceEpoch();
    m_timer.start(intervalMs());
    probe();
}

void HealthMonitor::stop()
{
    m_timer.stop();
}

void HealthMonitor::gcFinished(const GcReport &report)
{
    m_lastGc = report.time;
    m_facts.lastGc = report.toJson();
    m_facts.gcFailed = bool(report.error);
}

void HealthMonitor::probe()
{
    if (m_run || !m_engine)
        return;
    if (m_timer.isActive() && m_timer.interval() != intervalMs())
        m_timer.start(intervalMs()); // a new configuration changed the period
    // A child of the engine: when a new configuration replaces it, this probe's callbacks never come.
    QObject *run = new QObject(m_engine);
    m_run = run;
    // Bounded by the interval, so that a hung engine shows within one.
    const int timeoutMs = qBound(2000, intervalMs(), 10000);
    m_engine->probe(timeoutMs, run,
                    [this, run](const Error &error, const EngineInfo &info) { onEngine(run, error, info); });
}

void HealthMonitor::probeOnce()
{
    if (!m_facts.checkedAt.isValid())
        probe();
}

void HealthMonitor::onEngine(QObject *run, const Error &error, const EngineInfo &info)
{
    m_facts.engineReachable = !error;
    m_facts.engineError = error ? error.message : QString();
    if (!error)
        m_facts.engine = info;
    m_metrics->setDockerUp(!error);
    if (error) {
        m_facts.containers.clear();
        return finish(run);
    }
    const QMap<QString, QString> owned = {{QLatin1String(label::kManaged), QStringLiteral("true")},
                                          {QLatin1String(label::kInstance), m_config->instanceId}};
    m_engine->list(owned, run, [this, run](const Error &listError, const QList<ContainerInfo> &found) {
        if (listError)
            m_facts.engineReachable = false;
        onContainers(run, found);
    });
}

void HealthMonitor::onContainers(QObject *run, const QList<ContainerInfo> &found)
{
    QMap<QString, int> states;
    QList<ContainerInfo> running;
    for (const ContainerInfo &c : found) {
        ++states[c.state.isEmpty() ? QStringLiteral("unknown") : c.state];
        if (c.isRunning())
            running << c;
    }
    m_facts.containers = states;
    const CgroupSample sample = m_cgroups.sample(running, m_facts.engine, m_startedAt);
    m_facts.containersAtPidsLimit = sample.atPidsLimit;
    m_metrics->setContainersActive(m_config->settings.runtime, int(running.size()));
    m_metrics->setContainersAtPidsLimit(sample.atPidsLimit);
    m_metrics->containerLimitEvents(sample.newOomKills, sample.newPidsLimitHits);
    finish(run);
}

void HealthMonitor::finish(QObject *run)
{
    run->deleteLater();
    m_run = nullptr;
    const InstanceConfig &c = *m_config;
    m_facts.checkedAt = QDateTime::currentDateTimeUtc();
    m_facts.runtime = c.settings.runtime;
    m_facts.gcInterval = c.settings.gcInterval;
    m_facts.seccompProfile = c.seccomp.dockerProfile;
    m_facts.seccompSha256 = fileSha256(c.seccomp.dockerProfile);
    m_facts.agentRulesSha256 = fileSha256(c.seccomp.agentRules);
    m_facts.appArmorProfile = c.appArmorProfile;
    const qint64 lastSweep = m_lastGc.isValid() ? m_lastGc.toSecsSinceEpoch() : m_startedAt;
    m_facts.gcStale = m_startedAt > 0
                      && QDateTime::currentSecsSinceEpoch() - lastSweep
                                 > qint64(kStaleIntervals) * qMax(1, c.settings.gcInterval);
    m_facts.proxiesListening = 0;
    m_facts.proxySocketsMissing = 0;
    m_proxy->credentials()->check();
    m_facts.credentials = m_proxy->credentials()->status();
    for (const QString &path : m_proxy->socketPaths())
        ++(QFile::exists(path) ? m_facts.proxiesListening : m_facts.proxySocketsMissing);
    m_facts.proxyBudgets = m_proxy->budgets();
    m_facts.tokenBudget = c.proxy.tokenBudget;
    m_facts.requestsPerMinute = c.proxy.requestsPerMinute;
    const QDateTime expiry = m_facts.credentials.expiration;
    m_metrics->setCredentialExpiry(expiry.isValid() ? expiry.toSecsSinceEpoch() : 0);
    m_metrics->setGcInterval(c.settings.gcInterval);
    QStringList problems;
    const QString now = healthStatus(m_facts, &problems);
    if (now != m_lastStatus)
        qCInfo(lcHealth).noquote() << "status" << now << problems.join(QLatin1Char(' '));
    m_lastStatus = now;
}

QJsonObject HealthMonitor::report() const
{
    return healthJson(m_facts);
}

} // namespace hako::telemetry
