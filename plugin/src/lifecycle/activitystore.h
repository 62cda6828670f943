// When each conversation last had a call, and which have one running. Kept in
// files under <paths.runtime>/activity/<key> so that it survives a restart and
// every process of the host (`exec`, `serve`, an embedding app) sees the same:
// the file's mtime is the last call start or end, and a call in flight holds a
// shared flock on it. The kernel drops the lock when a process dies, so a
// crashed call never pins its container.
#pragma once

#include "filelock.h"

#include <hako/toolcall.h>

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace hako {

class ActivityStore final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Runs `proceed` once no sweep is removing `key`'s container. From then until
    // `call` finishes, the call is in flight and its start and end are recorded
    // under `runtimeDir`. Fails the call when the activity file cannot be opened.
    void admit(ToolCall *call, const QString &runtimeDir, const QString &key, std::function<void()> proceed);

    // Conversation keys with a call of this process in flight.
    QSet<QString> inFlight() const;

    static QString path(const QString &runtimeDir, const QString &key);
    // Last recorded call start or end, seconds since the epoch; 0 when unknown.
    static qint64 lastActivity(const QString &runtimeDir, const QString &key);
    // A sweep's exclusive hold on `key`: while held no call is admitted. Not
    // held when a call is in flight in any process.
    static FileLock claim(const QString &runtimeDir, const QString &key);

private:
    void tryAdmit(ToolCall *call, const QString &file, const QString &key, const std::function<void()> &proceed,
                  int attempt);
    void release(const QString &key);

    QHash<QString, int> m_inFlight; // key -> calls running
};

} // namespace hako
