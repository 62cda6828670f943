#include "verifysession.h"

#include "verifyrows.h"

#include "common/signalwatcher.h"
#include "common/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace hako::host::verify {
namespace {

// The canary's variable: named like a secret, so every layer that keeps
// secrets out of containers must keep this one out too.
constexpr char kCanaryVariable[] = "HAKO_VERIFY_SECRET_ACCESS_KEY";
constexpr char kMarkerFile[] = ".hako-verify-tenant";

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toHex());
}

// Sizes as the settings take them ("2g", 536870912). The plugin parses them the
// same way; the host knows the plugin only through its interface.
qint64 sizeInBytes(const QJsonValue &value)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,15})\\s*([kmgt]?)i?b?\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(value.toString());
    if (!m.hasMatch())
        return -1;
    const int power = m.captured(2).isEmpty() ? 0 : QStringLiteral("kmgt").indexOf(m.captured(2).toLower()) + 1;
    return m.captured(1).toLongLong() << (10 * power);
}

// A loopback port nothing listens on now, for this run's admin endpoint.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

double number(const QJsonValue &value)
{
    return value.isDouble() ? value.toDouble() : value.toString().toDouble();
}

} // namespace

QString ToolReply::summary() const
{
    if (error)
        return QStringLiteral("error %1: %2").arg(error.code, error.logMessage);
    if (result.contains(QLatin1String("exit_code")))
        return QStringLiteral("exit %1%2").arg(exitCode()).arg(timedOut() ? QStringLiteral(", timed out") : QString());
    return QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)).left(200);
}

Session::Session(ToolExecutor *executor, const QJsonObject &settings)
    : m_executor(executor), m_settings(settings), m_root(QDir::tempPath() + QStringLiteral("/hako-verify-XXXXXX")),
      m_defaults(executor->settingsSchema().value(QLatin1String("properties")).toObject())
{}

Session::~Session()
{
    removeContainers();
    qunsetenv(kCanaryVariable);
}

QList<Error> Session::open()
{
    if (!m_root.isValid()) {
        return {failure(QStringLiteral("host_io"), kTrContext,
                        QT_TRANSLATE_NOOP("hako::host::verify", "Cannot create a temporary directory: %1"),
                        {m_root.errorString()})};
    }
    m_watcher = std::make_unique<SignalWatcher>();
    QObject::connect(m_watcher.get(), &SignalWatcher::terminationRequested, m_watcher.get(), [this] {
        m_interrupted = true;
        if (m_current)
            m_current->cancel();
    });
    m_runId = randomHex(4);
    m_canary = QStringLiteral("hvc") + randomHex(16);
    m_secret = QStringLiteral("hvs") + randomHex(16);
    qputenv(kCanaryVariable, m_canary.toLatin1());
    // verify measures a host that fails the start-up check too: its calls must run there.
    m_settings.insert(QStringLiteral("verify.failOpen"), true);
    m_settings.insert(QStringLiteral("paths.workspaces"), m_root.path() + QStringLiteral("/workspaces"));
    m_settings.insert(QStringLiteral("paths.runtime"), m_root.path() + QStringLiteral("/run"));
    m_adminPort = freePort();
    m_settings.insert(QStringLiteral("admin.listen"), QStringLiteral("127.0.0.1:%1").arg(m_adminPort));
    if (const QList<Error> problems = reconfigure({}); !problems.isEmpty())
        return problems;
    // From here on the plugin runs as this run's own instance; before, it may
    // still be the user's, whose containers removeContainers() must never see.
    m_instance = m_executor->health().value(QLatin1String("instance")).toString();
    m_expected = readExpected();
    m_executor->start();
    // Each conversation's first call names it in its workspace, so that its
    // container can be told apart from outside; the neighbour stores its secret.
    for (Tenant t : {Tenant::Main, Tenant::Neighbour, Tenant::Scratch}) {
        const ToolReply r = call(
                t, QStringLiteral("write_file"),
                {{QStringLiteral("path"), QLatin1String(kMarkerFile)}, {QStringLiteral("content"), conversation(t)}});
        if (r.error) {
            // The plugin's error, in the user's language for people and in English for logs.
            const char *text = QT_TRANSLATE_NOOP("hako::host::verify", "The conversation could not start: %1");
            return {Error{QStringLiteral("conversation_start"), translate(kTrContext, text, {r.error.message}),
                          QString::fromUtf8(text).arg(r.error.logMessage)}};
        }
    }
    const ToolReply r = call(Tenant::Neighbour, QStringLiteral("write_file"),
                             {{QStringLiteral("path"), secretFileName()}, {QStringLiteral("content"), m_secret}});
    if (r.error)
        return {r.error};
    return {};
}

QList<Error> Session::reconfigure(const QJsonObject &overrides)
{
    QJsonObject settings = m_settings;
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        settings.insert(it.key(), it.value());
    return m_executor->configure(settings);
}

QJsonValue Session::setting(const QString &key) const
{
    if (m_settings.contains(key))
        return m_settings.value(key);
    return m_defaults.value(key).toObject().value(QLatin1String("default"));
}

Expected Session::readExpected() const
{
    Expected e;
    e.runtime = setting(QStringLiteral("runtime")).toString();
    e.gvisor = e.runtime == QLatin1String("runsc");
    e.pids = int(number(setting(QStringLiteral("limits.pids"))));
    e.memoryBytes = sizeInBytes(setting(QStringLiteral("limits.memory")));
    e.tmpBytes = sizeInBytes(setting(QStringLiteral("limits.tmpSize")));
    e.cpus = number(setting(QStringLiteral("limits.cpus")));
    return e;
}

QString Session::conversation(Tenant tenant) const
{
    static const char *const names[] = {"main", "neighbour", "scratch"};
    return QStringLiteral("hako-verify-%1-%2").arg(m_runId, QLatin1String(names[int(tenant)]));
}

ToolReply Session::call(Tenant tenant, const QString &tool, const QJsonObject &input)
{
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<ToolCall> call(
            m_executor->call(conversation(tenant), QUuid::createUuid().toString(QUuid::WithoutBraces), tool, input));
    if (m_interrupted)
        call->cancel();
    QEventLoop loop;
    QObject::connect(call.get(), &ToolCall::finished, &loop, &QEventLoop::quit);
    m_current = call.get();
    loop.exec();
    m_current = nullptr;
    return {call->result(), call->error(), clock.elapsed()};
}

bool Session::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs || m_interrupted)
            return false;
        QEventLoop loop;
        QTimer::singleShot(250, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

ToolReply Session::bash(Tenant tenant, const QString &command, int timeoutSeconds)
{
    return call(tenant, QStringLiteral("bash"),
                {{QStringLiteral("command"), command}, {QStringLiteral("timeout"), timeoutSeconds}});
}

CommandRun Session::docker(const QStringList &args, int timeoutMs) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QLatin1String(kCanaryVariable));
    const QString host = setting(QStringLiteral("docker.host")).toString();
    if (!host.isEmpty())
        env.insert(QStringLiteral("DOCKER_HOST"), host);
    p.setProcessEnvironment(env);
    p.start(setting(QStringLiteral("docker.binary")).toString(), args);
    CommandRun run;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        run.err = "timed out";
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

QStringList Session::containers() const
{
    const CommandRun ps = docker({QStringLiteral("ps"), QStringLiteral("--all"), QStringLiteral("--quiet"),
                                  QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                                  QStringLiteral("label=org.hako.instance=") + m_instance});
    return QString::fromLatin1(ps.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QJsonObject Session::inspect(Tenant tenant)
{
    const QStringList ids = containers();
    if (ids.isEmpty())
        return {};
    const CommandRun run = docker(QStringList{QStringLiteral("inspect")} + ids);
    for (const QJsonValue &v : QJsonDocument::fromJson(run.out).array()) {
        const QJsonObject c = v.toObject();
        if (!c.value(QLatin1String("State")).toObject().value(QLatin1String("Running")).toBool())
            continue;
        for (const QJsonValue &m : c.value(QLatin1String("Mounts")).toArray()) {
            const QJsonObject mount = m.toObject();
            if (mount.value(QLatin1String("Destination")).toString() != QLatin1String("/workspace"))
                continue;
            QFile marker(mount.value(QLatin1String("Source")).toString() + QLatin1Char('/')
                         + QLatin1String(kMarkerFile));
            if (marker.open(QIODevice::ReadOnly) && marker.readAll() == conversation(tenant).toUtf8())
                return c;
        }
    }
    return {};
}

QString Session::workspaceOnHost(Tenant tenant)
{
    for (const QJsonValue &m : inspect(tenant).value(QLatin1String("Mounts")).toArray())
        if (m.toObject().value(QLatin1String("Destination")).toString() == QLatin1String("/workspace"))
            return m.toObject().value(QLatin1String("Source")).toString();
    return {};
}

bool Session::removeContainers()
{
    if (m_instance.isEmpty())
        return true;
    const QStringList ids = containers();
    if (!ids.isEmpty())
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("--force")} + ids, 120000);
    return containers().isEmpty();
}

} // namespace hako::host::verify
