#include "removalbatcher.h"

#include <QSet>

namespace hako {

RemovalBatcher::RemovalBatcher(ContainerEngine &engine, QObject *parent) : QObject(parent), m_engine(engine) {}

void RemovalBatcher::remove(const QStringList &names, QObject *context, ContainerEngine::Removed done)
{
    if (names.isEmpty())
        return done({}, {});
    m_waiting.append({names, context, std::move(done)});
    pump();
}

void RemovalBatcher::pump()
{
    while (m_inFlight < kBatchesInFlight && !m_waiting.isEmpty()) {
        QList<Request> batch;
        QStringList names;
        // Whole requests only; the first goes even when it alone is larger.
        while (!m_waiting.isEmpty()
               && (batch.isEmpty() || names.size() + m_waiting.first().names.size() <= kMaxNamesPerBatch)) {
            Request request = m_waiting.takeFirst();
            if (!request.context)
                continue; // nobody waits for it
            for (const QString &name : std::as_const(request.names))
                if (!names.contains(name))
                    names << name;
            batch << std::move(request);
        }
        if (batch.isEmpty())
            continue;
        ++m_inFlight;
        m_engine.remove(names, this, [this, batch](const Error &error, const QStringList &removed) {
            --m_inFlight;
            answer(batch, error, removed);
            pump();
        });
    }
}

void RemovalBatcher::answer(const QList<Request> &batch, const Error &error, const QStringList &removed)
{
    const QSet<QString> gone(removed.begin(), removed.end());
    for (const Request &request : batch) {
        if (!request.context)
            continue;
        QStringList mine;
        for (const QString &name : request.names)
            if (gone.contains(name))
                mine << name;
        // Another request's container that would not go is not this one's failure.
        const bool allGone = mine.size() == request.names.size();
        request.done(error && !allGone ? error : Error(), mine);
    }
}

} // namespace hako
