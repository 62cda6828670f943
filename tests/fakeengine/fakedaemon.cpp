#include "fakedaemon.h"

#include "agentprocess.h"
#include "policy/errors.h"

#include <hako/protocol/wire.h>

#include <QDir>
#include <QRegularExpression>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFake, "hako.fakeengine", QtInfoMsg)

namespace hako::fake {
namespace {

// What a workspace image sets; the host's own PATH is the test's business.
constexpr char kPath[] = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

Error failure(const QString &what, const QString &detail)
{
    return makeError(ErrorCode::DockerFailed, {what}, detail);
}

// A directory of the container's user alone, as the container's /tmp would be.
bool makePrivateDir(const QString &path, uint uid, uint gid)
{
    const QByteArray native = QFile::encodeName(path);
    return QDir().mkpath(path) && ::chown(native.constData(), uid, gid) == 0 && ::chmod(native.constData(), 0700) == 0;
}

// The environment `docker run --env` would give: the spec's minus secrets, and the agent's key.
QStringList agentEnvironment(const ContainerSpec &spec)
{
    QStringList environment = {QLatin1String(kPath)};
    for (const QString &variable : spec.environment)
        if (!isSecretVariable(variable.section(QLatin1Char('='), 0, 0)))
            environment << variable;
    if (!spec.agentKey.isEmpty())
        environment << QLatin1String(proto::kAgentKeyEnv) + QLatin1Char('=') + QString::fromLatin1(spec.agentKey);
    return environment;
}

} // namespace

int FakeDaemon::nextStartInMs()
{
    if (m_startDelayMs <= 0)
        return 0;
    const qint64 queued = m_queueEnd.hasExpired() ? 0 : m_queueEnd.remainingTime();
    m_queueEnd.setRemainingTime(queued + m_startDelayMs);
    return int(queued + m_startDelayMs);
}

FakeDaemon::FakeDaemon(QObject *parent) : QObject(parent)
{
    // The agents run as the container's user and must reach their own directories below.
    if (m_root.isValid())
        QFile::setPermissions(m_root.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup
                                                     | QFile::ExeOther);
}

FakeDaemon::~FakeDaemon()
{
    for (Container &c : m_containers)
        delete c.agent;
}

FakeDaemon::Container *FakeDaemon::find(const QString &name)
{
    for (Container &c : m_containers)
        if (c.info.name == name)
            return &c;
    return nullptr;
}

QString FakeDaemon::dirOf(const Container &c) const
{
    return m_root.filePath(c.info.id);
}

// The container exits when its init does, whatever ended it.
void FakeDaemon::refresh(Container &c)
{
    if (c.info.isRunning() && !(c.agent && c.agent->isRunning())) {
        c.info.state = QStringLiteral("exited");
        save(c);
    }
}

void FakeDaemon::save(const Container &c) const
{
    QJsonObject labels;
    for (auto it = c.info.labels.begin(); it != c.info.labels.end(); ++it)
        labels.insert(it.key(), it.value());
    const QJsonObject record = {{QStringLiteral("id"), c.info.id},
                                {QStringLiteral("name"), c.info.name},
                                {QStringLiteral("state"), c.info.state},
                                {QStringLiteral("labels"), labels}};
    QFile file(dirOf(c) + QStringLiteral("/container.json"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(record).toJson()) < 0)
        qCWarning(lcFake).noquote() << "cannot record" << c.info.name << "in" << file.fileName();
}

Error FakeDaemon::run(const ContainerSpec &spec)
{
    if (find(spec.name)) {
        Error error = failure(QStringLiteral("start a container"),
                              QStringLiteral("the container name \"%1\" is already in use").arg(spec.name));
        error.code = QStringLiteral("name_in_use");
        return error;
    }
    Container c;
    c.info.id = QUuid::createUuid().toString(QUuid::Id128);
    c.info.name = spec.name;
    c.info.labels = spec.labels;
    c.info.state = QStringLiteral("created");
    if (!QDir().mkpath(dirOf(c)))
        return failure(QStringLiteral("start a container"), QStringLiteral("cannot create ") + dirOf(c));
    const Error error = launch(c, spec);
    save(c);
    m_containers.insert(c.info.id, c);
    if (!error)
        ++m_started;
    return error;
}

// The agent gets host paths where a container has its own. The workspace is
// bound at a path of the container's, as docker binds it at /workspace: a
// warm pool's hand-over moves the host directory, and a container keeps it.
Error FakeDaemon::launch(Container &c, const ContainerSpec &spec)
{
    bool uidOk = false;
    bool gidOk = false;
    const uint uid = spec.user.section(QLatin1Char(':'), 0, 0).toUInt(&uidOk);
    const uint gid = spec.user.section(QLatin1Char(':'), 1, 1).toUInt(&gidOk);
    const QString stateDir = dirOf(c) + QStringLiteral("/state");
    const QString home = homeOf(c);
    const QString workspace = dirOf(c) + QStringLiteral("/workspace");
    if (!uidOk || !gidOk)
        return failure(QStringLiteral("start a container"), QStringLiteral("user %1 is not uid:gid").arg(spec.user));
    if (!makePrivateDir(stateDir, uid, gid) || !makePrivateDir(home, uid, gid) || !QDir().mkpath(workspace))
        return failure(QStringLiteral("start a container"),
                       QStringLiteral("%1: %2").arg(dirOf(c), QString::fromLocal8Bit(std::strerror(errno))));
    AgentProcess::Launch launch;
    launch.program = spec.agentBinary;
    launch.arguments = {QStringLiteral("--socket"),
                        agentDirOf(spec.socketDir) + QLatin1Char('/') + QLatin1String(kAgentSocketName),
                        QStringLiteral("--workspace"),
                        workspace,
                        QStringLiteral("--state-dir"),
                        stateDir,
                        QStringLiteral("--home"),
                        home};
    launch.binds = {{spec.workspaceDir, workspace}};
    // The container's home is its own tmpfs; here, a directory of its own.
    launch.environment = agentEnvironment(spec).replaceInStrings(QRegularExpression(QStringLiteral("^HOME=.*")),
                                                                 QStringLiteral("HOME=") + home);
    launch.uid = uid;
    launch.gid = gid;
    launch.logFile = dirOf(c) + QStringLiteral("/agent.log");
    QString detail;
    c.agent = AgentProcess::start(launch, &detail, this);
    if (!c.agent)
        return failure(QStringLiteral("start a container"), detail);
    c.info.state = QStringLiteral("running");
    // An agent that ends by itself says why in its log.
    connect(c.agent, &AgentProcess::exited, this, [name = c.info.name, log = launch.logFile] {
        QFile file(log);
        const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll().right(2000) : QByteArray();
        qCInfo(lcFake).noquote() << "agent of" << name << "exited:" << QString::fromLocal8Bit(text).trimmed();
    });
    return {};
}

QList<ContainerInfo> FakeDaemon::containers()
{
    QList<ContainerInfo> all;
    for (Container &c : m_containers) {
        refresh(c);
        all << c.info;
    }
    return all;
}

Error FakeDaemon::rename(const QString &from, const QString &to)
{
    Container *c = find(from);
    if (!c)
        return failure(QStringLiteral("rename a container"), QStringLiteral("No such container: ") + from);
    if (find(to))
        return failure(QStringLiteral("rename a container"), QStringLiteral("the name %1 is already in use").arg(to));
    c->info.name = to;
    save(*c);
    return {};
}

QStringList FakeDaemon::remove(const QStringList &names)
{
    QStringList removed;
    for (const QString &name : names) {
        Container *c = find(name);
        if (!c)
            continue;
        const QString id = c->info.id;
        delete c->agent; // kills the whole pid namespace
        QDir(dirOf(*c)).removeRecursively();
        m_containers.remove(id);
        removed << name;
    }
    return removed;
}

bool FakeDaemon::killAgent(const QString &name)
{
    Container *c = find(name);
    if (!c || !c->agent || !c->agent->isRunning())
        return false;
    c->agent->kill();
    return true;
}

pid_t FakeDaemon::agentPid(const QString &name)
{
    Container *c = find(name);
    return c && c->agent && c->agent->isRunning() ? c->agent->pid() : 0;
}

QString FakeDaemon::homeDir(const QString &name)
{
    Container *c = find(name);
    return c ? homeOf(*c) : QString();
}

Error FakeDaemon::setPaused(const QString &name, bool paused)
{
    Container *c = find(name);
    const QString operation = paused ? QStringLiteral("pause") : QStringLiteral("unpause");
    const QString wanted = paused ? QStringLiteral("running") : QStringLiteral("paused");
    if (!c || c->info.state != wanted || !c->agent)
        return failure(operation, QStringLiteral("%1 is not %2").arg(name, wanted));
    ::kill(c->agent->pid(), paused ? SIGSTOP : SIGCONT);
    c->info.state = paused ? QStringLiteral("paused") : QStringLiteral("running");
    save(*c);
    return {};
}

QByteArray FakeDaemon::processList(const QString &name)
{
    const pid_t pid = agentPid(name);
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (pid == 0 || !cmdline.open(QIODevice::ReadOnly))
        return {};
    return "PID PPID USER COMMAND\n" + QByteArray::number(pid) + " 0 1000 " + cmdline.read(4096).replace('\0', ' ')
           + '\n';
}

} // namespace hako::fake
