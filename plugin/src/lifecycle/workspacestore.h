// Where conversations' files live on the host, and how large they may grow.
// When the cap can be enforced (root, loop devices, mkfs.ext4), a workspace
// is a sparse ext4 image <dir>.img of limits.workspaceSize bytes, loop-mounted
// nodev,nosuid at <dir>: a tool writing past it gets ENOSPC and the host's
// disk does not fill. Otherwise a workspace is a plain directory, and
// health() and the log say that the cap is not enforced, and why.
#pragma once

#include "../engine/commandqueue.h"
#include "loopmount.h"

#include <hako/error.h>

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace hako {

class ContainerEngine;
class EngineFacts;

class WorkspaceStore final : public QObject
{
    Q_OBJECT
public:
    struct Cap
    {
        qint64 bytes = 0;
        bool enforced = false;
        QString reason; // why not, when not
    };

    // Workspaces live under `root`, capped at `capBytes` each. `engine` (may be
    // null) deletes what this user cannot; `facts` tell whose the files are.
    WorkspaceStore(const QString &root, qint64 capBytes, const EngineFacts &facts, ContainerEngine *engine,
                   QObject *parent = nullptr);
    ~WorkspaceStore() override;

    // Decided once from the settings and this process's privileges.
    const Cap &cap() const { return m_cap; }
    static QString imageOf(const QString &dir) { return dir + QStringLiteral(".img"); }

    // Whether `dir` holds a workspace: the directory or its image exists.
    bool exists(const QString &dir) const;
    // Makes `dir` ready for a container: creates it (and its image), or mounts
    // the image that is already there. Callers keep one preparation per `dir` at a time.
    void prepare(const QString &dir, QObject *context, std::function<void(const Error &)> done);
    // Gives the fresh workspace at `from` the name `to`, which must not exist yet.
    // A container already using `from` keeps using it, now under the new name.
    Error handOver(const QString &from, const QString &to);
    // Unmounts `dir`; its files stay in the image for the next container.
    void release(const QString &dir);
    // Deletes the workspace: unmounts it, removes the image and the directory
    // (through the engine, which can delete files its user namespace owns).
    // `done`, when given, runs unless `context` is gone; failures are logged either way.
    void remove(const QString &dir, QObject *context = nullptr, std::function<void(const Error &)> done = {});
    // As remove(), but the unmount and the deletion (each ~10 ms of waiting on
    // the kernel, far more on a loaded host) run on a worker thread, so that a
    // thousand ends do not wait in line on this one; `done` comes back on this
    // thread, unless `context` is gone by then.
    void removeInBackground(const QString &dir, QObject *context, std::function<void(const Error &)> done);
    // Unmounts every workspace of this host (on shutdown).
    void releaseAll();

    QJsonObject health() const;
    // Says once, as a warning, when the cap is not enforced.
    void reportCap() const;

private:
    Error makeDirectory(const QString &dir) const;
    Error mountImage(const QString &dir) const;
    void unmount(const QString &dir, loopmount::Contents contents);
    // The part of a removal that needs no event loop; whether `dir` is gone.
    bool deleteFiles(const QString &dir);
    void finishRemoval(const QString &dir, bool gone, QObject *context, std::function<void(const Error &)> done);
    // `release` gives the place in m_formats back, once, whatever happens.
    void makeImage(const QString &dir, QObject *context, const CommandQueue::Release &release,
                   std::function<void(const Error &)> done);

    QString m_root;
    const EngineFacts &m_facts;
    ContainerEngine *m_engine;
    Cap m_cap;
    CommandQueue m_formats{2}; // mkfs.ext4 processes at once
    QThreadPool m_removals;    // removeInBackground's workers
};

} // namespace hako
