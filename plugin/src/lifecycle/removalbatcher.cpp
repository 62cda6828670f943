#include "removalbatcher.h"

#include "../logging.h"

#include <QSet>

namespace hako {

RemovalBatcher::RemovalBatcher(ContainerEngine &engine, QObject *parent) : QObject(parent), m_engine(engine) {}

void RemovalBatcher::remove(const QStringList &names, QObject *context, ContainerEngine::Removed done)
{
    if (names.isEmpty())
        return done({}, {});
    m_waiting.append({names, context, std::move(done), {}, 0});
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
            // The engine first: each end answered below unmounts and deletes its
            // workspace on this thread, and the next `docker rm` need not wait for that.
            pump();
            const QList<Request> again = answer(batch, error, removed);
            QStringList left;
            for (const Request &request : again)
                left << request.names;
            if (!left.isEmpty())
                qCWarning(lcDocker).noquote() << "could not remove" << left.size() << "containers yet, trying again ("
                                              << left.join(QLatin1Char(' ')) << "):" << error.logMessage;
            // Behind what waits: the engine that refused them is busy with it.
            m_waiting << again;
            pump();
        });
    }
}

QList<RemovalBatcher::Request> RemovalBatcher::answer(QList<Request> batch, const Error &error,
                                                      const QStringList &removed)
{
    const QSet<QString> gone(removed.begin(), removed.end());
    QList<Request> again;
    for (Request &request : batch) {
        if (!request.context)
            continue;
        QStringList left;
        for (const QString &name : std::as_const(request.names))
            (gone.contains(name) ? request.gone : left) << name;
        ++request.attempts;
        // Another request's container that would not go is not this one's failure.
        if (!error || left.isEmpty()) {
            request.done({}, request.gone);
        } else if (request.attempts < kAttempts) {
            request.names = left;
            again << std::move(request);
        } else {
            request.done(error, request.gone);
        }
    }
    return again;
}

} // namespace hako
