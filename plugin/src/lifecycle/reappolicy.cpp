#include "reappolicy.h"

namespace hako {
namespace {

// "created" is included: a container that never started is as dead as an
// exited one. One being started right now belongs to a call in flight.
bool isStopped(const ContainerInfo &c)
{
    return c.state == QLatin1String("exited") || c.state == QLatin1String("created")
           || c.state == QLatin1String("dead");
}

bool olderThan(qint64 since, qint64 now, int ttl)
{
    return since > 0 && now - since > ttl;
}

QString ownReason(const ContainerInfo &c, qint64 last, const SweepInput &in)
{
    // Used since it was listed: it was being started then, not stopped.
    if (isStopped(c))
        return in.listedAt > 0 && last >= in.listedAt ? QString() : QLatin1String(reason::kExited);
    if (olderThan(createdAt(c), in.now, in.absoluteTtl))
        return QLatin1String(reason::kAbsoluteTtl);
    // Waiting is what a pool container is for: no idle TTL while its pool lives.
    if (in.waitingPool.contains(c.name))
        return in.heldPool.contains(c.name) ? QString() : QLatin1String(reason::kPoolStale);
    if (olderThan(last, in.now, in.idleTtl))
        return QLatin1String(reason::kIdleTtl);
    return {};
}

QString foreignReason(const ContainerInfo &c, qint64 last, const SweepInput &in)
{
    const QString owner = c.labels.value(QLatin1String(label::kInstance));
    switch (in.owners.value(owner, OwnerState::Unknown)) {
    case OwnerState::Alive: return {}; // a live host may have calls we cannot see
    case OwnerState::Gone: return olderThan(last, in.now, in.idleTtl) ? QLatin1String(reason::kOrphan) : QString();
    case OwnerState::Unknown:
        // Its owner may be alive somewhere we cannot look: only what no host
        // keeps, a container past the absolute TTL, goes.
        return olderThan(createdAt(c), in.now, in.absoluteTtl) ? QLatin1String(reason::kOrphan) : QString();
    }
    return {};
}

} // namespace

qint64 createdAt(const ContainerInfo &container)
{
    bool ok = false;
    const qint64 created = container.labels.value(QLatin1String(label::kCreated)).toLongLong(&ok);
    return ok && created > 0 ? created : 0;
}

QString reapReason(const ContainerInfo &container, const SweepInput &input)
{
    if (input.inFlight.contains(container.name))
        return {};
    // Activity recorded before the container existed (the call that created it) does not count.
    const qint64 last = qMax(createdAt(container), input.lastActivity.value(container.name));
    if (container.labels.value(QLatin1String(label::kInstance)) == input.instance)
        return ownReason(container, last, input);
    return foreignReason(container, last, input);
}

QList<Reaping> chooseContainersToReap(const SweepInput &input)
{
    QList<Reaping> chosen;
    for (const ContainerInfo &c : input.containers) {
        const QString why = reapReason(c, input);
        if (!why.isEmpty())
            chosen.append({c, why});
    }
    return chosen;
}

} // namespace hako
