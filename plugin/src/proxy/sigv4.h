// AWS Signature Version 4 (header form) with OpenSSL.
//
// The signer never decides which headers to send: callers pass exactly the
// headers they will put on the wire and it signs all of them. Paths and queries
// are taken raw, as they appear on the wire; the canonical URI percent-encodes
// every byte outside RFC 3986's unreserved set except '/', so an already
// encoded "%3A" becomes "%253A" (the double encoding every service but S3
// expects). Queries are decoded and re-encoded, matching what the service does.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QPair>

namespace hako::proxy {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct SigV4Request
{
    QByteArray method;
    QByteArray path;        // raw request path, e.g. "/model/a-v1%3A0/invoke"
    QByteArray query;       // raw query without '?'
    HeaderList headers;     // every header that will be sent, as sent
    QByteArray payloadHash; // lowercase hex SHA-256 of the body
};

struct SigV4Scope
{
    QByteArray region;
    QByteArray service;
    QDateTime time;             // UTC signing time
    bool normalizePath = false; // remove dot segments and empty segments first
};

// Views into memory owned by the caller (the secret lives in locked memory).
struct SigV4Key
{
    QByteArrayView accessKeyId;
    QByteArrayView secretAccessKey;
};

struct SigV4Signature
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signedHeaders;
    QByteArray signature;     // lowercase hex
    QByteArray authorization; // the Authorization header value
};

namespace sigv4 {

inline constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";

QByteArray amzDate(const QDateTime &utc);            // 20150830T123600Z
QByteArray credentialScope(const SigV4Scope &scope); // 20150830/us-east-1/service/aws4_request
// Malformed escapes stay literal, so that they get encoded as "%25..", as the
// service does.
QByteArray percentDecode(QByteArrayView in);
QByteArray uriEncode(QByteArrayView bytes, bool keepSlash);
QByteArray canonicalUri(QByteArrayView path, bool normalize);
QByteArray canonicalQuery(QByteArrayView query);
QByteArray canonicalHeaders(const HeaderList &headers, QByteArray *signedHeaders);
QByteArray sha256Hex(QByteArrayView data);

SigV4Signature sign(const SigV4Request &request, const SigV4Scope &scope, const SigV4Key &key);

} // namespace sigv4
} // namespace hako::proxy
