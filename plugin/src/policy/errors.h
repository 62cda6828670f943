// Every failure the plugin reports, with its translated text. Agent error
// codes (hako/protocol/errors.h) map onto the same table so the host sees one vocabulary.
#pragma once

#include <hako/error.h>

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace hako {

enum class ErrorCode {
    SettingUnknown,
    SettingType,
    SettingRange,
    SettingSize,
    SettingValue,
    ConversationIdEmpty,
    ConversationIdTooLong,
    ConversationIdInvalid,
    ConversationNotFound, // an end for a conversation with neither a container nor a workspace
    UnknownTool,
    BadInput,
    Timeout,
    QueueTimeout, // a call waited longer than tools.queueTimeout for its container
    Cancelled,
    DockerMissing,
    DockerFailed,
    DockerTimeout,
    ContainerStart,
    ContainerNameInUse, // another process started a container of that name first
    AdminListen,        // admin.listen cannot be bound
    AgentUnreachable,
    AgentLost,
    AgentProtocol,
    AgentImpersonation,
    HostIo,
    TransferIo,
    ShuttingDown,
    Tripwire, // the conversation is frozen by a tripwire until it is ended
    // From the agent:
    AgentBadRequest,
    SpawnFailed,
    PathOutside,
    NotFound,
    NoMatch,
    MultipleMatches,
    TooLarge,
    IoError,
    NoSpace,
    Exists,
    // Seccomp profile validation (policy/seccompprofile.h):
    SeccompEmpty,
    SeccompNotJson,
    SeccompField,
    SeccompUnknownSyscall,
    SeccompBadAction,
    SeccompBadOperator,
    SeccompBadValue,
    SeccompShadowedRule,
    SeccompRuleRejected,
    SeccompTooLong,
    AgentMissing,
    AppArmorProfileMissing,
    // Workspaces (lifecycle/workspacestore.h):
    WorkspaceCap,
    WorkspaceUncapped,
    // Host-side bounds on what the agent sends (callbuffers.h):
    AgentOverrun,
    // The audit log (telemetry/auditlog.h):
    AuditKey,
    // The start-up check (verify/startcheck.h) failed and verify.failOpen is off:
    VerifyFailed,
    // Agent errors whose details (hako/protocol/errors.h) say more; same codes as above:
    MultipleMatchesAt,
    TooLargeBy,
    LineOutOfRange,
    EndOfCodes // not a code: tests walk every code up to it
};

// A value for %1, %2, ...: text that reads the same in both messages (a name,
// a path, a number), or a phrase that the user's message shows translated.
struct ErrorArg
{
    ErrorArg(const QString &verbatim) : message(verbatim), log(verbatim) {}
    ErrorArg(QLatin1String verbatim) : ErrorArg(QString(verbatim)) {}
    // `text` is marked with QT_TRANSLATE_NOOP(context, ...); `args` fill it in both languages.
    static ErrorArg phrase(const char *context, const char *text, const QList<ErrorArg> &args = {});

    QString message;
    QString log;
};

// `args` fill %1, %2, ... of both messages in one pass, so an argument that
// contains "%2" stays as it is. `detail` (plain English from a lower layer:
// errno text, engine output, the agent's words) goes to the log message only.
Error makeError(ErrorCode code, const QList<ErrorArg> &args = {}, const QString &detail = {});

// Maps an agent Error frame ({"code", "message", "details"}) to a plugin
// error. The agent's English message is logged; the user's message is built
// from the code and the details, which are checked like any sandbox input.
Error errorFromAgent(const QString &agentCode, const QString &agentMessage, const QJsonObject &details = {});

} // namespace hako
