// The settings: one table defines each key's type, default, limits and
// help; validation, defaults and the published schema all derive from it.
#pragma once

#include <hako/error.h>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hako {

// How long a call may wait for its container unless tools.queueTimeout says otherwise.
constexpr int kDefaultQueueTimeoutSeconds = 600;

struct Settings
{
    QString dockerBinary;
    QString dockerHost;
    int parallelStarts = 0;
    QString runtime;
    QString image;
    double cpus = 2;
    qint64 memoryBytes = 0;
    int pids = 0;
    qint64 tmpSizeBytes = 0;
    qint64 workspaceSizeBytes = 0;
    QString seccompProfile;
    int idleTtl = 0;
    int absoluteTtl = 0;
    int gcInterval = 0;
    int poolSize = 0; // fixed when not 0
    int poolMin = 0, poolMax = 0;
    int poolWindow = 0; // seconds of arrivals an adaptive pool counts
    QString workspacesDir;
    QString runtimeDir;
    int toolTimeout = 0;
    int queueTimeout = 0; // seconds a call may wait for its container
    qint64 outputLimitBytes = 0;
    qint64 transferLimitBytes = 0;
    QJsonObject raw; // every key with its effective value, for parts that read their own

    // Defaults merged with `values`; problems are appended to `errors`.
    static Settings fromJson(const QJsonObject &values, QList<Error> *errors);
    // JSON Schema (draft 2020-12) with translated titles and descriptions.
    static QJsonObject schema();
};

} // namespace hako
