#include "sigv4.h"

#include "secretbuffer.h"
#include "segments.h"
#include "sha256.h"

#include <openssl/crypto.h>

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <utility>

namespace hako::proxy::sigv4 {

namespace {

// RFC 3986's unreserved characters, as a table: encoding is per byte.
constexpr std::array<bool, 256> kUnreserved = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[size_t(c)] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                           || c == '_' || c == '.' || c == '~';
    return table;
}();

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
    char *reserve(qsizetype n) { return std::exchange(m_at, m_at + n); } // for the caller to fill

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

QByteArrayView view(const unsigned char *digest)
{
    return QByteArrayView(reinterpret_cast<const char *>(digest), sha256::kSize);
}

QByteArray hex(const unsigned char *digest)
{
    QByteArray out(2 * sha256::kSize, Qt::Uninitialized);
    sha256::writeHex(digest, out.data());
    return out;
}

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
// changes only with those inputs, so the last one derived is kept, in locked
// memory, as the secret followed by an HMAC key prepared from kSigning, and
// reused while the secret and scope match: a signature then hashes only the
// string to sign, not the key's two pads.
const char *signer(const SigV4Scope &scope, const QByteArray &scopeText, QByteArrayView secret)
{
    thread_local std::shared_ptr<const SecretBuffer> cached;
    thread_local QByteArray cachedScope;
    const bool hit = cached && cachedScope == scopeText
                     && cached->view().size() == secret.size() + qsizetype(sha256::kPreparedSize)
                     && CRYPTO_memcmp(cached->view().data(), secret.data(), size_t(secret.size())) == 0;
    if (hit)
        return cached->view().data() + secret.size();
    QByteArray seed = "AWS4" + secret.toByteArray();
    unsigned char k[sha256::kSize];
    unsigned char t[sha256::kSize];
    sha256::hmac(seed, scopeText.left(8), k);
    sha256::hmac(view(k), scope.region, t);
    sha256::hmac(view(t), scope.service, k);
    sha256::hmac(view(k), "aws4_request", t);
    cleanse(seed);
    QByteArray material(secret.size() + qsizetype(sha256::kPreparedSize), Qt::Uninitialized);
    std::copy(secret.begin(), secret.end(), material.begin());
    sha256::prepareHmac(view(t), material.data() + secret.size());
    cached = SecretBuffer::create(material);
    cachedScope = scopeText;
    cleanse(material);
    OPENSSL_cleanse(k, sizeof k);
    OPENSSL_cleanse(t, sizeof t);
    return cached->view().data() + secret.size();
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
        if (kUnreserved[c] || (keepSlash && c == '/')) {
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
    // Insertion sort, stable: a request has a handful of headers (the parser
    // admits at most 64), and std::stable_sort allocated a buffer for them.
    for (qsizetype i = 1; i < sorted.size(); ++i) {
        for (qsizetype j = i; j > 0 && sorted[j].name < sorted[j - 1].name; --j)
            std::swap(sorted[j], sorted[j - 1]);
    }
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
    unsigned char digest[sha256::kSize];
    sha256::digest(data, digest);
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
    unsigned char digest[sha256::kSize];
    sha256::digest(s.canonicalRequest, digest);
    {
        Writer text(s.stringToSign, sizeof kAlgorithm + date.size() + scopeText.size() + 2 * sha256::kSize + 3);
        text << kAlgorithm << '\n' << date << '\n' << scopeText << '\n';
        sha256::writeHex(digest, text.reserve(2 * sha256::kSize));
    }
    sha256::hmacPrepared(signer(scope, scopeText, key.secretAccessKey), s.stringToSign, digest);
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
