// What a client sent that must not reach the upstream: every credential it
// tried to supply (Authorization, any X-Amz-* header, the injected header of
// a header rule, however either spells '-', '_' or '.'), presigned query
// parameters (also percent-encoded), hop-by-hop headers and whatever Connection nominates,
// and the framing headers the proxy writes itself (Host, Content-Length).
#pragma once

#include "httprequest.h"

namespace hako::proxy {

struct SanitizedRequest
{
    HeaderList headers;
    QByteArray query; // in SigV4's canonical form: decoded, re-encoded, sorted
    bool strippedCredential = false;
};

// `injectedHeader` is the header a header rule sets (may be empty).
SanitizedRequest sanitizeRequest(const RequestHead &head, QByteArrayView injectedHeader);

// Response side: drops hop-by-hop headers and those Connection nominates;
// framing is rewritten by the proxy.
HeaderList sanitizeResponseHeaders(const HeaderList &headers);

// Lowercase, with '_' and '.' read as '-', as some servers treat them.
QByteArray normalizedHeaderName(QByteArrayView name);

} // namespace hako::proxy
