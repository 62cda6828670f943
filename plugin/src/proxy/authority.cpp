#include "authority.h"

#include "segments.h"

namespace hako::proxy {

namespace {

constexpr int kMaxHostLength = 253;
constexpr int kMaxLabelLength = 63;

bool allDigits(QByteArrayView s)
{
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return !s.isEmpty();
}

// inet_aton also reads "0x7f" and bare numbers as addresses; no TLD looks
// like that, so such a final label means an IP literal in disguise.
bool looksNumeric(QByteArrayView label)
{
    if (allDigits(label))
        return true;
    const bool hex = label.size() > 2 && label[0] == '0' && (label[1] == 'x' || label[1] == 'X');
    if (!hex)
        return false;
    for (char c : label.sliced(2)) {
        if (!isxdigit(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

Reason checkHostName(QByteArrayView host)
{
    if (host.isEmpty() || host.size() > kMaxHostLength)
        return Reason::BadHost;
    const QList<QByteArrayView> labels = splitSegments(host, '.');
    for (QByteArrayView label : labels) {
        if (!isDnsLabel(label))
            return Reason::BadHost;
    }
    return looksNumeric(labels.last()) ? Reason::IpLiteral : Reason::None;
}

Reason parsePort(QByteArrayView digits, int *port)
{
    if (!allDigits(digits) || digits.size() > 5)
        return Reason::BadPort;
    *port = QByteArray(digits.data(), digits.size()).toInt();
    return *port == 443 ? Reason::None : Reason::BadPort;
}

} // namespace

bool isDnsLabel(QByteArrayView label, LetterCase letters)
{
    if (label.isEmpty() || label.size() > kMaxLabelLength || label.startsWith('-') || label.endsWith('-'))
        return false;
    for (char c : label) {
        const bool upper = c >= 'A' && c <= 'Z' && letters == LetterCase::Any;
        if (!((c >= 'a' && c <= 'z') || upper || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

Reason parseAuthority(QByteArrayView raw, Authority *out)
{
    for (char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80)
            return Reason::NonAsciiHost;
        if (c <= 0x20 || c == 0x7f)
            return Reason::BadHost;
    }
    if (raw.contains('@'))
        return Reason::Userinfo;
    if (raw.startsWith('['))
        return Reason::IpLiteral;
    const qsizetype colon = raw.indexOf(':');
    const QByteArrayView name = colon < 0 ? raw : raw.first(colon);
    Authority result;
    if (colon >= 0) {
        if (const Reason r = parsePort(raw.sliced(colon + 1), &result.port); r != Reason::None)
            return r;
    }
    if (const Reason r = checkHostName(name); r != Reason::None)
        return r;
    result.host = name.toByteArray().toLower();
    *out = result;
    return Reason::None;
}

Reason checkPath(QByteArrayView path)
{
    if (!path.startsWith('/'))
        return Reason::BadTarget;
    for (char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '#')
            return Reason::BadTarget;
    }
    // Only the last segment may be empty: a trailing slash is a path of its own.
    const QList<QByteArrayView> segments = splitSegments(path.sliced(1), '/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QByteArrayView segment = segments[i];
        if ((segment.isEmpty() && i + 1 < segments.size()) || segment == "." || segment == "..")
            return Reason::BadTarget;
    }
    return Reason::None;
}

} // namespace hako::proxy
