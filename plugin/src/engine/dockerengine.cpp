#include "dockerengine.h"

#include <hako/protocol/wire.h>

#include "../logging.h"

#include "../policy/errors.h"
#include "../safedir.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace hako {
namespace {

// Variables the CLI legitimately reads. Everything else, credentials above
// all, stays out of its environment.
const char *const kPassThrough[] = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "XDG_RUNTIME_DIR", "DOCKER_HOST",
                                    "DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY",
                                    // Podman: its configuration and a remote service.
                                    "CONTAINERS_CONF", "CONTAINERS_STORAGE_CONF", "CONTAINER_HOST"};

QMap<QString, QString> parseLabels(const QString &joined)
{
    QMap<QString, QString> labels;
    for (const QString &pair : joined.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0)
            labels.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return labels;
}

// What the error message says the engine failed to do.
ErrorArg describe(const QString &operation)
{
    const char *text = QT_TRANSLATE_NOOP("hako::Errors", "report its state");
    if (operation == QLatin1String("run"))
        text = QT_TRANSLATE_NOOP("hako::Errors", "start a container");
    else if (operation == QLatin1String("ps"))
        text = QT_TRANSLATE_NOOP("hako::Errors", "list containers");
    else if (operation == QLatin1String("rm"))
        text = QT_TRANSLATE_NOOP("hako::Errors", "remove containers");
    else if (operation == QLatin1String("rename"))
        text = QT_TRANSLATE_NOOP("hako::Errors", "rename a container");
    else if (operation == QLatin1String("unshare"))
        text = QT_TRANSLATE_NOOP("hako::Errors", "remove a workspace");
    else if (operation == QLatin1String("pause") || operation == QLatin1String("unpause"))
        text = QT_TRANSLATE_NOOP("hako::Errors", "pause or resume a container");
    return ErrorArg::phrase("hako::Errors", text);
}

QStringList filterArguments(const QMap<QString, QString> &labels)
{
    QStringList args;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        args << QStringLiteral("--filter")
             << (it.value().isEmpty() ? QStringLiteral("label=") + it.key()
                                      : QStringLiteral("label=%1=%2").arg(it.key(), it.value()));
    return args;
}

// Docker: "ID", "Names" as text, "Labels" as "k=v,k=v". Podman: "Id",
// "Names" as a list, "Labels" as an object.
bool parsePsObject(const QJsonObject &o, ContainerInfo *info)
{
    const QJsonValue id = o.contains(QLatin1String("ID")) ? o.value(QLatin1String("ID")) : o.value(QLatin1String("Id"));
    const QJsonValue names = o.value(QLatin1String("Names"));
    const QString name = names.isArray() ? names.toArray().at(0).toString() : names.toString();
    if (!id.isString() || id.toString().isEmpty() || name.isEmpty())
        return false;
    info->id = id.toString();
    info->name = name;
    info->state = o.value(QLatin1String("State")).toString();
    const QJsonValue labels = o.value(QLatin1String("Labels"));
    info->labels.clear();
    if (labels.isObject()) {
        const QJsonObject map = labels.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            info->labels.insert(it.key(), it.value().toString());
    } else {
        info->labels = parseLabels(labels.toString());
    }
    return true;
}

} // namespace

DockerEngine::DockerEngine(const DockerConfig &config, QObject *parent)
    : ContainerEngine(parent), m_config(config),
      m_environment(scrubbedEnvironment(QProcessEnvironment::systemEnvironment(), config.host))
{}

// A command still running when the engine goes (configure() replaced it) is
// abandoned: ~QProcess would otherwise report its end to callers that are
// being torn down with the engine.
DockerEngine::~DockerEngine()
{
    for (QProcess *process : findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        process->disconnect();
        process->kill();
    }
}

CliDialect DockerEngine::dialectOf(const QString &binary)
{
    return QFileInfo(binary).fileName().startsWith(QLatin1String("podman")) ? CliDialect::Podman : CliDialect::Docker;
}

QProcessEnvironment DockerEngine::scrubbedEnvironment(const QProcessEnvironment &from, const QString &dockerHost)
{
    QProcessEnvironment env;
    for (const char *name : kPassThrough) {
        const QString key = QLatin1String(name);
        if (from.contains(key))
            env.insert(key, from.value(key));
    }
    if (!dockerHost.isEmpty())
        env.insert(QStringLiteral("DOCKER_HOST"), dockerHost);
    return env;
}

bool DockerEngine::parsePsLine(const QByteArray &line, ContainerInfo *info)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    return parsePsObject(doc.object(), info);
}

QList<ContainerInfo> DockerEngine::parsePsOutput(const QByteArray &out)
{
    QList<ContainerInfo> containers;
    ContainerInfo info;
    if (out.trimmed().startsWith('[')) {
        for (const QJsonValue &v : QJsonDocument::fromJson(out).array())
            if (parsePsObject(v.toObject(), &info))
                containers << info;
        return containers;
    }
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty() && parsePsLine(line, &info))
            containers << info;
    return containers;
}

void DockerEngine::run(const QString &operation, const QStringList &args, int timeoutMs, QObject *context,
                       Finished done)
{
    enqueue(m_commands, operation, args, timeoutMs, context, std::move(done), m_environment);
}

void DockerEngine::enqueue(CommandQueue &queue, const QString &operation, const QStringList &args, int timeoutMs,
                           QObject *context, Finished done, const QProcessEnvironment &environment)
{
    QPointer<QObject> guard(context);
    queue.submit([=](CommandQueue::Release release) {
        if (!guard)
            return release(); // nobody waits for it any more
        // The engine as context: the slot comes back even if `context` goes meanwhile.
        launch(
                operation, args, timeoutMs, this,
                [release, done, guard](const Error &error, const QByteArray &out) {
            release();
            if (guard)
                done(error, out);
                },
                environment);
    });
}

void DockerEngine::launch(const QString &operation, const QStringList &args, int timeoutMs, QObject *context,
                          Finished done, const QProcessEnvironment &environment)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(environment);
    process->setProgram(m_config.binary);
    process->setArguments(args);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    QPointer<QObject> guard(context);
    auto finish = [=](const Error &error) {
        timer->stop();
        process->disconnect();
        const QByteArray out = process->readAllStandardOutput();
        process->deleteLater();
        if (error) {
            qCWarning(lcDocker).noquote() << "docker" << operation << "failed:" << error.logMessage;
            Q_EMIT commandFailed(operation);
        }
        if (guard)
            done(error, out);
    };
    connect(timer, &QTimer::timeout, process, [=] {
        process->kill();
        finish(makeError(ErrorCode::DockerTimeout, {QString::number(timeoutMs / 1000)}));
    });
    connect(process, &QProcess::errorOccurred, process, [=](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish(makeError(ErrorCode::DockerMissing, {m_config.binary}));
    });
    connect(process, &QProcess::finished, process, [=](int exitCode, QProcess::ExitStatus status) {
        if (status == QProcess::NormalExit && exitCode == 0)
            return finish({});
        const QString stderrText = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
        const ErrorCode code = stderrText.contains(QLatin1String("is already in use")) ? ErrorCode::ContainerNameInUse
                                                                                       : ErrorCode::DockerFailed;
        finish(makeError(code, {describe(operation)}, stderrText.left(2000)));
    });
    qCDebug(lcDocker).noquote() << m_config.binary << args.join(QLatin1Char(' '));
    timer->start(timeoutMs);
    process->start();
}

void DockerEngine::start(const ContainerSpec &spec, QObject *context, Done done)
{
    QProcessEnvironment environment = m_environment;
    if (!spec.agentKey.isEmpty())
        environment.insert(QLatin1String(proto::kAgentKeyEnv), QString::fromLatin1(spec.agentKey));
    enqueue(
            m_starts, QStringLiteral("run"), runArguments(spec, m_config.dialect), m_config.startTimeoutMs, context,
            [done](const Error &error, const QByteArray &) { done(error); }, environment);
}

void DockerEngine::list(const QMap<QString, QString> &labels, QObject *context, Listed done)
{
    ps(filterArguments(labels), context, std::move(done));
}

void DockerEngine::listNamed(const QStringList &names, QObject *context, Listed done)
{
    // Filters of one kind are alternatives; of different kinds, all must hold.
    QStringList filters = filterArguments({{QLatin1String(label::kManaged), QStringLiteral("true")}});
    for (const QString &name : names)
        filters << QStringLiteral("--filter") << QStringLiteral("name=^%1$").arg(QRegularExpression::escape(name));
    ps(filters, context, std::move(done));
}

void DockerEngine::ps(const QStringList &filters, QObject *context, Listed done)
{
    QStringList args = {QStringLiteral("ps"), QStringLiteral("--all"), QStringLiteral("--no-trunc"),
                        QStringLiteral("--format"), QStringLiteral("{{json .}}")};
    run(QStringLiteral("ps"), args + filters, m_config.commandTimeoutMs, context,
        [done](const Error &error, const QByteArray &out) { done(error, parsePsOutput(out)); });
}

QStringList DockerEngine::removeArguments(const QStringList &names, CliDialect dialect)
{
    QStringList args = {QStringLiteral("rm"), QStringLiteral("--force"), QStringLiteral("--volumes")};
    // Podman 4.3 removes nothing, and says nothing, when one name is already
    // gone unless told --ignore; and it waits 10 s for SIGTERM where Docker kills.
    if (dialect == CliDialect::Podman)
        args << QStringLiteral("--ignore") << QStringLiteral("--time") << QStringLiteral("0");
    return args + names;
}

bool DockerEngine::onlyGoneOrGoing(const QString &message)
{
    const QStringList lines = message.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return !lines.isEmpty() && std::all_of(lines.begin(), lines.end(), [](const QString &line) {
        return line.contains(QLatin1String("no such container"), Qt::CaseInsensitive)
               || line.contains(QLatin1String("is already in progress"), Qt::CaseInsensitive);
    });
}

void DockerEngine::remove(const QStringList &names, QObject *context, Removed done)
{
    if (names.isEmpty())
        return done({}, {});
    run(QStringLiteral("rm"), removeArguments(names, m_config.dialect), m_config.commandTimeoutMs, context,
        [done](const Error &error, const QByteArray &out) {
        // The CLI prints the name of each container it removed; one already
        // gone (podman: "no such container") is what we wanted anyway.
        const QStringList removed = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (error && onlyGoneOrGoing(error.logMessage))
            return done({}, removed);
        done(error, removed);
    });
}

void DockerEngine::removeHostDirectory(const QString &path, QObject *context, Done done)
{
    if (safedir::removePath(path) || !QFileInfo::exists(path))
        return done({});
    if (m_config.dialect != CliDialect::Podman)
        return done(makeError(ErrorCode::HostIo, {path}));
    // Container root is this user there, and owns the subordinate ids too.
    run(QStringLiteral("unshare"),
        {QStringLiteral("unshare"), QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("--"), path},
        m_config.commandTimeoutMs, context, [done](const Error &error, const QByteArray &) { done(error); });
}

void DockerEngine::probe(int timeoutMs, QObject *context, Probed done)
{
    run(QStringLiteral("info"), {QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .}}")},
        timeoutMs, context, [done](const Error &error, const QByteArray &out) {
            const EngineInfo info = parseEngineInfo(out);
            if (!error && !info.known)
                return done(makeError(ErrorCode::DockerFailed, {describe(QStringLiteral("info"))},
                                      QStringLiteral("unexpected output")),
                            info);
            done(error, info);
        });
}

void DockerEngine::rename(const QString &from, const QString &to, QObject *context, Done done)
{
    run(QStringLiteral("rename"), {QStringLiteral("rename"), from, to}, m_config.commandTimeoutMs, context,
        [done](const Error &error, const QByteArray &) { done(error); });
}

void DockerEngine::setPaused(const QString &name, bool paused, QObject *context, Done done)
{
    const QString operation = paused ? QStringLiteral("pause") : QStringLiteral("unpause");
    run(operation, {operation, name}, m_config.commandTimeoutMs, context,
        [done](const Error &error, const QByteArray &) { done(error); });
}

void DockerEngine::inspect(const QString &name, Aspect aspect, QObject *context, Output done)
{
    const QStringList args = aspect == Aspect::Changes ? QStringList{QStringLiteral("diff"), name}
                                                       : QStringList{QStringLiteral("top"), name, QStringLiteral("-eo"),
                                                                     QStringLiteral("pid,ppid,user,args")};
    run(args.first(), args, m_config.commandTimeoutMs, context, std::move(done));
}

} // namespace hako
