#include "fakeengine.h"

#include "fakedaemon.h"
#include "policy/errors.h"
#include "safedir.h"

#include <QFileInfo>
#include <QPointer>
#include <QTimer>

namespace hako::fake {

FakeEngine::FakeEngine(FakeDaemon *daemon, QObject *parent) : ContainerEngine(parent), m_daemon(daemon) {}

void FakeEngine::later(const QString &operation, QObject *context, std::function<void()> work,
                       std::function<void(const Error &)> failed)
{
    const bool fault = m_daemon->takeFault(operation);
    QTimer::singleShot(0, context, [self = QPointer<FakeEngine>(this), operation, fault, work, failed] {
        if (!self)
            return;
        if (!fault)
            return work();
        Q_EMIT self->commandFailed(operation);
        failed(makeError(ErrorCode::DockerFailed, {operation}, QStringLiteral("fault injected by the test")));
    });
}

void FakeEngine::start(const ContainerSpec &spec, QObject *context, Done done)
{
    later(QStringLiteral("run"), context, [this, spec, done] {
        const Error error = m_daemon->run(spec);
        if (error)
            Q_EMIT commandFailed(QStringLiteral("run"));
        done(error);
    }, done);
}

void FakeEngine::listWhere(const std::function<bool(const ContainerInfo &)> &matches, QObject *context, Listed done)
{
    later(QStringLiteral("ps"), context, [this, matches, done] {
        QList<ContainerInfo> found;
        for (const ContainerInfo &c : m_daemon->containers())
            if (matches(c))
                found << c;
        done({}, found);
    }, [done](const Error &error) { done(error, {}); });
}

void FakeEngine::list(const QMap<QString, QString> &labels, QObject *context, Listed done)
{
    listWhere([labels](const ContainerInfo &c) {
        for (auto it = labels.begin(); it != labels.end(); ++it)
            if (!c.labels.contains(it.key()) || (!it.value().isEmpty() && c.labels.value(it.key()) != it.value()))
                return false;
        return true;
    }, context, std::move(done));
}

void FakeEngine::listNamed(const QStringList &names, QObject *context, Listed done)
{
    listWhere([names](const ContainerInfo &c) {
        return names.contains(c.name) && c.labels.value(QLatin1String(label::kManaged)) == QLatin1String("true");
    }, context, std::move(done));
}

void FakeEngine::rename(const QString &from, const QString &to, QObject *context, Done done)
{
    later(QStringLiteral("rename"), context, [this, from, to, done] {
        const Error error = m_daemon->rename(from, to);
        if (error)
            Q_EMIT commandFailed(QStringLiteral("rename"));
        done(error);
    }, done);
}

void FakeEngine::remove(const QStringList &names, QObject *context, Removed done)
{
    // As `docker rm` of nothing: no command, an answer at once.
    if (names.isEmpty())
        return done({}, {});
    later(QStringLiteral("rm"), context, [this, names, done] { done({}, m_daemon->remove(names)); },
          [done](const Error &error) { done(error, {}); });
}

void FakeEngine::removeHostDirectory(const QString &path, QObject *context, Done done)
{
    later(QString(), context, [path, done] {
        if (safedir::removePath(path) || !QFileInfo::exists(path))
            return done({});
        done(makeError(ErrorCode::HostIo, {path}));
    }, done);
}

void FakeEngine::probe(int, QObject *context, Probed done)
{
    later(QStringLiteral("info"), context, [done] {
        EngineInfo info;
        info.known = true;
        info.engine = QStringLiteral("docker");
        info.version = QStringLiteral("fake");
        info.seccomp = true;
        info.cgroupDriver = QStringLiteral("systemd");
        info.cgroupVersion = 2;
        info.defaultRuntime = QStringLiteral("runc");
        info.runtimes = {QStringLiteral("runc")};
        done({}, info);
    }, [done](const Error &error) { done(error, {}); });
}

} // namespace hako::fake
