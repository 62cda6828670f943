// Which warm pool container a conversation took. Labels cannot change, so a
// pool container becomes a conversation's by being renamed to the
// conversation's container name; from the hand-over until the rename is done
// (or after a crash in between), a small file <paths.runtime>/pool/claims/<key>
// holding the container's name says whose it is.
#pragma once

#include <QHash>
#include <QString>

namespace hako::poolclaims {

bool write(const QString &runtimeDir, const QString &key, const QString &container);
// The container `key` took, or an empty string.
QString read(const QString &runtimeDir, const QString &key);
void remove(const QString &runtimeDir, const QString &key);
// Every claim: container name -> conversation key.
QHash<QString, QString> all(const QString &runtimeDir);

} // namespace hako::poolclaims
