// Which managed containers one GC sweep removes, and why. A pure function of
// what the sweep saw, so that every rule is testable without an engine.
#pragma once

#include "../engine/containerengine.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace hako {

// Why a container was removed; also the metric label.
namespace reason {
inline constexpr char kIdleTtl[] = "idle_ttl";
inline constexpr char kAbsoluteTtl[] = "absolute_ttl";
inline constexpr char kOrphan[] = "orphan";
inline constexpr char kExited[] = "exited";
inline constexpr char kPoolStale[] = "pool_stale"; // a warm pool container whose pool is gone
} // namespace reason

// What a sweep can tell about the host instance that owns a container.
enum class OwnerState {
    Alive,   // its runtime directory still carries its identity: its own GC decides
    Gone,    // its runtime directory is gone or belongs to another instance now
    Unknown, // no runtime label, or the directory cannot be read
};

struct SweepInput
{
    QList<ContainerInfo> containers;
    qint64 now = 0;     // seconds since the epoch
    QString instance;   // this host's instance ID
    int idleTtl = 3600; // seconds
    int absoluteTtl = 28800;
    QHash<QString, qint64> lastActivity; // container name -> seconds since the epoch
    QSet<QString> inFlight;              // container names with a call running
    QHash<QString, OwnerState> owners;   // other instance ID -> state; missing means Unknown
    QSet<QString> waitingPool;           // our warm pool containers no conversation has taken
    QSet<QString> heldPool;              // those of them a live pool still keeps
    // When the listing was asked for (seconds since the epoch; 0: unknown). A
    // state is only known as of then: on a loaded host `docker ps` can take
    // seconds, and a container it saw being created may have run a call since.
    qint64 listedAt = 0;
};

struct Reaping
{
    ContainerInfo container;
    QString reason;
};

// The containers to remove, each with its reason; the others stay.
QList<Reaping> chooseContainersToReap(const SweepInput &input);

// The reason `container` goes, or an empty string when it stays.
QString reapReason(const ContainerInfo &container, const SweepInput &input);

// The org.hako.created label in seconds since the epoch; 0 when missing or malformed.
qint64 createdAt(const ContainerInfo &container);

} // namespace hako
