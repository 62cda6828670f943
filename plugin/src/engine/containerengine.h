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
    using Removed = std::function<void(const Error &, const QStringList &removed)>;
    using Probed = std::function<void(const Error &, const EngineInfo &)>;
    using Output = std::function<void(const Error &, const QByteArray &out)>;
    // What an incident record takes from the engine about a container.
    enum class Aspect {
        Changes,  // its file-system changes against the image (docker diff)
        Processes // its processes with their command lines (docker top)
    };

    using QObject::QObject;
    ~ContainerEngine() override = default;

    // Callbacks run on the engine's thread, never after `context` is destroyed.
    // A spec whose name is taken reports ErrorCode::ContainerNameInUse.
    virtual void start(const ContainerSpec &spec, QObject *context, Done done) = 0;
    // Every container (running or not) carrying all of `labels`, in one call.
    // An empty value matches any value of that label.
    virtual void list(const QMap<QString, QString> &labels, QObject *context, Listed done) = 0;
    // The managed containers with any of these exact names, in one call.
    virtual void listNamed(const QStringList &names, QObject *context, Listed done) = 0;
    // Gives a container a new name; labels cannot change, names can.
    virtual void rename(const QString &from, const QString &to, QObject *context, Done done) = 0;
    // Force-removes the named containers; names already gone are not an error
    // and are not among those reported removed.
    virtual void remove(const QStringList &names, QObject *context, Removed done) = 0;
    // Deletes a host directory the container wrote to. Under a rootless
    // engine some of its files belong to subordinate ids this user cannot
    // unlink directly, only through the engine's user namespace.
    virtual void removeHostDirectory(const QString &path, QObject *context, Done done) = 0;
    // Asks the engine which it is, its version and the protections it enforces; fails when it
    // cannot be reached within `timeoutMs`.
    virtual void probe(int timeoutMs, QObject *context, Probed done) = 0;
    // Freezes every process of the named container where it stands (docker
    // pause), or lets them go on (docker unpause).
    virtual void setPaused(const QString &name, bool paused, QObject *context, Done done) = 0;
    // One aspect of the named container, as the engine prints it; the output
    // is the container's doing, so the caller bounds and never parses it for decisions.
    virtual void inspect(const QString &name, Aspect aspect, QObject *context, Output done) = 0;

Q_SIGNALS:
    // A command failed; `operation` is one of a few fixed words (run, ps, rm, rename, info, unshare,
    // pause, unpause, diff, top).
    void commandFailed(const QString &operation);
};

} // namespace hako
