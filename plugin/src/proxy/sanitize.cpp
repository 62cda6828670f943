#include "sanitize.h"

#include <QSet>

namespace hako::proxy {

namespace {

const QSet<QByteArray> kHopByHop = {
        "connection", "keep-alive",         "proxy-connection", "te",   "trailer", "transfer-encoding",
        "upgrade",    "proxy-authenticate", "content-length",   "host", "expect"};

const QSet<QByteArray> kCredentialHeaders = {"authorization", "proxy-authorization", "x-api-key", "cookie"};

const QSet<QByteArray> kPresignedParameters = {"x-amz-algorithm",     "x-amz-credential", "x-amz-signature",
                                               "x-amz-signedheaders", "x-amz-date",       "x-amz-security-token",
                                               "x-amz-expires"};

QSet<QByteArray> nominatedByConnection(const HeaderList &headers)
{
    QSet<QByteArray> names;
    for (const auto &[name, value] : headers) {
        if (normalizedHeaderName(name) != "connection")
            continue;
        for (const QByteArray &token : value.split(','))
            names.insert(normalizedHeaderName(token.trimmed()));
    }
    return names;
}

bool isCredential(const QByteArray &name, QByteArrayView injectedHeader)
{
    return kCredentialHeaders.contains(name) || name.startsWith("x-amz-")
           || (!injectedHeader.isEmpty() && name == injectedHeader);
}

QByteArray stripPresigned(const QByteArray &query, bool *stripped)
{
    QByteArrayList kept;
    for (const QByteArray &part : query.split('&')) {
        const QByteArray name = part.left(part.indexOf('=')).toLower();
        if (kPresignedParameters.contains(name) || name.startsWith("x-amz-"))
            *stripped = true;
        else if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join('&');
}

} // namespace

QByteArray normalizedHeaderName(QByteArrayView name)
{
    QByteArray out = name.toByteArray().toLower();
    out.replace('_', '-').replace('.', '-');
    return out;
}

SanitizedRequest sanitizeRequest(const RequestHead &head, QByteArrayView injectedHeader)
{
    SanitizedRequest out;
    const QSet<QByteArray> nominated = nominatedByConnection(head.headers);
    for (const auto &[name, value] : head.headers) {
        const QByteArray normalized = normalizedHeaderName(name);
        if (isCredential(normalized, injectedHeader)) {
            out.strippedCredential = true;
            continue;
        }
        if (!kHopByHop.contains(normalized) && !nominated.contains(normalized))
            out.headers.append({name, value});
    }
    out.query = stripPresigned(head.query, &out.strippedCredential);
    return out;
}

HeaderList sanitizeResponseHeaders(const HeaderList &headers)
{
    const QSet<QByteArray> nominated = nominatedByConnection(headers);
    HeaderList out;
    for (const auto &[name, value] : headers) {
        const QByteArray normalized = normalizedHeaderName(name);
        if (!kHopByHop.contains(normalized) && !nominated.contains(normalized))
            out.append({name, value});
    }
    return out;
}

} // namespace hako::proxy
