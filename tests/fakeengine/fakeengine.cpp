#include "fakeengine.h"

#include "fakedaemon.h"
#include "policy/errors.h"
#include "safedir.h"

#include <QFileInfo>
#include <QPointer>
#include <QTimer>

namespace hako::fake {
namespace {

// What `docker info` says of a rootful docker on cgroup v2 without userns-remap.
EngineInfo fakeInfo()
{
    EngineInfo info;
    info.known = true;
    info.engine = QStringLiteral("docker");
    info.version = QStringLiteral("fake");
    info.seccomp = true;
    info.cgroupDriver = QStringLiteral("systemd");
    info.cgroupVersion = 2;
    info.defaultRuntime = QStringLiteral("runc");
    info.runtimes = {QStringLiteral("runc")};
    return info;
}

bool hasLabels(const ContainerInfo &c, const QMap<QString, QString> &labels)
{
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (!c.labels.contains(it.key()) || (!it.value().isEmpty() && c.labels.value(it.key()) != it.value()))
            return false;
    return true;
}

} // namespace

FakeEngine::FakeEngine(FakeDaemon *daemon, QObject *parent) : ContainerEngine(parent), m_daemon(daemon) {}

void FakeEngine::later(const QString &operation, QObject *context, std::function<void(Error fault)> answer, int delayMs)
{
    Error fault;
    if (m_daemon->takeFault(operation))
        fault = makeError(ErrorCode::DockerFailed, {operation}, QStringLiteral("fault injected by the test"));
    QTimer::singleShot(delayMs, context, [self = QPointer<FakeEngine>(this), operation, fault, answer] {
        if (!self)
            return;
        if (fault)
            Q_EMIT self->commandFailed(operation);
        answer(fault);
    });
}

void FakeEngine::start(const ContainerSpec &spec, QObject *context, Done done)
{
    later(
            QStringLiteral("run"), context,
            [this, spec, done](Error error) {
        if (!error && (error = m_daemon->run(spec)))
            Q_EMIT commandFailed(QStringLiteral("run"));
        done(error);
            },
            m_daemon->nextStartInMs());
}

void FakeEngine::listWhere(const std::function<bool(const ContainerInfo &)> &matches, QObject *context, Listed done)
{
    later(QStringLiteral("ps"), context, [this, matches, done](const Error &fault) {
        QList<ContainerInfo> found;
        for (const ContainerInfo &c : fault ? QList<ContainerInfo>() : m_daemon->containers())
            if (matches(c))
                found << c;
        done(fault, found);
    });
}

void FakeEngine::list(const QMap<QString, QString> &labels, QObject *context, Listed done)
{
    listWhere([labels](const ContainerInfo &c) { return hasLabels(c, labels); }, context, std::move(done));
}

void FakeEngine::listNamed(const QStringList &names, QObject *context, Listed done)
{
    const QMap<QString, QString> managed = {{QLatin1String(label::kManaged), QStringLiteral("true")}};
    listWhere([names, managed](const ContainerInfo &c) { return names.contains(c.name) && hasLabels(c, managed); },
              context, std::move(done));
}

void FakeEngine::rename(const QString &from, const QString &to, QObject *context, Done done)
{
    later(QStringLiteral("rename"), context, [this, from, to, done](Error error) {
        if (!error && (error = m_daemon->rename(from, to)))
            Q_EMIT commandFailed(QStringLiteral("rename"));
        done(error);
    });
}

void FakeEngine::remove(const QStringList &names, QObject *context, Removed done)
{
    // As `docker rm` of nothing: no command, an answer at once.
    if (names.isEmpty())
        return done({}, {});
    later(QStringLiteral("rm"), context,
          [this, names, done](const Error &fault) { done(fault, fault ? QStringList() : m_daemon->remove(names)); });
}

// As the docker engine does it: the host deletes the directory itself.
void FakeEngine::removeHostDirectory(const QString &path, QObject *context, Done done)
{
    later(QString(), context, [path, done](const Error &) {
        if (safedir::removePath(path) || !QFileInfo::exists(path))
            return done({});
        done(makeError(ErrorCode::HostIo, {path}));
    });
}

void FakeEngine::probe(int, QObject *context, Probed done)
{
    later(QStringLiteral("info"), context,
          [done](const Error &fault) { done(fault, fault ? EngineInfo() : fakeInfo()); });
}

void FakeEngine::setPaused(const QString &name, bool paused, QObject *context, Done done)
{
    const QString operation = paused ? QStringLiteral("pause") : QStringLiteral("unpause");
    later(operation, context, [this, name, paused, done](Error error) {
        if (!error && (error = m_daemon->setPaused(name, paused)))
            Q_EMIT commandFailed(QStringLiteral("pause"));
        done(error);
    });
}

void FakeEngine::inspect(const QString &name, Aspect aspect, QObject *context, Output done)
{
    const QString operation = aspect == Aspect::Changes ? QStringLiteral("diff") : QStringLiteral("top");
    later(operation, context, [this, name, aspect, done](const Error &fault) {
        if (fault)
            return done(fault, {});
        done({}, aspect == Aspect::Changes ? QByteArray() : m_daemon->processList(name));
    });
}

} // namespace hako::fake
