#include "auditlog.h"

#include "../logging.h"
#include "../policy/errors.h"

#include <QDateTime>
#include <QFileInfo>
#include <QDir>
#include <QJsonDocument>

namespace hako::telemetry {
namespace {

// IDs come from the host; longer ones are refused anyway, and a line stays short.
constexpr int kMaxIdLength = 256;

QString bounded(const QString &text)
{
    return text.left(kMaxIdLength);
}

} // namespace

Error AuditLog::open(const QString &path)
{
    if (path.isEmpty()) {
        m_file.reset();
        return {};
    }
    if (m_file && m_file->fileName() == path)
        return {};
    auto file = std::make_unique<QFile>(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    const bool existed = file->exists();
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return makeError(ErrorCode::HostIo, {path}, file->errorString());
    if (!existed)
        file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_file = std::move(file);
    return {};
}

void AuditLog::write(const QString &event, QJsonObject fields)
{
    if (!m_file)
        return;
    fields.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    fields.insert(QStringLiteral("event"), event);
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    // Unbuffered and O_APPEND: one write(2), so lines of several processes never interleave.
    if (m_file->write(line) != line.size())
        qCWarning(lcAudit).noquote() << "cannot write to" << m_file->fileName() << m_file->errorString();
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
    write(QStringLiteral("tool_call"), fields);
}

void AuditLog::proxyDecision(const QString &conversation, const QString &decision, const QString &reason,
                             qint64 upstreamMs)
{
    QJsonObject fields = {{QStringLiteral("conversation"), bounded(conversation)},
                          {QStringLiteral("decision"), decision},
                          {QStringLiteral("reason"), reason}};
    if (upstreamMs >= 0)
        fields.insert(QStringLiteral("upstream_ms"), double(upstreamMs));
    write(QStringLiteral("proxy_decision"), fields);
}

void AuditLog::seccompViolation(const QString &conversation, const QString &syscall, qint64 count)
{
    write(QStringLiteral("seccomp_violation"), {{QStringLiteral("conversation"), bounded(conversation)},
                                                {QStringLiteral("syscall"), syscall},
                                                {QStringLiteral("count"), double(count)}});
}

void AuditLog::securityEvent(const QString &conversation, const QString &type)
{
    write(QStringLiteral("security_event"),
          {{QStringLiteral("conversation"), bounded(conversation)}, {QStringLiteral("type"), type}});
}

} // namespace hako::telemetry
