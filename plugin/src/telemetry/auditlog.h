// The audit log: one JSON line per tool call, per proxy decision and per
// refused system call, appended to the file named by `audit.file`. A line
// names the conversation and what happened (tool, outcome, duration, the
// proxy's reason), never a command, an output or a credential: nothing a
// line holds comes from a tool's input or output.
#pragma once

#include <hako/error.h>

#include <QFile>
#include <QJsonObject>
#include <QString>

#include <memory>

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
};

class AuditLog
{
public:
    // Empty path: the log is off. The file is created 0600 and appended to,
    // one write per line, so that several processes of one host can share it.
    // On error the log stays as it was.
    Error open(const QString &path);
    bool isOpen() const { return m_file != nullptr; }

    void toolCall(const ToolCallRecord &record);
    void proxyDecision(const QString &conversation, const QString &decision, const QString &reason, qint64 upstreamMs);
    // One line stands for `count` refusals of the same call (telemetry throttles them).
    void seccompViolation(const QString &conversation, const QString &syscall, qint64 count);
    void securityEvent(const QString &conversation, const QString &type);

private:
    void write(const QString &event, QJsonObject fields);

    std::unique_ptr<QFile> m_file;
};

} // namespace hako::telemetry
