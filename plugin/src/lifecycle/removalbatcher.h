// Removals asked for together share `docker rm`s: a thousand conversations
// ended at once are a few dozen engine commands instead of a thousand, and
// the engine removes the containers of each one in parallel. While
// kBatchesInFlight removals run, new requests gather for the next; one that
// arrives while the engine is idle goes at once. A batch that fails (on a
// loaded host, a `docker rm` past the command timeout) goes back in line for
// the names that may still be there, so that an end fails only when the
// engine refused it kAttempts times, and then says so.
#pragma once

#include "../engine/containerengine.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace hako {

class RemovalBatcher final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatchesInFlight = 4;
    // Each `docker rm` has the engine's command timeout (30 s): fifty names
    // took longer than that on a two-core host under load, ten do not.
    static constexpr int kMaxNamesPerBatch = 10;
    static constexpr int kAttempts = 3;

    explicit RemovalBatcher(ContainerEngine &engine, QObject *parent = nullptr);

    // As ContainerEngine::remove: `done` gets the request's own names that were
    // removed, and an error only when a name of the request may still be there.
    void remove(const QStringList &names, QObject *context, ContainerEngine::Removed done);

    struct Request
    {
        QStringList names; // still to remove
        QPointer<QObject> context;
        ContainerEngine::Removed done;
        QStringList gone; // removed by earlier attempts
        int attempts = 0;
    };
    // Answers each request of a batch from the engine's answer for all of it,
    // and returns those to try again: a failed one with names left and attempts to spare.
    static QList<Request> answer(QList<Request> batch, const Error &error, const QStringList &removed);

private:
    void pump();

    ContainerEngine &m_engine;
    QList<Request> m_waiting;
    int m_inFlight = 0;
};

} // namespace hako
