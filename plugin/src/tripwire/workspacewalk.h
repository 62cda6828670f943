// The workspace listing of an incident record: each entry's type, size, and
// for a regular file its SHA-256, walked through directory descriptors
// without following a link or leaving the file system. The workspace is the
// sandbox's to shape: a name is escaped before it is written, nothing but a
// regular file is ever opened for reading, and the walk stops at its bounds,
// saying so in the listing.
#pragma once

#include <QByteArray>

namespace hako {

struct WalkLimits
{
    int maxEntries = 20000;
    int maxDepth = 64;
    qint64 maxHashBytes = 512LL << 20;    // for the whole walk; later files are listed unhashed
    qint64 maxFileHashBytes = 64LL << 20; // a larger file is listed unhashed
};

// Lines of "type<TAB>size<TAB>sha256 or -<TAB>path" (path escaped, relative
// to `dirFd`), type one of file, dir, link, fifo, socket, device, other;
// a last line starting with '#' when a bound cut the walk short.
QByteArray listWorkspace(int dirFd, const WalkLimits &limits = {});

// The bytes of `name` that could break a line or a field, and '%', as %XX.
QByteArray escapedName(const QByteArray &name);

} // namespace hako
