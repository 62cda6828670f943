// Why the proxy refused or failed a request. Each reason has a fixed code
// (a bounded metric/audit label), an HTTP status and an error (the code, a
// translated message, the same sentence in English for logs); none of them
// ever carries request data, so nothing a client sent can leak into logs or
// labels through a refusal.
#pragma once

#include <hako/error.h>

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace hako::proxy {

enum class Reason {
    None,
    // request syntax and framing
    BadRequest,
    BareLineEnding,
    ObsFold,
    BadHeader,
    RequestLineTooLong,
    HeadersTooLarge,
    TooManyHeaders,
    BodyTooLarge,
    AmbiguousLength,
    BadTransferEncoding,
    BadVersion,
    ExpectationFailed,
    Pipelining,
    ClientTimeout,
    // bounds on what one proxy holds for its clients
    TooManyConnections,
    BuffersFull,
    RequestDeadline,
    BudgetExhausted,
    // target and authority
    MissingHost,
    DuplicateHost,
    AuthorityMismatch,
    Userinfo,
    NonAsciiHost,
    BadHost,
    IpLiteral,
    BadPort,
    BadTarget,
    // policy
    MethodNotAllowed,
    TunnelRefused,
    HostNotAllowed,
    OperationNotAllowed,
    ModelNotAllowed,
    // a decoy credential of the sandbox's own (a tripwire); its code says no more than that
    CredentialRefused,
    // upstream and credentials (last: decisionFor() counts them as errors)
    CredentialsUnavailable,
    UpstreamConnect,
    UpstreamTls,
    UpstreamTimeout,
    UpstreamRedirect,
    UpstreamProtocol,
};

// An error of the proxy whose `text` is marked QT_TRANSLATE_NOOP("hako", ...):
// translated for people, as written for logs; `arg` (when given) fills %1.
hako::Error proxyError(const char *code, const char *text, const QString &arg = {});

// Labels of the decision() signal.
inline constexpr char kDecisionAllowed[] = "allowed";
inline constexpr char kDecisionDenied[] = "denied";
inline constexpr char kDecisionError[] = "error";

const char *reasonCode(Reason reason);       // e.g. "host_not_allowed"
int httpStatus(Reason reason);               // e.g. 403
const char *decisionFor(Reason reason);      // error for upstream and credential failures, else denied
hako::Error refusalError(Reason reason);     // its message is the response body's
const char *securityEventFor(Reason reason); // nullptr when the refusal is not a security event

// The complete refusal response (JSON body, Connection: close); `rule`, when
// given, names the setting that refused the request (body and X-Hako-Proxy-Rule).
QByteArray refusalResponse(Reason reason, const QByteArray &rule = {});

} // namespace hako::proxy

Q_DECLARE_METATYPE(hako::proxy::Reason)
