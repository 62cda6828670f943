// ContainerEngine on top of the docker command line. Every invocation has a
// timeout, a scrubbed environment and is logged at debug level (hako.docker).
// Podman's CLI takes the same arguments; its answers differ in shape only
// where noted (parsePsOutput).
#pragma once

#include "containerengine.h"

#include <QByteArray>
#include <QProcessEnvironment>

namespace hako {

struct DockerConfig
{
    QString binary = QStringLiteral("docker");
    QString host;                  // DOCKER_HOST when not empty
    CliDialect dialect = CliDialect::Docker;
    int commandTimeoutMs = 30000;  // list, remove, version
    int startTimeoutMs = 60000;    // docker run
};

class DockerEngine final : public ContainerEngine
{
    Q_OBJECT
public:
    explicit DockerEngine(const DockerConfig &config, QObject *parent = nullptr);

    void start(const ContainerSpec &spec, QObject *context, Done done) override;
    void list(const QMap<QString, QString> &labels, QObject *context, Listed done) override;
    void remove(const QStringList &names, QObject *context, Done done) override;
    void describe(QObject *context, Described done) override;
    void removeHostDirectory(const QString &path, QObject *context, Done done) override;

    // Podman when the binary is called podman (the podman-docker shim named
    // "docker" is not recognised: set docker.binary=podman).
    static CliDialect dialectOf(const QString &binary);
    // `rm` of the named containers, force-killed, missing names no error.
    static QStringList removeArguments(const QStringList &names, CliDialect dialect);
    // The environment the docker CLI runs with: only what it needs, no secrets.
    static QProcessEnvironment scrubbedEnvironment(const QProcessEnvironment &from, const QString &dockerHost);
    // One `docker ps --format '{{json .}}'` line; false when it is not one.
    static bool parsePsLine(const QByteArray &line, ContainerInfo *info);
    // The whole output of `ps --format '{{json .}}'`: docker prints one object
    // per line, podman one JSON array of objects with other field shapes.
    static QList<ContainerInfo> parsePsOutput(const QByteArray &out);

private:
    using Finished = std::function<void(const Error &, const QByteArray &out)>;
    void run(const QString &operation, const QStringList &args, int timeoutMs, QObject *context, Finished done);

    DockerConfig m_config;
    QProcessEnvironment m_environment;
};

} // namespace hako
