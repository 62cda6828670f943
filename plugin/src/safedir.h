// File-system operations for directories a sandbox can write to. The host
// (often root) must never act on a name there by path: a process inside can
// swap any entry for a symlink between the host's check and its act. So every
// operation here goes through a directory descriptor and an *at() call that
// refuses symlinks, and nothing ever crosses into another file system.
#pragma once

#include "../../agent/fd.h"

#include <QByteArray>
#include <QString>

#include <sys/types.h>

namespace hako::safedir {

using UniqueFd = agent::UniqueFd;

// Opens the directory at `path`, refusing a symlink as its last component.
// Its parents must be the host's own (not writable by any sandbox).
UniqueFd openDirectory(const QString &path);

// Opens the directory `name` directly inside `dirFd` without following a
// symlink anywhere (openat2 RESOLVE_BENEATH|RESOLVE_NO_SYMLINKS|RESOLVE_NO_XDEV
// where the kernel has it, O_NOFOLLOW otherwise).
UniqueFd openDirectoryAt(int dirFd, const char *name);

// An O_PATH descriptor of the socket `name` in `dirFd`; invalid with errno
// ELOOP for a symlink, ENOTSOCK for anything else that is not a socket.
UniqueFd openSocketAt(int dirFd, const char *name);

// "/proc/self/fd/N": names what `fd` refers to for calls that take only a
// path (connect, bind), without resolving any name a sandbox controls.
QByteArray procPath(int fd);

// Deep enough for any real project tree (node_modules included); each level
// holds one descriptor while its entries are removed.
inline constexpr int kMaxTreeDepth = 256;

// Deletes `name` in `dirFd` and, when it is a directory, everything beneath,
// never following a symlink and never leaving the file system of `dirFd`.
// Gives up below `maxDepth` levels. True when nothing is left.
bool removeAt(int dirFd, const char *name, int maxDepth = kMaxTreeDepth);

// removeAt() for a path whose parent is the host's own.
bool removePath(const QString &path, int maxDepth = kMaxTreeDepth);

// Makes the directory `dirFd` the user `uid`'s alone (0700); when this
// process cannot give it away (not root, and `uid` is a rootless engine's
// subordinate id), open to all (0777) instead.
bool giveTo(int dirFd, uint uid);

// Whether `dirFd` is a mount point (its device differs from its parent's).
bool isMountPointAt(int dirFd);

} // namespace hako::safedir
