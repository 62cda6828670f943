#include "sigv4.h"

#include "secretbuffer.h"
#include "segments.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <limits>

namespace hako::proxy::sigv4 {

namespace {

constexpr int kDigestSize = 32;

bool isUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
           || c == '.' || c == '~';
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

// RFC 3986 5.2.4 plus the removal of empty segments that AWS applies.
QByteArray removeDotSegments(QByteArrayView path)
{
    QList<QByteArrayView> kept;
    for (QByteArrayView segment : splitSegments(path, '/')) {
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
        } else if (!segment.isEmpty() && segment != ".") {
            kept.append(segment);
        }
    }
    QByteArray out("/");
    for (const QByteArrayView &segment : kept)
        out.append(segment).append('/');
    const bool trailingSlash = path.endsWith('/') && !kept.isEmpty();
    if (!kept.isEmpty() && !trailingSlash)
        out.chop(1);
    return out;
}

// Writes through a pointer into a buffer sized up front (at most `capacity`)
// and trims it when it goes: QByteArray::append, an insert at the end with
// its checks, was the largest item in the profile of signing.
class Writer
{
public:
    Writer(QByteArray &out, qsizetype capacity) : m_out(out)
    {
        out.resize(capacity);
        m_at = out.data();
    }
    ~Writer() { m_out.truncate(m_at - m_out.constData()); }
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    Writer &operator<<(QByteArrayView text)
    {
        // Not memcpy: an empty view may carry a null pointer, which memcpy must not get.
        m_at = std::copy(text.begin(), text.end(), m_at);
        return *this;
    }
    Writer &operator<<(char c)
    {
        *m_at++ = c;
        return *this;
    }
    void unwrite(qsizetype n) { m_at -= n; }

private:
    QByteArray &m_out;
    char *m_at;
};

// memchr, not QByteArrayView::contains("  "): values rarely hold a space at
// all, and the generic search cost more than the rest of the header's work.
bool hasDoubleSpace(QByteArrayView value)
{
    const char *at = value.data();
    const char *end = at + value.size();
    while ((at = static_cast<const char *>(memchr(at, ' ', size_t(end - at)))) && at + 1 < end) {
        if (at[1] == ' ')
            return true;
        ++at;
    }
    return false;
}

// Writes the trimmed value with runs of spaces collapsed to one.
void writeCollapsed(Writer &out, QByteArrayView value)
{
    value = value.trimmed();
    if (!hasDoubleSpace(value))
        return void(out << value); // the usual case: one copy, not one per byte
    char previous = 0;
    for (char c : value) {
        if (c != ' ' || previous != ' ')
            out << c;
        previous = c;
    }
}

bool hasUpper(QByteArrayView text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

constexpr char kHexDigits[] = "0123456789abcdef";

QByteArray hex(const unsigned char *digest)
{
    QByteArray out(2 * kDigestSize, Qt::Uninitialized);
    char *p = out.data();
    for (int i = 0; i < kDigestSize; ++i) {
        *p++ = kHexDigits[digest[i] >> 4];
        *p++ = kHexDigits[digest[i] & 0xF];
    }
    return out;
}

// OpenSSL 3 looks algorithms up by name on every implicit use; fetching once
// makes a signature several times cheaper.
const EVP_MD *sha256Md()
{
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

using MacContext = std::unique_ptr<EVP_MAC_CTX, void (*)(EVP_MAC_CTX *)>;

EVP_MAC_CTX *newHmacContext()
{
    static EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_END};
    EVP_MAC_CTX_set_params(ctx, params);
    return ctx;
}

// One context per thread, re-keyed per use: setting the digest on every call
// would repeat the algorithm lookup.
void hmac(QByteArrayView key, QByteArrayView data, unsigned char *out)
{
    thread_local MacContext ctx(newHmacContext(), EVP_MAC_CTX_free);
    size_t len = 0;
    EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char *>(key.data()), size_t(key.size()), nullptr);
    EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()));
    EVP_MAC_final(ctx.get(), out, &len, kDigestSize);
}

QByteArrayView view(const unsigned char *digest)
{
    return QByteArrayView(reinterpret_cast<const char *>(digest), kDigestSize);
}

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
// changes only with those inputs, so the last one derived is kept, in locked
// memory, as secret || key, and reused while the secret and scope match. So
// is an HMAC context keyed with it: a signature then only resets that
// context, where keying it anew would hash the key's pads again.
EVP_MAC_CTX *signer(const SigV4Scope &scope, const QByteArray &scopeText, QByteArrayView secret)
{
    thread_local std::shared_ptr<const SecretBuffer> cached;
    thread_local QByteArray cachedScope;
    thread_local MacContext keyed(newHmacContext(), EVP_MAC_CTX_free);
    const bool hit = cached && cachedScope == scopeText && cached->view().size() == secret.size() + kDigestSize
                     && CRYPTO_memcmp(cached->view().data(), secret.data(), size_t(secret.size())) == 0;
    if (hit) {
        EVP_MAC_init(keyed.get(), nullptr, 0, nullptr);
        return keyed.get();
    }
    QByteArray seed = "AWS4" + secret.toByteArray();
    unsigned char k[kDigestSize];
    unsigned char t[kDigestSize];
    hmac(seed, scopeText.left(8), k);
    hmac(view(k), scope.region, t);
    hmac(view(t), scope.service, k);
    hmac(view(k), "aws4_request", t);
    cleanse(seed);
    QByteArray material = secret.toByteArray();
    material.append(reinterpret_cast<const char *>(t), kDigestSize);
    cached = SecretBuffer::create(material);
    cachedScope = scopeText;
    cleanse(material);
    OPENSSL_cleanse(k, sizeof k);
    OPENSSL_cleanse(t, sizeof t);
    const QByteArrayView key = cached->view().sliced(secret.size());
    EVP_MAC_init(keyed.get(), reinterpret_cast<const unsigned char *>(key.data()), size_t(key.size()), nullptr);
    return keyed.get();
}

} // namespace

QByteArray amzDate(const QDateTime &utc)
{
    // Every request of a second asks for the same text: QDateTime's
    // calendar arithmetic is done once per second.
    thread_local qint64 cachedSecond = std::numeric_limits<qint64>::min();
    thread_local QByteArray cached;
    const qint64 second = utc.toSecsSinceEpoch();
    if (second == cachedSecond)
        return cached;
    const QDateTime t = utc.toUTC();
    QByteArray out(16, 'T');
    auto put = [&out](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            out[at + i] = char('0' + value % 10);
    };
    put(0, t.date().year(), 4);
    put(4, t.date().month(), 2);
    put(6, t.date().day(), 2);
    put(9, t.time().hour(), 2);
    put(11, t.time().minute(), 2);
    put(13, t.time().second(), 2);
    out[15] = 'Z';
    cachedSecond = second;
    cached = out;
    return out;
}

QByteArray credentialScope(const SigV4Scope &scope)
{
    return amzDate(scope.time).left(8) + '/' + scope.region + '/' + scope.service + "/aws4_request";
}

QByteArray percentDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            out.append(char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2])));
            i += 2;
        } else {
            out.append(in[i]);
        }
    }
    return out;
}

QByteArray uriEncode(QByteArrayView bytes, bool keepSlash)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out(bytes.size() * 3, Qt::Uninitialized); // written through a pointer: per-byte
    char *p = out.data();                                // append() dominated the profile
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            *p++ = ch;
        } else {
            *p++ = '%';
            *p++ = kHex[c >> 4];
            *p++ = kHex[c & 0xF];
        }
    }
    out.truncate(p - out.constData());
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
    if (query.isEmpty())
        return {}; // the usual case: Bedrock's operations take no query
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

// Signing is on every request's path: names are lowercased only when they
// need it, and both outputs are built in place, sized up front.
QByteArray canonicalHeaders(const HeaderList &headers, QByteArray *signedHeaders)
{
    struct Entry
    {
        QByteArray lowered; // only for names that were not lowercase already
        QByteArrayView name;
        QByteArrayView value;
    };
    QVarLengthArray<Entry, 16> sorted; // values keep their send order within a name
    qsizetype size = 0;
    for (const auto &[name, value] : headers) {
        Entry e{{}, name, value};
        if (hasUpper(name)) {
            e.lowered = name.toLower();
            e.name = e.lowered;
        }
        size += name.size() + value.size() + 2;
        sorted.append(std::move(e));
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const Entry &a, const Entry &b) { return a.name < b.name; });
    QByteArray out;
    Writer canonical(out, size);
    Writer names(*signedHeaders, size);
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i > 0 && sorted[i].name == sorted[i - 1].name) {
            canonical.unwrite(1);
            canonical << ',';
        } else {
            canonical << sorted[i].name << ':';
            names << (i > 0 ? ";" : "") << sorted[i].name;
        }
        writeCollapsed(canonical, sorted[i].value);
        canonical << '\n';
    }
    return out;
}

QByteArray sha256Hex(QByteArrayView data)
{
    thread_local std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char digest[kDigestSize];
    unsigned int len = 0;
    EVP_DigestInit_ex(ctx.get(), sha256Md(), nullptr);
    EVP_DigestUpdate(ctx.get(), data.data(), size_t(data.size()));
    EVP_DigestFinal_ex(ctx.get(), digest, &len);
    return hex(digest);
}

SigV4Signature sign(const SigV4Request &request, const SigV4Scope &scope, const SigV4Key &key)
{
    SigV4Signature s;
    const QByteArray headers = canonicalHeaders(request.headers, &s.signedHeaders);
    const QByteArray uri = canonicalUri(request.path, scope.normalizePath);
    const QByteArray query = canonicalQuery(request.query);
    const QByteArray date = amzDate(scope.time);
    {
        Writer canonical(s.canonicalRequest, request.method.size() + uri.size() + query.size() + headers.size()
                                                     + s.signedHeaders.size() + request.payloadHash.size() + 5);
        canonical << request.method << '\n'
                  << uri << '\n'
                  << query << '\n'
                  << headers << '\n'
                  << s.signedHeaders << '\n'
                  << request.payloadHash;
    }
    QByteArray scopeText;
    {
        Writer text(scopeText, 8 + scope.region.size() + scope.service.size() + 15);
        text << QByteArrayView(date).first(8) << '/' << scope.region << '/' << scope.service << "/aws4_request";
    }
    {
        Writer text(s.stringToSign, sizeof kAlgorithm + date.size() + scopeText.size() + 2 * kDigestSize + 3);
        text << kAlgorithm << '\n' << date << '\n' << scopeText << '\n' << sha256Hex(s.canonicalRequest);
    }

    unsigned char digest[kDigestSize];
    size_t digestLength = 0;
    EVP_MAC_CTX *mac = signer(scope, scopeText, key.secretAccessKey);
    EVP_MAC_update(mac, reinterpret_cast<const unsigned char *>(s.stringToSign.constData()),
                   size_t(s.stringToSign.size()));
    EVP_MAC_final(mac, digest, &digestLength, kDigestSize);
    s.signature = hex(digest);
    {
        Writer auth(s.authorization, sizeof kAlgorithm + key.accessKeyId.size() + scopeText.size()
                                             + s.signedHeaders.size() + s.signature.size() + 40);
        auth << kAlgorithm << " Credential=" << key.accessKeyId << '/' << scopeText
             << ", SignedHeaders=" << s.signedHeaders << ", Signature=" << s.signature;
    }
    return s;
}

} // namespace hako::proxy::sigv4
