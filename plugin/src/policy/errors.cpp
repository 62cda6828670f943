#include "errors.h"

#include <hako/protocol/errors.h>

#include <QCoreApplication>
#include <QJsonArray>

namespace hako {
namespace {

struct Entry
{
    ErrorCode code;
    const char *id;
    const char *text;
};

const Entry kEntries[] = {
        {ErrorCode::SettingUnknown, "setting_unknown", QT_TRANSLATE_NOOP("hako::Errors", "Unknown setting \"%1\".")},
        {ErrorCode::SettingType, "setting_type",
         QT_TRANSLATE_NOOP("hako::Errors", "Setting \"%1\" must be of type %2.")},
        {ErrorCode::SettingRange, "setting_range",
         QT_TRANSLATE_NOOP("hako::Errors", "Setting \"%1\" must be between %2 and %3.")},
        {ErrorCode::SettingSize, "setting_size",
         QT_TRANSLATE_NOOP("hako::Errors", "Setting \"%1\" must be a size such as 512m or 2g, not \"%2\".")},
        {ErrorCode::SettingValue, "setting_value",
         QT_TRANSLATE_NOOP("hako::Errors", "Setting \"%1\" cannot be \"%2\".")},
        {ErrorCode::ConversationIdEmpty, "conversation_id_empty",
         QT_TRANSLATE_NOOP("hako::Errors", "The conversation ID is empty.")},
        {ErrorCode::ConversationIdTooLong, "conversation_id_too_long",
         QT_TRANSLATE_NOOP("hako::Errors", "The conversation ID is longer than %1 bytes.")},
        {ErrorCode::ConversationIdInvalid, "conversation_id_invalid",
         QT_TRANSLATE_NOOP("hako::Errors", "The conversation ID contains control characters or invalid text.")},
        {ErrorCode::ConversationNotFound, "conversation_not_found",
         QT_TRANSLATE_NOOP("hako::Errors",
                           "There is no such conversation: it has neither a sandbox nor a workspace here.")},
        {ErrorCode::UnknownTool, proto::code::UnknownTool,
         QT_TRANSLATE_NOOP("hako::Errors", "There is no tool named \"%1\".")},
        {ErrorCode::BadInput, "bad_input", QT_TRANSLATE_NOOP("hako::Errors", "Invalid input for tool \"%1\": %2")},
        {ErrorCode::Timeout, "timeout",
         QT_TRANSLATE_NOOP("hako::Errors", "The call did not finish within %1 seconds and was stopped.")},
        {ErrorCode::QueueTimeout, "queue_timeout",
         QT_TRANSLATE_NOOP("hako::Errors", "The conversation's sandbox was not ready within %1 seconds, so the call "
                                           "did not run.")},
        {ErrorCode::Cancelled, proto::code::Cancelled, QT_TRANSLATE_NOOP("hako::Errors", "The call was cancelled.")},
        {ErrorCode::DockerMissing, "docker_missing",
         QT_TRANSLATE_NOOP("hako::Errors", "The container engine program \"%1\" could not be started.")},
        {ErrorCode::DockerFailed, "docker_failed",
         QT_TRANSLATE_NOOP("hako::Errors", "The container engine failed to %1.")},
        {ErrorCode::DockerTimeout, "docker_timeout",
         QT_TRANSLATE_NOOP("hako::Errors", "The container engine did not answer within %1 seconds.")},
        {ErrorCode::ContainerStart, "container_start",
         QT_TRANSLATE_NOOP("hako::Errors", "The sandbox for this conversation could not be started.")},
        {ErrorCode::ContainerNameInUse, "name_in_use",
         QT_TRANSLATE_NOOP("hako::Errors", "The container engine failed to %1: the container's name is taken.")},
        {ErrorCode::AdminListen, "admin_listen",
         QT_TRANSLATE_NOOP("hako::Errors", "Cannot serve the admin endpoints on %1:%2.")},
        {ErrorCode::AgentUnreachable, "agent_unreachable",
         QT_TRANSLATE_NOOP("hako::Errors", "The sandbox did not become ready within %1 seconds.")},
        {ErrorCode::AgentLost, "agent_lost",
         QT_TRANSLATE_NOOP("hako::Errors", "The sandbox stopped during the call; the next call starts a new one.")},
        {ErrorCode::AgentProtocol, "agent_protocol",
         QT_TRANSLATE_NOOP("hako::Errors", "The sandbox answered with something that is not valid.")},
        {ErrorCode::AgentImpersonation, "agent_impersonation",
         QT_TRANSLATE_NOOP("hako::Errors", "Something in the sandbox posed as its agent, so nothing was run; the "
                                           "sandbox is replaced (its workspace is kept).")},
        {ErrorCode::HostIo, "host_io", QT_TRANSLATE_NOOP("hako::Errors", "A host directory could not be prepared: %1")},
        {ErrorCode::TransferIo, "transfer_io",
         QT_TRANSLATE_NOOP("hako::Errors", "The file could not be moved between the host and the sandbox.")},
        {ErrorCode::ShuttingDown, "shutting_down",
         QT_TRANSLATE_NOOP("hako::Errors", "The sandbox host is shutting down.")},
        {ErrorCode::Tripwire, "tripwire",
         QT_TRANSLATE_NOOP("hako::Errors",
                           "A security tripwire froze this conversation's sandbox; it stays paused for an operator. "
                           "Ending the conversation releases it.")},
        {ErrorCode::AgentBadRequest, proto::code::BadRequest,
         QT_TRANSLATE_NOOP("hako::Errors", "The request was not valid.")},
        {ErrorCode::SpawnFailed, proto::code::SpawnFailed,
         QT_TRANSLATE_NOOP("hako::Errors", "The command could not be started (too many processes?).")},
        {ErrorCode::PathOutside, proto::code::PathOutside,
         QT_TRANSLATE_NOOP("hako::Errors", "The path leads outside /workspace.")},
        {ErrorCode::NotFound, proto::code::NotFound, QT_TRANSLATE_NOOP("hako::Errors", "No such file or directory.")},
        {ErrorCode::NoMatch, proto::code::NoMatch,
         QT_TRANSLATE_NOOP("hako::Errors", "The text to replace was not found.")},
        {ErrorCode::MultipleMatches, proto::code::MultipleMatches,
         QT_TRANSLATE_NOOP("hako::Errors", "The text to replace occurs more than once; make it unique.")},
        {ErrorCode::TooLarge, proto::code::TooLarge,
         QT_TRANSLATE_NOOP("hako::Errors", "The file is larger than allowed.")},
        {ErrorCode::IoError, proto::code::IoError,
         QT_TRANSLATE_NOOP("hako::Errors", "Reading or writing the file failed.")},
        {ErrorCode::NoSpace, proto::code::NoSpace, QT_TRANSLATE_NOOP("hako::Errors", "The workspace is full.")},
        {ErrorCode::Exists, proto::code::Exists, QT_TRANSLATE_NOOP("hako::Errors", "The file already exists.")},
        {ErrorCode::SeccompEmpty, "seccomp_empty", QT_TRANSLATE_NOOP("hako::Errors", "The seccomp profile is empty.")},
        {ErrorCode::SeccompNotJson, "seccomp_not_json",
         QT_TRANSLATE_NOOP("hako::Errors", "The seccomp profile is not a JSON object.")},
        {ErrorCode::SeccompField, "seccomp_field",
         QT_TRANSLATE_NOOP("hako::Errors", "Seccomp profile: %1 is missing, unknown or of the wrong type.")},
        {ErrorCode::SeccompUnknownSyscall, "seccomp_unknown_syscall",
         QT_TRANSLATE_NOOP("hako::Errors", "Seccomp profile: %1 names \"%2\", which is not a system call on %3.")},
        {ErrorCode::SeccompBadAction, "seccomp_bad_action",
         QT_TRANSLATE_NOOP("hako::Errors", "Seccomp profile: %1 is \"%2\", which is not a seccomp action.")},
        {ErrorCode::SeccompBadOperator, "seccomp_bad_operator",
         QT_TRANSLATE_NOOP("hako::Errors", "Seccomp profile: %1 is \"%2\", which is not an argument operator.")},
        {ErrorCode::SeccompBadValue, "seccomp_bad_value",
         QT_TRANSLATE_NOOP("hako::Errors", "Seccomp profile: %1 cannot be %2.")},
        {ErrorCode::SeccompShadowedRule, "seccomp_shadowed_rule",
         QT_TRANSLATE_NOOP("hako::Errors",
                           "Seccomp profile: %1 never takes effect, because %2 decides every call of \"%3\".")},
        {ErrorCode::SeccompRuleRejected, "seccomp_rule_rejected",
         QT_TRANSLATE_NOOP("hako::Errors", "Seccomp profile: libseccomp refuses %1 on %2.")},
        {ErrorCode::SeccompTooLong, "seccomp_too_long",
         QT_TRANSLATE_NOOP("hako::Errors",
                           "Seccomp profile: the filter for %1 has %2 instructions; the kernel accepts at most %3.")},
        {ErrorCode::AgentMissing, "agent_missing",
         QT_TRANSLATE_NOOP("hako::Errors", "The sandbox agent program hako-agent was not found next to the plugin; "
                                           "set HAKO_AGENT to its path.")},
        {ErrorCode::AppArmorProfileMissing, "apparmor_profile_missing",
         QT_TRANSLATE_NOOP("hako::Errors",
                           "AppArmor is on in this kernel but the profile hako-workspace is not loaded, "
                           "so containers would run without it; load it with "
                           "apparmor_parser -r -W policies/apparmor/hako-workspace.")},
        {ErrorCode::WorkspaceCap, "workspace_cap",
         QT_TRANSLATE_NOOP("hako::Errors", "The workspace's size limit could not be put in place.")},
        {ErrorCode::WorkspaceUncapped, "workspace_uncapped",
         QT_TRANSLATE_NOOP("hako::Errors", "The workspace %1 holds files but has no size-limited image; "
                                           "move the files elsewhere or delete it.")},
        {ErrorCode::AgentOverrun, "agent_overrun",
         QT_TRANSLATE_NOOP("hako::Errors", "The sandbox kept sending output past the call's output limit; "
                                           "the call was stopped.")},
        {ErrorCode::AuditKey, "audit_key",
         QT_TRANSLATE_NOOP("hako::Errors", "The audit log's signing key %1 cannot be used.")},
        {ErrorCode::VerifyFailed, "verify_failed",
         QT_TRANSLATE_NOOP("hako::Errors",
                           "The sandbox host refuses calls: its security check failed (%1). An operator must "
                           "repair the host; hako-host verify shows the details.")},
        {ErrorCode::MultipleMatchesAt, proto::code::MultipleMatches,
         QT_TRANSLATE_NOOP("hako::Errors",
                           "The text to replace occurs %1 times (at lines %2); include more context to make it "
                           "unique.")},
        {ErrorCode::TooLargeBy, proto::code::TooLarge,
         QT_TRANSLATE_NOOP("hako::Errors", "The file has %1 bytes, more than the limit of %2 bytes.")},
        {ErrorCode::LineOutOfRange, proto::code::BadRequest,
         QT_TRANSLATE_NOOP("hako::Errors", "The line number is outside the file, which has %1 lines.")},
};

const Entry &entryFor(ErrorCode code)
{
    for (const Entry &e : kEntries)
        if (e.code == code)
            return e;
    Q_UNREACHABLE();
}

// %1 to %9 in one pass: what an argument brings in is never read as a placeholder.
QString fill(const QString &text, const QList<ErrorArg> &args, QString ErrorArg::*side)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int n = i + 1 < text.size() && text.at(i) == QLatin1Char('%') ? text.at(i + 1).digitValue() : -1;
        if (n >= 1 && n <= args.size()) {
            out += args.at(n - 1).*side;
            ++i;
        } else {
            out += text.at(i);
        }
    }
    return out;
}

// Agent details are the sandbox's: only plain non-negative integers below 2^53 are taken.
bool count(const QJsonValue &v, qint64 *out)
{
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > 0x1p53 || d != double(qint64(d)))
        return false;
    *out = qint64(d);
    return true;
}

// "3, 7, 12" for at most kListedLines line numbers, "..." when more occur.
QString lineList(const QJsonArray &lines, qint64 occurrences)
{
    constexpr qsizetype kListedLines = 20;
    QStringList listed;
    for (const QJsonValue &v : lines) {
        qint64 line = 0;
        if (listed.size() == kListedLines || !count(v, &line))
            break;
        listed << QString::number(line);
    }
    if (occurrences > listed.size())
        listed << QStringLiteral("...");
    return listed.join(QStringLiteral(", "));
}

// The agent's details as a more precise error of the same code, if they make sense.
Error detailedAgentError(ErrorCode code, const QJsonObject &details)
{
    using namespace proto::detail;
    qint64 a = 0, b = 0;
    const QJsonValue lines = details.value(QLatin1String(Lines));
    if (code == ErrorCode::MultipleMatches && count(details.value(QLatin1String(Count)), &a) && a > 1
        && lines.isArray())
        return makeError(ErrorCode::MultipleMatchesAt, {QString::number(a), lineList(lines.toArray(), a)});
    if (code == ErrorCode::TooLarge && count(details.value(QLatin1String(Size)), &a)
        && count(details.value(QLatin1String(MaxBytes)), &b) && a > b)
        return makeError(ErrorCode::TooLargeBy, {QString::number(a), QString::number(b)});
    if (code == ErrorCode::AgentBadRequest && count(lines, &a))
        return makeError(ErrorCode::LineOutOfRange, {QString::number(a)});
    return makeError(code);
}

// The agent's words as one line of printable ASCII: what else arrives is the sandbox's, not the agent's.
QString printable(const QString &text)
{
    QString out = text;
    for (QChar &c : out)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            c = QLatin1Char('?');
    return out;
}

} // namespace

ErrorArg ErrorArg::phrase(const char *context, const char *text, const QList<ErrorArg> &args)
{
    ErrorArg arg(QString{});
    arg.message = fill(QCoreApplication::translate(context, text), args, &ErrorArg::message);
    arg.log = fill(QLatin1String(text), args, &ErrorArg::log);
    return arg;
}

Error makeError(ErrorCode code, const QList<ErrorArg> &args, const QString &detail)
{
    const Entry &e = entryFor(code);
    Error error;
    error.code = QLatin1String(e.id);
    error.message = fill(QCoreApplication::translate("hako::Errors", e.text), args, &ErrorArg::message);
    error.logMessage = fill(QLatin1String(e.text), args, &ErrorArg::log);
    if (!detail.isEmpty())
        error.logMessage += QLatin1Char(' ') + detail;
    return error;
}

Error errorFromAgent(const QString &agentCode, const QString &agentMessage, const QJsonObject &details)
{
    // The codes an agent may send for a call; the plugin checked the tool's name itself.
    static const ErrorCode kFromAgent[] = {
            ErrorCode::Cancelled, ErrorCode::AgentBadRequest, ErrorCode::SpawnFailed,     ErrorCode::PathOutside,
            ErrorCode::NotFound,  ErrorCode::NoMatch,         ErrorCode::MultipleMatches, ErrorCode::TooLarge,
            ErrorCode::IoError,   ErrorCode::NoSpace,         ErrorCode::Exists};
    const QString said = QStringLiteral("(the agent says: %1)").arg(printable(agentMessage));
    for (const ErrorCode code : kFromAgent) {
        if (agentCode != QLatin1String(entryFor(code).id))
            continue;
        Error error = detailedAgentError(code, details);
        error.logMessage += QLatin1Char(' ') + said;
        return error;
    }
    return makeError(ErrorCode::AgentProtocol, {},
                     QStringLiteral("unknown code \"%1\" %2").arg(printable(agentCode.left(64)), said));
}

} // namespace hako
