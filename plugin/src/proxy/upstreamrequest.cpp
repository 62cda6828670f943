#include "upstreamrequest.h"

#include "secretbuffer.h"

namespace hako::proxy {

namespace {

// Signed besides the x-amz-* headers the signer adds: what identifies the
// target and how the body is to be read.
bool isSignedHeader(const QByteArray &name)
{
    return name.compare("content-type", Qt::CaseInsensitive) == 0;
}

void signSigV4(const RequestHead &head, const SanitizedRequest &clean, const QByteArray &body, const UpstreamAuth &auth,
               HeaderList *out)
{
    const AwsCredentials &aws = *auth.aws;
    const QByteArray payloadHash = sigv4::sha256Hex(body);
    HeaderList signedHeaders{{"host", head.authority.host},
                             {"x-amz-date", sigv4::amzDate(auth.now)},
                             {"x-amz-content-sha256", payloadHash}};
    if (aws.sessionToken)
        signedHeaders.append({"x-amz-security-token", aws.sessionToken->view().toByteArray()});
    for (const auto &h : clean.headers) {
        if (isSignedHeader(h.first))
            signedHeaders.append(h);
    }
    const SigV4Scope scope{auth.match->region, auth.match->rule->auth.service, auth.now, false};
    const SigV4Key key{aws.accessKeyId, aws.secretAccessKey->view()};
    const SigV4Signature s = sigv4::sign({head.method, head.path, clean.query, signedHeaders, payloadHash}, scope, key);
    out->append(signedHeaders.mid(1)); // host is written first by the caller
    out->append({"authorization", s.authorization});
}

} // namespace

QByteArray buildUpstreamHead(const RequestHead &head, const SanitizedRequest &clean, const QByteArray &body,
                             const UpstreamAuth &auth)
{
    const AuthRule &rule = auth.match->rule->auth;
    HeaderList headers;
    for (const auto &h : clean.headers) {
        if (rule.kind == AuthRule::Kind::Header || !isSignedHeader(h.first))
            headers.append(h);
    }
    if (rule.kind == AuthRule::Kind::SigV4)
        signSigV4(head, clean, body, auth, &headers);
    else
        headers.append({rule.headerName, rule.valuePrefix + rule.headerValue->view().toByteArray()});

    QByteArray out = head.method + ' ' + head.path + (clean.query.isEmpty() ? "" : "?" + clean.query)
                     + " HTTP/1.1\r\nhost: " + head.authority.host + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (!body.isEmpty() || head.method == "POST" || head.method == "PUT")
        out += "content-length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "connection: close\r\n\r\n";
}

} // namespace hako::proxy
