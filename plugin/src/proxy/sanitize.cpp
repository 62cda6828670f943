#include "sanitize.h"

#include "sigv4.h"

#include <QSet>

namespace hako::proxy {

namespace {

const QSet<QByteArray> kHopByHop = {
        "connection", "keep-alive",         "proxy-connection", "te",   "trailer", "transfer-encoding",
        "upgrade",    "proxy-authenticate", "content-length",   "host", "expect"};

const QSet<QByteArray> kCredentialHeaders = {"authorization", "proxy-authorization", "x-api-key", "cookie"};

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

// Names are judged as the service reads them, decoded ("X%2DAmz%2DDate" is
// X-Amz-Date), and what is kept goes out in SigV4's canonical form, so that
// what is screened, what is signed and what every verifier computes agree.
QByteArray stripPresigned(const QByteArray &query, bool *stripped)
{
    QByteArrayList kept;
    for (const QByteArray &part : query.split('&')) {
        if (normalizedHeaderName(sigv4::percentDecode(part.left(part.indexOf('=')))).startsWith("x-amz-"))
            *stripped = true;
        else
            kept.append(part);
    }
    return sigv4::canonicalQuery(kept.join('&'));
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
    const QByteArray injected = normalizedHeaderName(injectedHeader);
    for (const auto &[name, value] : head.headers) {
        const QByteArray normalized = normalizedHeaderName(name);
        if (isCredential(normalized, injected)) {
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
