// ContainerEngine on top of the docker command line. Every invocation has a
// timeout, a scrubbed environment and is logged at debug level (hako.docker).
// Podman's CLI takes the same arguments; its answers differ in shape only
// where noted (parsePsOutput).
#pragma once

#include "commandqueue.h"
#include "containerengine.h"

#include <QByteArray>
#include <QPointer>
#include <QProcessEnvironment>

namespace hako {

struct DockerConfig
{
    QString binary = QStringLiteral("docker");
    QString host; // DOCKER_HOST when not empty
    CliDialect dialect = CliDialect::Docker;
    int commandTimeoutMs = 30000; // list, remove, version
    int startTimeoutMs = 60000;   // docker run, from when it runs (not while queued)
    // `docker run`s at once (docker.parallelStarts); more wait in line. Fifty
    // at once make dockerd slower for all of them than the same fifty a few at a time.
    int parallelStarts = 8;
    // Engine CLI processes at once besides the starts (ps, rm, rename); more
    // wait in line. Their own room: a queue of starts never holds up an end.
    int parallelCommands = 4;
};

class DockerEngine final : public ContainerEngine
{
    Q_OBJECT
public:
    explicit DockerEngine(const DockerConfig &config, QObject *parent = nullptr);
    ~DockerEngine() override;

    void start(const ContainerSpec &spec, QObject *context, Done done) override;
    void list(const QMap<QString, QString> &labels, QObject *context, Listed done) override;
    void listNamed(const QStringList &names, QObject *context, Listed done) override;
    void rename(const QString &from, const QString &to, QObject *context, Done done) override;
    void remove(const QStringList &names, QObject *context, Removed done) override;
    void removeHostDirectory(const QString &path, QObject *context, Done done) override;
    void probe(int timeoutMs, QObject *context, Probed done) override;
    void setPaused(const QString &name, bool paused, QObject *context, Done done) override;
    void inspect(const QString &name, Aspect aspect, QObject *context, Output done) override;

    // Podman when the binary is called podman (the podman-docker shim named
    // "docker" is not recognised: set docker.binary=podman).
    static CliDialect dialectOf(const QString &binary);
    // `rm` of the named containers, force-killed, missing names no error.
    static QStringList removeArguments(const QStringList &names, CliDialect dialect);
    // Whether a failed `rm` only named containers already gone or being removed
    // by another caller (a GC sweep and an end at once): what `rm` is for.
    static bool onlyGoneOrGoing(const QString &message);
    // The environment the docker CLI runs with: only what it needs, no secrets.
    static QProcessEnvironment scrubbedEnvironment(const QProcessEnvironment &from, const QString &dockerHost);
    // One `docker ps --format '{{json .}}'` line; false when it is not one.
    static bool parsePsLine(const QByteArray &line, ContainerInfo *info);
    // The whole output of `ps --format '{{json .}}'`: docker prints one object
    // per line, podman one JSON array of objects with other field shapes.
    static QList<ContainerInfo> parsePsOutput(const QByteArray &out);

private:
    using Finished = std::function<void(const Error &, const QByteArray &out)>;
    // `operation`: run, ps, rm, rename, info or unshare (the CLI subcommand, and the metric label).
    void ps(const QStringList &filters, QObject *context, Listed done);
    void run(const QString &operation, const QStringList &args, int timeoutMs, QObject *context, Finished done);
    // `run` on the queue of starts or of other commands; `environment`: the
    // CLI's (a start's carries the container's agent key besides m_environment).
    void enqueue(CommandQueue &queue, const QString &operation, const QStringList &args, int timeoutMs,
                 QObject *context, Finished done, const QProcessEnvironment &environment);
    void launch(const QString &operation, const QStringList &args, int timeoutMs, QObject *context, Finished done,
                const QProcessEnvironment &environment);

    DockerConfig m_config;
    QProcessEnvironment m_environment;
    CommandQueue m_commands{m_config.parallelCommands};
    CommandQueue m_starts{m_config.parallelStarts};
};

} // namespace hako
