// Strict, incremental HTTP/1.1 request parsing on top of http_parser.
//
// The head is collected and screened byte by byte first (CR LF only, no
// obs-fold, no control or non-ASCII bytes, size limits), then handed to
// http_parser for the grammar, then checked for what a proxy must refuse:
// ambiguous framing, CONNECT/Upgrade, a missing, repeated or disagreeing Host,
// userinfo, IP literals, ports other than 443. The body is de-chunked and
// kept (up to the limit) because SigV4 needs its hash before the head can be
// sent upstream. One request per connection: bytes after it are refused.
#pragma once

#include "authority.h"
#include "refusal.h"
#include "sigv4.h"

#include <QByteArray>

#include <memory>

namespace hako::proxy {

struct RequestLimits
{
    int maxRequestLine = 8 * 1024;
    int maxHeaderBytes = 32 * 1024;
    int maxHeaders = 64;
    qint64 maxBody = 25 * 1024 * 1024; // Bedrock's own request limit
};

struct RequestHead
{
    QByteArray method;
    Authority authority;
    QByteArray path;    // raw, validated by checkPath()
    QByteArray query;   // raw, without '?'
    HeaderList headers; // as received, in order
    bool expectContinue = false;
};

class HttpRequestParser
{
public:
    enum class State { NeedMore, Complete, Failed };

    explicit HttpRequestParser(const RequestLimits &limits = {});
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Feeds received bytes: NeedMore until Complete, or Failed at any point.
    State feed(QByteArrayView data);

    State state() const;
    bool hasHead() const; // the head is complete and valid; the body may follow
    Reason error() const;
    const RequestHead &head() const;
    const QByteArray &body() const;
    // Memory the body takes: its whole Content-Length from the head on (it is
    // allocated once), or what a chunked body has grown to.
    qint64 bodyCapacity() const;
    QByteArray takeBody(); // hands the body on (or drops it); bodyCapacity() is then 0

    struct Impl;

private:
    std::unique_ptr<Impl> d;
};

} // namespace hako::proxy
