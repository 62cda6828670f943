// The audit log: one JSON line per tool call, per proxy decision and per
// refused system call, appended to the file named by `audit.file`. A line
// names the conversation and what happened (tool, outcome, duration, the
// proxy's reason), never a command, an output or a credential: nothing a
// line holds comes from a tool's input or output. Lines are chained by hash
// (auditfile.h); checkpoint lines, signed with the host's audit key, vouch for
// the chain up to them.
#pragma once

#include "audit/auditkey.h"
#include "auditfile.h"

#include <hako/error.h>

#include <QJsonObject>
#include <QString>

namespace hako::telemetry {

struct ToolCallRecord
{
    QString conversation;
    QString callId;
    QString tool;
    QString outcome;
    qint64 durationMs = 0;
    int exitCode = -1; // bash only; -1 when there is none
    QString errorCode; // the plugin's error code, when the call failed
    // The start-up check had failed and verify.failOpen let the call run anyway.
    QStringList failedCheck = {};
};

class AuditLog
{
public:
    // Empty path: the log is off. The file is created 0600 and appended to,
    // so that several processes of one host can share it; the signing key at
    // `keyFile` is created on first use. On error the log stays as it was.
    Error open(const QString &path, const QString &keyFile);
    bool isOpen() const { return m_file.isOpen(); }

    void toolCall(const ToolCallRecord &record);
    // rule: the setting that refused the request, when a policy did.
    void proxyDecision(const QString &conversation, const QString &decision, const QString &reason, qint64 upstreamMs,
                       const QString &rule = {});
    // One line stands for `count` refusals of the same call (telemetry throttles them).
    void seccompViolation(const QString &conversation, const QString &syscall, qint64 count);
    void securityEvent(const QString &conversation, const QString &type);
    // The critical security event "tripwire": what set it off (proxy, canary) and the action taken.
    void tripwire(const QString &conversation, const QString &source, const QString &action);
    // A signed line vouching for the chain so far, written by any process; none when
    // the file's last line is this log's last checkpoint. Called on a timer and when
    // the host stops, never from a destructor: at exit, OpenSSL may be gone already.
    void checkpoint();

private:
    void write(const QString &event, QJsonObject fields);

    AuditFile m_file;
    audit::SigningKey m_key;
    QString m_keyFile;
    qint64 m_signedSeq = -1; // of this log's last checkpoint
};

} // namespace hako::telemetry
