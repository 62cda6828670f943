#include "httprequest.h"

#include "headscreen.h"
#include "httpmessage.h"

#include <utility>

namespace hako::proxy {

namespace {

constexpr QByteArrayView kHeadEnd = "\r\n\r\n";
const QByteArrayList kAllowedMethods = {"GET", "HEAD", "POST", "PUT", "DELETE"};

Reason mapParserError(http_errno err)
{
    switch (err) {
    case HPE_UNEXPECTED_CONTENT_LENGTH: return Reason::AmbiguousLength;
    case HPE_INVALID_TRANSFER_ENCODING: return Reason::BadTransferEncoding;
    case HPE_HEADER_OVERFLOW: return Reason::HeadersTooLarge;
    case HPE_INVALID_METHOD: return Reason::MethodNotAllowed;
    case HPE_INVALID_VERSION: return Reason::BadVersion;
    default: return Reason::BadRequest;
    }
}

// Splits "http(s)://authority/path?query" or "/path?query".
Reason splitTarget(QByteArrayView url, QByteArray *authority, RequestHead *head)
{
    QByteArrayView rest = url;
    if (!url.startsWith('/')) {
        const qsizetype schemeEnd = url.indexOf("://");
        const QByteArrayView scheme = schemeEnd < 0 ? QByteArrayView() : url.first(schemeEnd);
        if (scheme.compare("http", Qt::CaseInsensitive) != 0 && scheme.compare("https", Qt::CaseInsensitive) != 0)
            return Reason::BadTarget;
        rest = url.sliced(schemeEnd + 3);
        qsizetype end = 0;
        while (end < rest.size() && rest[end] != '/' && rest[end] != '?')
            ++end;
        *authority = rest.first(end).toByteArray();
        rest = rest.sliced(end);
        if (!rest.startsWith('/'))
            return Reason::BadTarget;
    }
    const qsizetype q = rest.indexOf('?');
    head->path = (q < 0 ? rest : rest.first(q)).toByteArray();
    head->query = q < 0 ? QByteArray() : rest.sliced(q + 1).toByteArray();
    return head->query.contains('#') ? Reason::BadTarget : checkPath(head->path);
}

} // namespace

struct HttpRequestParser::Impl : HttpMessage
{
    RequestLimits limits;
    State state = State::NeedMore;
    Reason error = Reason::None;
    QByteArray headBuf;
    qsizetype screened = 0; // headBuf bytes already screened
    bool headDone = false;
    RequestHead head;
    QByteArray body;

    explicit Impl(const RequestLimits &l);
    void fail(Reason r);
    Reason parse(QByteArrayView data, qsizetype *consumed);
    void feedHead(QByteArrayView data);
    void feedBody(QByteArrayView data);
    Reason validateHead();
    Reason checkFraming(int contentLengths, int transferEncodings, QByteArrayView te) const;

    int onNewHeader() override;
    int onHeadersComplete() override;
    int onBody(QByteArrayView data) override;
};

HttpRequestParser::Impl::Impl(const RequestLimits &l) : HttpMessage(HTTP_REQUEST), limits(l) {}

int HttpRequestParser::Impl::onNewHeader()
{
    if (headDone)
        error = Reason::BadHeader; // trailers would bypass the head's checks
    else if (headers().size() >= limits.maxHeaders)
        error = Reason::TooManyHeaders;
    return error == Reason::None ? 0 : -1;
}

int HttpRequestParser::Impl::onHeadersComplete()
{
    head.headers = headers();
    error = validateHead();
    headDone = error == Reason::None;
    if (headDone && !(parser().flags & F_CHUNKED) && parser().content_length != ULLONG_MAX)
        body.reserve(qsizetype(parser().content_length)); // checked against maxBody
    return headDone ? 0 : -1;
}

int HttpRequestParser::Impl::onBody(QByteArrayView data)
{
    if (body.size() + data.size() > limits.maxBody) {
        error = Reason::BodyTooLarge;
        return -1;
    }
    body.append(data);
    return 0;
}

void HttpRequestParser::Impl::fail(Reason r)
{
    state = State::Failed;
    error = r;
}

Reason HttpRequestParser::Impl::parse(QByteArrayView data, qsizetype *consumed)
{
    *consumed = execute(data);
    if (isComplete())
        state = State::Complete;
    const http_errno err = parserErrno();
    if (err == HPE_OK || (err == HPE_PAUSED && state == State::Complete))
        return Reason::None;
    return error != Reason::None ? error : mapParserError(err);
}

void HttpRequestParser::Impl::feedHead(QByteArrayView data)
{
    const qsizetype from = qMax<qsizetype>(0, screened - 1);
    headBuf.append(data);
    screened = headBuf.size();
    const qsizetype end = headBuf.indexOf(kHeadEnd, qMax<qsizetype>(0, from - 3));
    const qsizetype lineEnd = headBuf.indexOf("\r\n");
    if ((lineEnd < 0 ? headBuf.size() : lineEnd) > limits.maxRequestLine)
        return fail(Reason::RequestLineTooLong);
    if ((end < 0 ? headBuf.size() : end + kHeadEnd.size()) > limits.maxHeaderBytes)
        return fail(Reason::HeadersTooLarge);
    const QByteArrayView block =
            end < 0 ? QByteArrayView(headBuf) : QByteArrayView(headBuf).first(end + kHeadEnd.size());
    if (const Reason r = screenHead(block, qMin(from, block.size())); r != Reason::None)
        return fail(r);
    if (end < 0)
        return;
    qsizetype consumed = 0;
    if (const Reason r = parse(block, &consumed); r != Reason::None)
        return fail(r);
    const QByteArray rest = headBuf.mid(end + kHeadEnd.size());
    headBuf.clear();
    if (state == State::Complete)
        return rest.isEmpty() ? void() : fail(Reason::Pipelining);
    if (!rest.isEmpty())
        feedBody(rest);
}

void HttpRequestParser::Impl::feedBody(QByteArrayView data)
{
    qsizetype consumed = 0;
    if (const Reason r = parse(data, &consumed); r != Reason::None)
        return fail(r);
    if (state == State::Complete && consumed < data.size())
        return fail(Reason::Pipelining);
}

Reason HttpRequestParser::Impl::checkFraming(int contentLengths, int transferEncodings, QByteArrayView te) const
{
    if (contentLengths > 1 || (contentLengths && transferEncodings))
        return Reason::AmbiguousLength;
    const bool chunkedOnly = te.trimmed().compare("chunked", Qt::CaseInsensitive) == 0;
    if (transferEncodings > 1 || (transferEncodings && !chunkedOnly))
        return Reason::BadTransferEncoding;
    if (contentLengths && parser().content_length > quint64(limits.maxBody))
        return Reason::BodyTooLarge;
    return Reason::None;
}

Reason HttpRequestParser::Impl::validateHead()
{
    const http_parser &p = parser();
    if (p.http_major != 1 || p.http_minor != 1)
        return Reason::BadVersion;
    head.method = http_method_str(http_method(p.method));
    if (p.method == HTTP_CONNECT || p.upgrade)
        return Reason::TunnelRefused;
    int hosts = 0, lengths = 0, encodings = 0, expects = 0;
    QByteArray host, te, expect;
    for (const auto &[rawName, value] : head.headers) {
        if (!isToken(rawName))
            return Reason::BadHeader;
        const QByteArray name = rawName.toLower();
        if (name == "host") {
            ++hosts;
            host = value;
        } else if (name == "content-length") {
            ++lengths;
        } else if (name == "transfer-encoding") {
            ++encodings;
            te = value;
        } else if (name == "expect") {
            ++expects;
            expect = value.trimmed().toLower();
        } else if (name == "upgrade") {
            return Reason::TunnelRefused;
        }
    }
    if (!kAllowedMethods.contains(head.method))
        return Reason::MethodNotAllowed;
    if (const Reason r = checkFraming(lengths, encodings, te); r != Reason::None)
        return r;
    if (expects > 1 || (expects && expect != "100-continue"))
        return Reason::ExpectationFailed;
    head.expectContinue = expects == 1;
    if (hosts != 1)
        return hosts ? Reason::DuplicateHost : Reason::MissingHost;
    if (const Reason r = parseAuthority(host.trimmed(), &head.authority); r != Reason::None)
        return r;
    QByteArray targetAuthority;
    if (const Reason r = splitTarget(startText(), &targetAuthority, &head); r != Reason::None)
        return r;
    if (targetAuthority.isNull())
        return Reason::None;
    Authority fromTarget;
    if (const Reason r = parseAuthority(targetAuthority, &fromTarget); r != Reason::None)
        return r;
    const bool agree = fromTarget.host == head.authority.host && fromTarget.port == head.authority.port;
    return agree ? Reason::None : Reason::AuthorityMismatch;
}

HttpRequestParser::HttpRequestParser(const RequestLimits &limits) : d(std::make_unique<Impl>(limits)) {}

HttpRequestParser::~HttpRequestParser() = default;

HttpRequestParser::State HttpRequestParser::feed(QByteArrayView data)
{
    if (data.isEmpty() || d->state == State::Failed)
        return d->state;
    if (d->state == State::Complete) {
        d->fail(Reason::Pipelining);
    } else if (!d->headDone) {
        d->feedHead(data);
    } else {
        d->feedBody(data);
    }
    return d->state;
}

HttpRequestParser::State HttpRequestParser::state() const
{
    return d->state;
}

Reason HttpRequestParser::error() const
{
    return d->error;
}

bool HttpRequestParser::hasHead() const
{
    return d->headDone;
}

const RequestHead &HttpRequestParser::head() const
{
    return d->head;
}

const QByteArray &HttpRequestParser::body() const
{
    return d->body;
}

qint64 HttpRequestParser::bodyCapacity() const
{
    return d->body.capacity();
}

QByteArray HttpRequestParser::takeBody()
{
    return std::exchange(d->body, QByteArray());
}

} // namespace hako::proxy
