// The mount operations behind a size-capped workspace: an ext4 image attached
// to a loop device and mounted nodev,nosuid. System calls, not mount(8): they
// take a millisecond, and the warm pool hands a workspace over on a call's
// critical path. All need root (CAP_SYS_ADMIN).
#pragma once

#include <hako/error.h>

#include <QString>
#include <QStringList>

// Each operation that fails says why in an ErrorCode::WorkspaceCap error.
namespace hako::loopmount {

// Attaches `image` to a free loop device (detached again by the kernel when
// the filesystem is unmounted) and mounts it at `dir`.
Error mountImage(const QString &image, const QString &dir);

// Moves the mount at `from` to `to` (an empty directory); below a shared
// mount, where MS_MOVE is refused, by binding it there and unmounting `from`.
Error moveMount(const QString &from, const QString &to);

// Unmounts `dir`; when something still uses it, detaches it lazily instead.
// Kept contents are written out first; discarded ones (the image is deleted next) are not.
enum class Contents { Keep, Discard };
Error unmount(const QString &dir, Contents contents = Contents::Keep);

// Mount points listed in /proc/self/mountinfo, deepest first, under `dir`
// (`dir` itself included).
QStringList mountPointsUnder(const QString &dir);
bool isMountPoint(const QString &dir);
// The per-mount options of the mount at `dir` ("rw,nosuid,nodev,relatime"), empty if none.
QString mountOptions(const QString &dir);

} // namespace hako::loopmount
