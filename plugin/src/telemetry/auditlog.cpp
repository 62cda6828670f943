#include "auditlog.h"

#include "../logging.h"
#include "../policy/errors.h"

#include "audit/auditchain.h"

#include <QJsonArray>

namespace hako::telemetry {
namespace {

// IDs come from the host; longer ones are refused anyway, and a line stays short.
constexpr int kMaxIdLength = 256;

QString bounded(const QString &text)
{
    return text.left(kMaxIdLength);
}

} // namespace

Error AuditLog::open(const QString &path, const QString &keyFile)
{
    if (path == m_file.path() && keyFile == m_keyFile)
        return {};
    audit::SigningKey key;
    AuditFile file;
    if (!path.isEmpty()) {
        if (const QString problem = key.loadOrCreate(keyFile); !problem.isEmpty())
            return makeError(ErrorCode::AuditKey, {keyFile}, problem);
        if (Error error = file.open(path))
            return error;
    }
    checkpoint(); // the old file's last lines are vouched for before it is left
    m_file = std::move(file);
    m_key = std::move(key);
    m_keyFile = keyFile;
    m_signedSeq = -1;
    return {};
}

void AuditLog::checkpoint()
{
    if (!m_file.isOpen())
        return;
    qint64 seq = 0;
    const bool written = m_file.append([this, &seq](const audit::ChainHead &previous) {
        // Nothing since the last checkpoint (this process's, or the file's start): nothing to vouch for.
        if (previous.seq == m_signedSeq || previous.seq == 0)
            return QJsonObject();
        seq = previous.seq + 1;
        const QByteArray signature = m_key.sign(audit::checkpointMessage(seq, previous.hash));
        return QJsonObject{{QStringLiteral("event"), QLatin1String(audit::kCheckpointEvent)},
                           {QStringLiteral("key"), m_key.id()},
                           {QStringLiteral("sig"), QString::fromLatin1(signature.toBase64())}};
    });
    if (written && seq > 0)
        m_signedSeq = seq;
}

void AuditLog::write(const QString &event, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), event);
    m_file.append([&fields](const audit::ChainHead &) { return fields; });
}

void AuditLog::toolCall(const ToolCallRecord &r)
{
    QJsonObject fields = {{QStringLiteral("conversation"), bounded(r.conversation)},
                          {QStringLiteral("call_id"), bounded(r.callId)},
                          {QStringLiteral("tool"), r.tool},
                          {QStringLiteral("outcome"), r.outcome},
                          {QStringLiteral("duration_ms"), double(r.durationMs)}};
    if (r.exitCode >= 0)
        fields.insert(QStringLiteral("exit_code"), r.exitCode);
    if (!r.errorCode.isEmpty())
        fields.insert(QStringLiteral("error"), r.errorCode);
    if (!r.failedCheck.isEmpty())
        fields.insert(QStringLiteral("failed_check"), QJsonArray::fromStringList(r.failedCheck));
    write(QStringLiteral("tool_call"), fields);
}

void AuditLog::proxyDecision(const QString &conversation, const QString &decision, const QString &reason,
                             qint64 upstreamMs, const QString &rule)
{
    QJsonObject fields = {{QStringLiteral("conversation"), bounded(conversation)},
                          {QStringLiteral("decision"), decision},
                          {QStringLiteral("reason"), reason}};
    if (upstreamMs >= 0)
        fields.insert(QStringLiteral("upstream_ms"), double(upstreamMs));
    if (!rule.isEmpty())
        fields.insert(QStringLiteral("rule"), bounded(rule));
    write(QStringLiteral("proxy_decision"), fields);
}

void AuditLog::seccompViolation(const QString &conversation, const QString &syscall, qint64 count)
{
    write(QStringLiteral("seccomp_violation"), {{QStringLiteral("conversation"), bounded(conversation)},
                                                {QStringLiteral("syscall"), syscall},
                                                {QStringLiteral("count"), double(count)}});
}

void AuditLog::tripwire(const QString &conversation, const QString &source, const QString &action)
{
    write(QStringLiteral("security_event"), {{QStringLiteral("conversation"), bounded(conversation)},
                                             {QStringLiteral("type"), QStringLiteral("tripwire")},
                                             {QStringLiteral("severity"), QStringLiteral("critical")},
                                             {QStringLiteral("source"), source},
                                             {QStringLiteral("action"), action}});
}

void AuditLog::securityEvent(const QString &conversation, const QString &type)
{
    write(QStringLiteral("security_event"),
          {{QStringLiteral("conversation"), bounded(conversation)}, {QStringLiteral("type"), type}});
}

} // namespace hako::telemetry
