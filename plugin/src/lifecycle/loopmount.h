// The mount operations behind a size-capped workspace: an ext4 image attached
// to a loop device and mounted nodev,nosuid. System calls, not mount(8): they
// take a millisecond, and the warm pool hands a workspace over on a call's
// critical path. All need root (CAP_SYS_ADMIN).
#pragma once

#include <QString>
#include <QStringList>

namespace hako::loopmount {

// Attaches `image` to a free loop device (detached again by the kernel when
// the filesystem is unmounted) and mounts it at `dir`.
bool mountImage(const QString &image, const QString &dir, QString *error);

// Moves the mount at `from` to `to` (an empty directory); below a shared
// mount, where MS_MOVE is refused, by binding it there and unmounting `from`.
bool moveMount(const QString &from, const QString &to, QString *error);

// Unmounts `dir`; when something still uses it, detaches it lazily instead.
bool unmount(const QString &dir, QString *error);

// Mount points listed in /proc/self/mountinfo, deepest first, under `dir`
// (`dir` itself included).
QStringList mountPointsUnder(const QString &dir);
bool isMountPoint(const QString &dir);
// The per-mount options of the mount at `dir` ("rw,nosuid,nodev,relatime"), empty if none.
QString mountOptions(const QString &dir);

} // namespace hako::loopmount
