// The audit log file, shared by every process of a host (`serve`, one-shot
// `exec`): each line is sealed onto the hash chain (audit/auditchain.h) under
// an exclusive flock on the file, after finding where the chain stands: this
// process's last line when nobody wrote since, else the file's actual last
// line. A file renamed away (rotation) is followed by a new one at the same
// path, which continues the chain; a last line that is not a sound sealed line
// starts a new segment, marked as such, instead of chaining to it.
#pragma once

#include "../../../agent/fd.h"
#include "audit/auditchain.h"

#include <hako/error.h>

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace hako::telemetry {

class AuditFile
{
public:
    // The fields of the next line, from the head it will follow; empty: no line.
    using Compose = std::function<QJsonObject(const audit::ChainHead &previous)>;

    // Opens (creates 0600) `path` for appending; on error the file stays as it was.
    Error open(const QString &path);
    void close();
    bool isOpen() const { return m_fd.valid(); }
    QString path() const { return m_path; }

    // Seals compose()'s fields, with "time", as the next line. False when it could not be written.
    bool append(const Compose &compose);

private:
    void followRename();
    std::optional<audit::ChainHead> currentHead();
    bool writeSealed(QJsonObject fields, const audit::ChainHead &previous);

    agent::UniqueFd m_fd;
    QString m_path;
    qint64 m_end = -1; // the file's size after this process's last line
    std::optional<audit::ChainHead> m_head;
};

} // namespace hako::telemetry
