#include "tripwires.h"

#include "../instanceconfig.h"
#include "../lifecycle/sandboxpaths.h"
#include "../logging.h"
#include "evidence.h"
#include "workspacewalk.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <memory>

namespace hako {
namespace {

// What the engine prints of a container is the container's doing: kept to this much.
constexpr qsizetype kEngineOutputBytes = 1 << 20;

const char *const kActions[] = {"freeze", "end", "log"};

} // namespace

bool Tripwires::parseAction(const QString &text, Action *action)
{
    for (int i = 0; i < 3; ++i)
        if (text == QLatin1String(kActions[i])) {
            *action = Action(i);
            return true;
        }
    return false;
}

Tripwires::Tripwires(const InstanceConfig &config, ContainerEngine &engine, QObject *parent)
    : QObject(parent), m_config(config), m_engine(engine), m_action(config.tripwireAction)
{}

QString Tripwires::markersOf(const InstanceConfig &config)
{
    return config.settings.runtimeDir + QStringLiteral("/tripwires");
}

QString Tripwires::markerOf(const QString &key) const
{
    return markersOf(m_config) + QLatin1Char('/') + key;
}

int Tripwires::frozenCount(const InstanceConfig &config)
{
    return int(QDir(markersOf(config)).entryList(QDir::Files).size());
}

bool Tripwires::isFrozen(const QString &key) const
{
    return QFile::exists(markerOf(key));
}

void Tripwires::release(const QString &key)
{
    if (QFile::remove(markerOf(key)))
        qCWarning(lcTripwire).noquote() << "conversation" << key << "released from its tripwire freeze";
}

void Tripwires::trip(const QString &key, const QString &container, const QString &source)
{
    if (m_handling.contains(key) || isFrozen(key))
        return;
    m_handling.insert(key);
    const QString action = QLatin1String(kActions[int(m_action)]);
    // Calls are refused from now on, in every process, while the evidence is taken.
    if (m_action != Action::Log && QDir().mkpath(markersOf(m_config))) {
        QFile marker(markerOf(key));
        if (!marker.open(QIODevice::WriteOnly) || marker.write(action.toLatin1()) < 0)
            qCCritical(lcTripwire).noquote() << "cannot record the freeze of" << key << "in" << marker.fileName();
    }
    qCCritical(lcTripwire).noquote() << "tripwire" << source << "in conversation" << key << "container" << container
                                     << "- action" << action;
    Q_EMIT tripped(key, source, action);
    const QDateTime when = QDateTime::currentDateTimeUtc();
    const QByteArray summary = QJsonDocument(QJsonObject{{QStringLiteral("conversation_key"), key},
                                                         {QStringLiteral("container"), container},
                                                         {QStringLiteral("source"), source},
                                                         {QStringLiteral("action"), action},
                                                         {QStringLiteral("time"), when.toString(Qt::ISODateWithMs)}})
                                       .toJson();
    m_engine.setPaused(container, true, this, [this, key, container, summary](const Error &error) {
        if (error)
            qCCritical(lcTripwire).noquote() << "container" << container << "not paused:" << error.logMessage;
        collect(key, container, summary);
    });
}

// Engine answers arrive in turn; each part is written as it comes.
void Tripwires::collect(const QString &key, const QString &container, const QByteArray &summary)
{
    Error error;
    auto bundle = std::make_shared<EvidenceBundle>(EvidenceBundle::create(
            evidenceRoot(m_config.settings.workspacesDir), key, QDateTime::currentDateTimeUtc(), &error));
    if (!bundle->isValid()) {
        qCCritical(lcTripwire).noquote() << "no evidence for" << key << ":" << error.logMessage;
        return finish(key, container, {});
    }
    bundle->write("summary.json", summary);
    bundle->write("audit.jsonl",
                  auditLinesOf(m_config.settings.raw.value(QLatin1String("audit.file")).toString(), key));
    m_engine.inspect(container, ContainerEngine::Aspect::Changes, this,
                     [this, key, container, bundle](const Error &, const QByteArray &changes) {
        bundle->write("changes.txt", changes.left(kEngineOutputBytes));
        m_engine.inspect(container, ContainerEngine::Aspect::Processes, this,
                         [this, key, container, bundle](const Error &, const QByteArray &processes) {
            bundle->write("processes.txt", processes.left(kEngineOutputBytes));
            const SandboxPaths paths =
                    SandboxPaths::conversation(m_config.settings.runtimeDir, m_config.settings.workspacesDir, key);
            const safedir::UniqueFd workspace = safedir::openDirectory(paths.workspaceDir);
            bundle->write("workspace.tsv", workspace.valid() ? listWorkspace(workspace.get()) : QByteArray());
            finish(key, container, bundle->path());
        });
    });
}

void Tripwires::finish(const QString &key, const QString &container, const QString &path)
{
    m_handling.remove(key);
    if (!path.isEmpty())
        qCCritical(lcTripwire).noquote() << "evidence of the tripwire in" << key << "is in" << path;
    Q_EMIT evidenceWritten(key, path);
    if (m_action == Action::End)
        Q_EMIT endRequested(key);
    else if (m_action == Action::Log)
        m_engine.setPaused(container, false, this, [container](const Error &error) {
            if (error)
                qCWarning(lcTripwire).noquote() << "container" << container << "not resumed:" << error.logMessage;
        });
}

} // namespace hako
