// What a host process remembers of the container serving a conversation: its
// name and the nonce its agent's key is derived from (agentproof.h). The next
// process, often a one-shot `hako-host exec`, connects to that agent without
// asking the engine first. The record only saves a lookup: the agent still
// proves the key derived from the host secret, and anything wrong with the
// record (missing, refused, stale, or an agent that does not prove it) sends
// the process to the engine, as if there were none.
//
// Records live in <runtime>/containers/<key>, a directory of the host user's
// alone that no sandbox mounts; still, a record is read as untrusted: through
// a directory descriptor, never following a link, only when it is a regular
// file of this user's with no access for anyone else, and bounded in size.
#pragma once

#include <QByteArray>
#include <QString>

namespace hako::containerrecord {

// The directory of every record under `runtimeDir`.
QString directory(const QString &runtimeDir);

// Replaces the record of `key` as a whole: `container`, whose agent's key is
// derived from `nonce`. False when it could not be stored (the next process
// then asks the engine).
bool write(const QString &runtimeDir, const QString &key, const QString &container, const QByteArray &nonce);
// The nonce the record of `key` holds for `container`; empty when there is no
// record, when it names another container, or when it fails any check.
QByteArray nonceFor(const QString &runtimeDir, const QString &key, const QString &container);
void remove(const QString &runtimeDir, const QString &key);

} // namespace hako::containerrecord
