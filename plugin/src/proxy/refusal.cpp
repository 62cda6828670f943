#include "refusal.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace hako::proxy {

namespace {

struct ReasonInfo
{
    Reason reason;
    const char *code;
    int status;
    const char *event;
    const char *message; // translated in context "hako"
};

// One table so a new reason cannot get a code without a status and message.
constexpr ReasonInfo kReasons[] = {
        {Reason::None, "ok", 200, nullptr, QT_TRANSLATE_NOOP("hako", "Request accepted.")},
        {Reason::BadRequest, "bad_request", 400, nullptr,
         QT_TRANSLATE_NOOP("hako", "The request is not valid HTTP/1.1.")},
        {Reason::BareLineEnding, "bare_line_ending", 400, "proxy_smuggling_attempt",
         QT_TRANSLATE_NOOP("hako", "Lines must end with CR LF; a bare CR or LF was found.")},
        {Reason::ObsFold, "obs_fold", 400, "proxy_smuggling_attempt",
         QT_TRANSLATE_NOOP("hako", "Folded (continuation) header lines are not accepted.")},
        {Reason::BadHeader, "bad_header", 400, nullptr,
         QT_TRANSLATE_NOOP("hako", "A header contains characters that are not allowed.")},
        {Reason::RequestLineTooLong, "request_line_too_long", 414, nullptr,
         QT_TRANSLATE_NOOP("hako", "The request line is too long.")},
        {Reason::HeadersTooLarge, "headers_too_large", 431, nullptr,
         QT_TRANSLATE_NOOP("hako", "The request headers are too large.")},
        {Reason::TooManyHeaders, "too_many_headers", 431, nullptr,
         QT_TRANSLATE_NOOP("hako", "The request has too many headers.")},
        {Reason::BodyTooLarge, "body_too_large", 413, nullptr,
         QT_TRANSLATE_NOOP("hako", "The request body exceeds the 25 MB limit.")},
        {Reason::AmbiguousLength, "ambiguous_length", 400, "proxy_smuggling_attempt",
         QT_TRANSLATE_NOOP("hako", "The body length is ambiguous (Content-Length and "
                                   "Transfer-Encoding, or repeated Content-Length).")},
        {Reason::BadTransferEncoding, "bad_transfer_encoding", 501, "proxy_smuggling_attempt",
         QT_TRANSLATE_NOOP("hako", "Only a single \"Transfer-Encoding: chunked\" is supported.")},
        {Reason::BadVersion, "bad_version", 505, nullptr, QT_TRANSLATE_NOOP("hako", "Only HTTP/1.1 is supported.")},
        {Reason::ExpectationFailed, "expectation_failed", 417, nullptr,
         QT_TRANSLATE_NOOP("hako", "Only \"Expect: 100-continue\" is supported.")},
        {Reason::Pipelining, "pipelining", 400, "proxy_smuggling_attempt",
         QT_TRANSLATE_NOOP("hako", "Data followed the request; one request per connection.")},
        {Reason::ClientTimeout, "client_timeout", 408, nullptr,
         QT_TRANSLATE_NOOP("hako", "The request was not received in time.")},
        {Reason::TooManyConnections, "too_many_connections", 503, nullptr,
         QT_TRANSLATE_NOOP("hako", "Too many connections to the proxy from this sandbox; close one and "
                                   "retry.")},
        {Reason::BuffersFull, "buffers_full", 503, nullptr,
         QT_TRANSLATE_NOOP("hako", "The proxy is holding too many request bodies; retry later.")},
        {Reason::RequestDeadline, "request_deadline", 408, nullptr,
         QT_TRANSLATE_NOOP("hako", "The whole request was not received within the deadline.")},
        {Reason::BudgetExhausted, "budget_exhausted", 429, nullptr,
         QT_TRANSLATE_NOOP("hako", "This conversation has used up its request budget; retry later.")},
        {Reason::MissingHost, "missing_host", 400, nullptr,
         QT_TRANSLATE_NOOP("hako", "The request has no Host header.")},
        {Reason::DuplicateHost, "duplicate_host", 400, "proxy_smuggling_attempt",
         QT_TRANSLATE_NOOP("hako", "The request has more than one Host header.")},
        {Reason::AuthorityMismatch, "authority_mismatch", 400, "proxy_smuggling_attempt",
         QT_TRANSLATE_NOOP("hako", "The request target's host and the Host header differ.")},
        {Reason::Userinfo, "userinfo", 400, nullptr,
         QT_TRANSLATE_NOOP("hako", "User information in the request target is not accepted.")},
        {Reason::NonAsciiHost, "non_ascii_host", 400, nullptr,
         QT_TRANSLATE_NOOP("hako", "The host name must be plain ASCII.")},
        {Reason::BadHost, "bad_host", 400, nullptr,
         QT_TRANSLATE_NOOP("hako", "The host name is not a valid DNS name.")},
        {Reason::IpLiteral, "ip_literal", 403, "proxy_ip_literal",
         QT_TRANSLATE_NOOP("hako", "IP address targets are not allowed.")},
        {Reason::BadPort, "bad_port", 403, nullptr,
         QT_TRANSLATE_NOOP("hako", "Only port 443 (or no port) is allowed.")},
        {Reason::BadTarget, "bad_target", 400, nullptr,
         QT_TRANSLATE_NOOP("hako", "The request target is not an acceptable path.")},
        {Reason::MethodNotAllowed, "method_not_allowed", 405, nullptr,
         QT_TRANSLATE_NOOP("hako", "This method is not allowed through the proxy.")},
        {Reason::TunnelRefused, "tunnel_refused", 403, "proxy_tunnel_attempt",
         QT_TRANSLATE_NOOP("hako", "CONNECT and protocol upgrades are not allowed.")},
        {Reason::HostNotAllowed, "host_not_allowed", 403, "proxy_host_denied",
         QT_TRANSLATE_NOOP("hako", "The host is not on the proxy's allowlist.")},
        {Reason::OperationNotAllowed, "operation_not_allowed", 403, nullptr,
         QT_TRANSLATE_NOOP("hako", "This operation is not allowed on this host through the proxy.")},
        {Reason::ModelNotAllowed, "model_not_allowed", 403, nullptr,
         QT_TRANSLATE_NOOP("hako", "This model is not among the models the proxy allows.")},
        {Reason::CredentialRefused, "credential_refused", 403, nullptr,
         QT_TRANSLATE_NOOP("hako", "The proxy does not accept credentials from the sandbox.")},
        {Reason::CredentialsUnavailable, "credentials_unavailable", 503, nullptr,
         QT_TRANSLATE_NOOP("hako", "The proxy has no usable credentials right now.")},
        {Reason::UpstreamConnect, "upstream_connect", 502, nullptr,
         QT_TRANSLATE_NOOP("hako", "The upstream service could not be reached.")},
        {Reason::UpstreamTls, "upstream_tls", 502, "proxy_upstream_tls",
         QT_TRANSLATE_NOOP("hako", "The upstream TLS certificate could not be verified.")},
        {Reason::UpstreamTimeout, "upstream_timeout", 504, nullptr,
         QT_TRANSLATE_NOOP("hako", "The upstream service did not answer in time.")},
        {Reason::UpstreamRedirect, "upstream_redirect", 502, "proxy_upstream_redirect",
         QT_TRANSLATE_NOOP("hako", "The upstream service answered with a redirect, which is not "
                                   "followed.")},
        {Reason::UpstreamProtocol, "upstream_protocol", 502, nullptr,
         QT_TRANSLATE_NOOP("hako", "The upstream response was not valid HTTP/1.1.")},
};

const ReasonInfo &info(Reason reason)
{
    for (const ReasonInfo &i : kReasons) {
        if (i.reason == reason)
            return i;
    }
    return kReasons[1];
}

} // namespace

const char *reasonCode(Reason reason)
{
    return info(reason).code;
}

int httpStatus(Reason reason)
{
    return info(reason).status;
}

const char *decisionFor(Reason reason)
{
    if (reason == Reason::None)
        return kDecisionAllowed;
    return reason >= Reason::CredentialsUnavailable ? kDecisionError : kDecisionDenied;
}

hako::Error proxyError(const char *code, const char *text, const QString &arg)
{
    QString message = QCoreApplication::translate("hako", text);
    QString logMessage = QLatin1String(text);
    if (!arg.isNull()) {
        message = message.arg(arg);
        logMessage = logMessage.arg(arg);
    }
    return {QLatin1String(code), message, logMessage};
}

hako::Error refusalError(Reason reason)
{
    const ReasonInfo &i = info(reason);
    return proxyError(i.code, i.message);
}

const char *securityEventFor(Reason reason)
{
    return info(reason).event;
}

QByteArray refusalResponse(Reason reason, const QByteArray &rule)
{
    const int status = httpStatus(reason);
    const hako::Error error = refusalError(reason);
    QJsonObject fields{{QLatin1String("reason"), error.code}, {QLatin1String("message"), error.message}};
    if (!rule.isEmpty())
        fields.insert(QLatin1String("rule"), QString::fromLatin1(rule));
    const QByteArray body = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    const QByteArray ruleHeader = rule.isEmpty() ? QByteArray() : "\r\nX-Hako-Proxy-Rule: " + rule;
    return "HTTP/1.1 " + QByteArray::number(status) + " Refused by hako proxy\r\n"
           + "Content-Type: application/json\r\nX-Hako-Proxy-Reason: " + reasonCode(reason) + ruleHeader
           + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace hako::proxy
