// The few operations Hako needs from a container engine. DockerEngine drives
// the docker CLI; another docker-compatible CLI needs only settings, and a
// cluster engine would be another implementation of this interface.
#pragma once

#include "containerpolicy.h"
#include "engineinfo.h"

#include <hako/error.h>

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>

namespace hako {

struct ContainerInfo
{
    QString id;
    QString name;
    QString state; // "running", "exited", "created", ...
    QMap<QString, QString> labels;
    bool isRunning() const { return state == QLatin1String("running"); }
};

class ContainerEngine : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Error &)>;
    using Listed = std::function<void(const Error &, const QList<ContainerInfo> &)>;
    using Described = std::function<void(const Error &, const EngineInfo &)>;

    using QObject::QObject;
    ~ContainerEngine() override = default;

    // Callbacks run on the engine's thread, never after `context` is destroyed.
    // A spec whose name is taken reports the error code "name_in_use".
    virtual void start(const ContainerSpec &spec, QObject *context, Done done) = 0;
    // Every container (running or not) carrying all of `labels`, in one call.
    virtual void list(const QMap<QString, QString> &labels, QObject *context, Listed done) = 0;
    // Force-removes the named containers; names already gone are not an error.
    virtual void remove(const QStringList &names, QObject *context, Done done) = 0;
    // Deletes a host directory the container wrote to. Under a rootless
    // engine some of its files belong to subordinate ids this user cannot
    // unlink directly, only through the engine's user namespace.
    virtual void removeHostDirectory(const QString &path, QObject *context, Done done) = 0;
    // Which engine this is and which protections it enforces (health, doctor).
    virtual void describe(QObject *context, Described done) = 0;
};

} // namespace hako
