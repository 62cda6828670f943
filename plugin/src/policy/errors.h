// Every failure the plugin reports, with its translated text. Agent error
// codes (hako/protocol/errors.h) map onto the same table so the host sees one vocabulary.
#pragma once

#include <hako/error.h>

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
};

// `args` fill %1, %2, ... of the message; `detail` (plain text from a lower
// layer) is appended to the log message and, when present, to the message.
Error makeError(ErrorCode code, const QStringList &args = {}, const QString &detail = {});

// Maps an agent Error frame ({"code","message"}) to a plugin error.
Error errorFromAgent(const QString &agentCode, const QString &agentMessage);

} // namespace hako
