// Where a tripwire's evidence goes: one directory per incident,
// <evidence>/<conversation key>-<UTC time>, beneath a directory that is
// root's alone (0700), its files owner-only and never written over. The only
// part of a path that comes from a conversation is its key, checked to be one.
#pragma once

#include "../safedir.h"

#include <hako/error.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace hako {

class EvidenceBundle
{
public:
    // Makes the incident's directory (and `root` when missing); an invalid
    // bundle and the reason in `error` when it cannot.
    static EvidenceBundle create(const QString &root, const QString &key, const QDateTime &when, Error *error);

    bool isValid() const { return m_dir.valid(); }
    QString path() const { return m_path; }
    int fd() const { return m_dir.get(); }
    // A new file `name` in the bundle; false when it exists or cannot be written.
    bool write(const char *name, const QByteArray &content) const;

private:
    safedir::UniqueFd m_dir;
    QString m_path;
};

// The evidence directory that goes with a workspaces directory: its sibling
// "evidence" (/var/lib/hako/evidence for root's default).
QString evidenceRoot(const QString &workspacesDir);

// The lines of the audit file at `path` about conversation `key` (the
// conversation's ID or key in their "conversation" field), read from at most
// the last `maxBytes` of the file.
QByteArray auditLinesOf(const QString &path, const QString &key, qint64 maxBytes = 16LL << 20);

} // namespace hako
