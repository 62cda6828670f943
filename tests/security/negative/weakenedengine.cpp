#include "weakenedengine.h"

#include <QLoggingCategory>

namespace hako::test {
namespace {

class WeakenedEngine final : public ContainerEngine
{
public:
    WeakenedEngine(ContainerEngine *inner, const QStringList &weakenings)
        : ContainerEngine(inner->parent()), m_inner(inner), m_weakenings(weakenings)
    {
        inner->setParent(this);
        connect(inner, &ContainerEngine::commandFailed, this, &ContainerEngine::commandFailed);
    }

    void start(const ContainerSpec &spec, QObject *context, Done done) override
    {
        ContainerSpec weak = spec;
        if (m_weakenings.contains(QLatin1String("read-only")))
            weak.readOnlyRootfs = false;
        if (m_weakenings.contains(QLatin1String("pids")))
            weak.pids = 0;
        if (m_weakenings.contains(QLatin1String("socket-dir-writable")))
            weak.socketDirReadOnly = false;
        // The agent scrubs HAKO_AGENT_KEY; a copy under another name reaches every tool,
        // as if the agent had forgotten to.
        if (m_weakenings.contains(QLatin1String("agent-key-exposed")))
            weak.environment << QStringLiteral("HAKO_VERIFY_EXPOSED=") + QString::fromLatin1(spec.agentKey);
        m_inner->start(weak, context, std::move(done));
    }
    void list(const QMap<QString, QString> &labels, QObject *context, Listed done) override
    {
        m_inner->list(labels, context, std::move(done));
    }
    void listNamed(const QStringList &names, QObject *context, Listed done) override
    {
        m_inner->listNamed(names, context, std::move(done));
    }
    void rename(const QString &from, const QString &to, QObject *context, Done done) override
    {
        m_inner->rename(from, to, context, std::move(done));
    }
    void remove(const QStringList &names, QObject *context, Removed done) override
    {
        m_inner->remove(names, context, std::move(done));
    }
    void removeHostDirectory(const QString &path, QObject *context, Done done) override
    {
        m_inner->removeHostDirectory(path, context, std::move(done));
    }
    void probe(int timeoutMs, QObject *context, Probed done) override
    {
        m_inner->probe(timeoutMs, context, std::move(done));
    }
    void setPaused(const QString &name, bool paused, QObject *context, Done done) override
    {
        m_inner->setPaused(name, paused, context, std::move(done));
    }
    void inspect(const QString &name, Aspect aspect, QObject *context, Output done) override
    {
        m_inner->inspect(name, aspect, context, std::move(done));
    }

private:
    ContainerEngine *m_inner;
    QStringList m_weakenings;
};

} // namespace

ContainerEngine *weakened(ContainerEngine *engine)
{
    const QStringList weakenings = qEnvironmentVariable("HAKO_TEST_WEAKEN").split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (weakenings.isEmpty())
        return engine;
    qWarning("hako-weakened: starting containers without: %s", qPrintable(weakenings.join(QLatin1String(", "))));
    return new WeakenedEngine(engine, weakenings);
}

} // namespace hako::test
