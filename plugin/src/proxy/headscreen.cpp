#include "headscreen.h"

namespace hako::proxy {

namespace {

bool startsWithNoCase(QByteArrayView line, QByteArrayView prefix)
{
    return line.size() >= prefix.size() && line.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

} // namespace

Reason screenHead(QByteArrayView buf, qsizetype from)
{
    if (from == 0 && !buf.isEmpty() && (buf[0] == '\r' || buf[0] == '\n' || buf[0] == ' ' || buf[0] == '\t'))
        return Reason::BadRequest;
    qsizetype lineStart = from == 0 ? 0 : buf.first(from).lastIndexOf('\n') + 1;
    for (qsizetype i = from; i < buf.size(); ++i) {
        const auto c = static_cast<unsigned char>(buf[i]);
        if (c == '\n' && (i == 0 || buf[i - 1] != '\r'))
            return Reason::BareLineEnding;
        if (c == '\r' && i + 1 < buf.size() && buf[i + 1] != '\n')
            return Reason::BareLineEnding;
        if (c == '\n') {
            lineStart = i + 1;
            if (lineStart < buf.size() && (buf[lineStart] == ' ' || buf[lineStart] == '\t'))
                return Reason::ObsFold;
            continue;
        }
        if (c >= 0x80 && lineStart == 0)
            return Reason::BadTarget;
        if (c >= 0x80) {
            const bool hostLine = startsWithNoCase(buf.sliced(lineStart), "host:");
            return hostLine ? Reason::NonAsciiHost : Reason::BadHeader;
        }
        const bool control = (c < 0x20 && c != '\r') || c == 0x7f;
        if (control && lineStart == 0) // not even a tab: http_parser would take it into the target
            return Reason::BadTarget;
        if (control && c != '\t')
            return Reason::BadHeader;
    }
    return Reason::None;
}

bool isToken(QByteArrayView name)
{
    static constexpr QByteArrayView kSymbols = "!#$%&'*+-.^_`|~";
    for (char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !kSymbols.contains(c))
            return false;
    }
    return !name.isEmpty();
}

} // namespace hako::proxy
