#include "sigv4.h"

#include <QMap>

#include <openssl/crypto.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace hako::proxy::sigv4 {

namespace {

constexpr int kDigestSize = 32;

bool isUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
           || c == '_' || c == '.' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Malformed escapes stay literal so they get encoded as "%25..", as the
// service does.
QByteArray percentDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0
            && hexValue(in[i + 2]) >= 0) {
            out.append(char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2])));
            i += 2;
        } else {
            out.append(in[i]);
        }
    }
    return out;
}

// RFC 3986 5.2.4 plus the removal of empty segments that AWS applies.
QByteArray removeDotSegments(QByteArrayView path)
{
    QList<QByteArrayView> kept;
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
        } else if (!segment.isEmpty() && segment != ".") {
            kept.append(segment);
        }
        start = end + 1;
    }
    QByteArray out("/");
    for (const QByteArrayView &segment : kept)
        out.append(segment).append('/');
    const bool trailingSlash = path.endsWith('/') && !kept.isEmpty();
    if (!kept.isEmpty() && !trailingSlash)
        out.chop(1);
    return out;
}

QByteArray collapseSpaces(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (char c : value.trimmed()) {
        if (c == ' ' && out.endsWith(' '))
            continue;
        out.append(c);
    }
    return out;
}

void hmac(QByteArrayView key, QByteArrayView data, unsigned char *out)
{
    unsigned int len = kDigestSize;
    HMAC(EVP_sha256(), key.data(), int(key.size()),
         reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()), out, &len);
}

QByteArrayView view(const unsigned char *digest)
{
    return QByteArrayView(reinterpret_cast<const char *>(digest), kDigestSize);
}

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
// Intermediate keys live on the stack and are cleansed before return.
QByteArray signatureFor(QByteArrayView stringToSign, const SigV4Scope &scope, const SigV4Key &key)
{
    QByteArray seed(4 + key.secretAccessKey.size(), Qt::Uninitialized);
    memcpy(seed.data(), "AWS4", 4);
    memcpy(seed.data() + 4, key.secretAccessKey.data(), size_t(key.secretAccessKey.size()));
    unsigned char a[kDigestSize];
    unsigned char b[kDigestSize];
    hmac(seed, scope.time.toUTC().toString(u"yyyyMMdd").toLatin1(), a);
    OPENSSL_cleanse(seed.data(), size_t(seed.size()));
    hmac(view(a), scope.region, b);
    hmac(view(b), scope.service, a);
    hmac(view(a), "aws4_request", b);
    hmac(view(b), stringToSign, a);
    const QByteArray hex = QByteArray(reinterpret_cast<const char *>(a), kDigestSize).toHex();
    OPENSSL_cleanse(a, sizeof a);
    OPENSSL_cleanse(b, sizeof b);
    return hex;
}

} // namespace

QByteArray amzDate(const QDateTime &utc)
{
    return utc.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'").toLatin1();
}

QByteArray credentialScope(const SigV4Scope &scope)
{
    return scope.time.toUTC().toString(u"yyyyMMdd").toLatin1() + '/' + scope.region + '/'
           + scope.service + "/aws4_request";
}

QByteArray uriEncode(QByteArrayView bytes, bool keepSlash)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(ch);
        } else {
            out.append('%').append(kHex[c >> 4]).append(kHex[c & 0xF]);
        }
    }
    return out;
}

QByteArray canonicalUri(QByteArrayView path, bool normalize)
{
    if (path.isEmpty())
        return "/";
    return uriEncode(normalize ? QByteArrayView(removeDotSegments(path)) : path, true);
}

QByteArray canonicalQuery(QByteArrayView query)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (QByteArrayView part : QByteArray::fromRawData(query.data(), query.size()).split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArrayView name = eq < 0 ? part : part.first(eq);
        const QByteArrayView value = eq < 0 ? QByteArrayView() : part.sliced(eq + 1);
        pairs.append({uriEncode(percentDecode(name), false), uriEncode(percentDecode(value), false)});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto &[name, value] : pairs)
        out.append(name).append('=').append(value).append('&');
    out.chop(1);
    return out;
}

QByteArray canonicalHeaders(const HeaderList &headers, QByteArray *signedHeaders)
{
    QMap<QByteArray, QByteArrayList> merged; // sorted by lowercase name, values in send order
    for (const auto &[name, value] : headers)
        merged[name.toLower()].append(collapseSpaces(value));
    QByteArray out;
    signedHeaders->clear();
    for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
        out.append(it.key()).append(':').append(it.value().join(',')).append('\n');
        signedHeaders->append(it.key()).append(';');
    }
    signedHeaders->chop(1);
    return out;
}

QByteArray sha256Hex(QByteArrayView data)
{
    Sha256 hash;
    hash.add(data);
    return hash.hexDigest();
}

SigV4Signature sign(const SigV4Request &request, const SigV4Scope &scope, const SigV4Key &key)
{
    SigV4Signature s;
    const QByteArray headers = canonicalHeaders(request.headers, &s.signedHeaders);
    s.canonicalRequest = request.method + '\n' + canonicalUri(request.path, scope.normalizePath)
                         + '\n' + canonicalQuery(request.query) + '\n' + headers + '\n'
                         + s.signedHeaders + '\n' + request.payloadHash;
    const QByteArray scopeText = credentialScope(scope);
    s.stringToSign = QByteArray(kAlgorithm) + '\n' + amzDate(scope.time) + '\n' + scopeText + '\n'
                     + sha256Hex(s.canonicalRequest);
    s.signature = signatureFor(s.stringToSign, scope, key);
    s.authorization = QByteArray(kAlgorithm) + " Credential=" + key.accessKeyId.toByteArray() + '/'
                      + scopeText + ", SignedHeaders=" + s.signedHeaders
                      + ", Signature=" + s.signature;
    return s;
}

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free)
{
    EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr);
}

void Sha256::add(QByteArrayView data)
{
    EVP_DigestUpdate(m_ctx.get(), data.data(), size_t(data.size()));
}

QByteArray Sha256::hexDigest()
{
    unsigned char digest[kDigestSize];
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_ctx.get(), digest, &len);
    return QByteArray(reinterpret_cast<const char *>(digest), int(len)).toHex();
}

} // namespace hako::proxy::sigv4
