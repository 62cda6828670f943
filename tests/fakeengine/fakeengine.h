// A ContainerEngine whose containers are hako-agent processes on this host
// (fakedaemon.h), for tests of the whole call path without docker. Each
// operation answers from the event loop, as a docker command would, and a test
// can make the next one fail (FakeDaemon::failNext).
#pragma once

#include "engine/containerengine.h"

namespace hako::fake {

class FakeDaemon;

class FakeEngine final : public ContainerEngine
{
    Q_OBJECT
public:
    // `daemon` outlives the engine.
    FakeEngine(FakeDaemon *daemon, QObject *parent = nullptr);

    void start(const ContainerSpec &spec, QObject *context, Done done) override;
    void list(const QMap<QString, QString> &labels, QObject *context, Listed done) override;
    void listNamed(const QStringList &names, QObject *context, Listed done) override;
    void rename(const QString &from, const QString &to, QObject *context, Done done) override;
    void remove(const QStringList &names, QObject *context, Removed done) override;
    void removeHostDirectory(const QString &path, QObject *context, Done done) override;
    void probe(int timeoutMs, QObject *context, Probed done) override;
    void setPaused(const QString &name, bool paused, QObject *context, Done done) override;
    void inspect(const QString &name, Aspect aspect, QObject *context, Output done) override;

private:
    // Answers from the event loop, unless the engine or `context` is gone by
    // then. `answer` gets the fault injected for `operation`, if any, to report
    // instead of doing the work.
    void later(const QString &operation, QObject *context, std::function<void(Error fault)> answer, int delayMs = 0);
    void listWhere(const std::function<bool(const ContainerInfo &)> &matches, QObject *context, Listed done);

    FakeDaemon *m_daemon;
};

} // namespace hako::fake
