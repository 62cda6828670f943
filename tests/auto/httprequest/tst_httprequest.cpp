// The strict request parser and the sanitizer: good requests beside the
// malformed, smuggling-shaped and credential-carrying ones they must refuse.
#include "httprequest.h"
#include "sanitize.h"

#include <QtTest>

using namespace hako::proxy;

namespace {

const QByteArray kHost = "Host: bedrock-runtime.us-east-1.amazonaws.com\r\n";
const QByteArray kInvoke = "POST /model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke HTTP/1.1\r\n";

struct Outcome
{
    QByteArray code;
    QByteArray path, query, body;
};

Outcome run(const QByteArray &raw, qsizetype step)
{
    RequestLimits limits;
    limits.maxBody = 1024;
    HttpRequestParser parser(limits);
    for (qsizetype i = 0; i < raw.size(); i += step)
        parser.feed(QByteArrayView(raw).sliced(i, qMin(step, raw.size() - i)));
    if (parser.state() == HttpRequestParser::State::Failed)
        return {reasonCode(parser.error()), {}, {}, {}};
    if (parser.state() != HttpRequestParser::State::Complete)
        return {"incomplete", {}, {}, {}};
    return {"ok", parser.head().path, parser.head().query, parser.body()};
}

} // namespace

class TestHttpRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void sanitize_data();
    void sanitize();
    void responseHeaders();
};

void TestHttpRequest::parse_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("body");

    const QByteArray cl = "Content-Length: 2\r\n\r\n{}";
    // good
    QTest::newRow("origin-form") << kInvoke + kHost + cl << QByteArray("ok") << QByteArray("{}");
    QTest::newRow("absolute-form")
            << QByteArray("POST http://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke HTTP/1.1\r\n") + kHost
                       + cl
            << QByteArray("ok") << QByteArray("{}");
    QTest::newRow("port-443") << "GET / HTTP/1.1\r\nHost: bedrock-runtime.us-east-1.amazonaws.com:443\r\n\r\n"_qba
                              << QByteArray("ok") << QByteArray();
    QTest::newRow("chunked") << kInvoke + kHost + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1\r\n}\r\n0\r\n\r\n"
                             << QByteArray("ok") << QByteArray("{}");
    QTest::newRow("expect-continue") << kInvoke + kHost + "Expect: 100-continue\r\n" + cl << QByteArray("ok")
                                     << QByteArray("{}");
    QTest::newRow("query") << "GET /async-invoke?maxResults=5 HTTP/1.1\r\n"_qba + kHost + "\r\n"
                           << QByteArray("ok") << QByteArray();
    // framing and smuggling
    QTest::newRow("cl-and-te") << kInvoke + kHost + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                               << QByteArray("ambiguous_length") << QByteArray();
    QTest::newRow("two-cl") << kInvoke + kHost + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"
                            << QByteArray("ambiguous_length") << QByteArray();
    QTest::newRow("te-gzip") << kInvoke + kHost + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"
                             << QByteArray("bad_transfer_encoding") << QByteArray();
    QTest::newRow("te-twice") << kInvoke + kHost
                                         + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                              << QByteArray("bad_transfer_encoding") << QByteArray();
    QTest::newRow("bare-lf") << "GET / HTTP/1.1\nHost: bedrock-runtime.us-east-1.amazonaws.com\n\n"_qba
                             << QByteArray("bare_line_ending") << QByteArray();
    QTest::newRow("bare-cr") << "GET / HTTP/1.1\r\nX: a\rb\r\n"_qba + kHost + "\r\n"
                             << QByteArray("bare_line_ending") << QByteArray();
    QTest::newRow("obs-fold") << "GET / HTTP/1.1\r\n"_qba + kHost + "X-A: a\r\n  b\r\n\r\n"
                              << QByteArray("obs_fold") << QByteArray();
    QTest::newRow("pipelined") << "GET / HTTP/1.1\r\n"_qba + kHost + "\r\nGET / HTTP/1.1\r\n" + kHost + "\r\n"
                               << QByteArray("pipelining") << QByteArray();
    QTest::newRow("body-past-length") << kInvoke + kHost + cl + "GET /x HTTP/1.1\r\n"
                                      << QByteArray("pipelining") << QByteArray();
    QTest::newRow("chunk-trailer-host") << kInvoke + kHost
                                                   + "Transfer-Encoding: chunked\r\n\r\n0\r\nHost: evil.example\r\n\r\n"
                                        << QByteArray("bad_header") << QByteArray();
    QTest::newRow("body-too-large") << kInvoke + kHost + "Content-Length: 2048\r\n\r\n"
                                    << QByteArray("body_too_large") << QByteArray();
    QTest::newRow("chunked-too-large") << kInvoke + kHost + "Transfer-Encoding: chunked\r\n\r\n800\r\n"
                                                  + QByteArray(2048, 'a') + "\r\n0\r\n\r\n"
                                       << QByteArray("body_too_large") << QByteArray();
    QTest::newRow("space-before-colon") << "GET / HTTP/1.1\r\nHost : x.amazonaws.com\r\n\r\n"_qba
                                        << QByteArray("bad_header") << QByteArray();
    QTest::newRow("nul-in-header") << "GET / HTTP/1.1\r\n"_qba + kHost + "X: a\0b\r\n\r\n"_qba
                                   << QByteArray("bad_header") << QByteArray();
    QTest::newRow("non-ascii-value") << "GET / HTTP/1.1\r\n"_qba + kHost + "X: caf\xc3\xa9\r\n\r\n"
                                     << QByteArray("bad_header") << QByteArray();
    QTest::newRow("leading-crlf") << "\r\nGET / HTTP/1.1\r\n"_qba + kHost + "\r\n"
                                  << QByteArray("bad_request") << QByteArray();
    // version, method, target
    QTest::newRow("http10") << "GET / HTTP/1.0\r\n"_qba + kHost + "\r\n" << QByteArray("bad_version") << QByteArray();
    QTest::newRow("connect") << "CONNECT bedrock-runtime.us-east-1.amazonaws.com:443 HTTP/1.1\r\n"_qba + kHost + "\r\n"
                             << QByteArray("tunnel_refused") << QByteArray();
    QTest::newRow("upgrade") << "GET / HTTP/1.1\r\n"_qba + kHost + "Connection: upgrade\r\nUpgrade: websocket\r\n\r\n"
                             << QByteArray("tunnel_refused") << QByteArray();
    QTest::newRow("trace") << "TRACE / HTTP/1.1\r\n"_qba + kHost + "\r\n"
                           << QByteArray("method_not_allowed") << QByteArray();
    QTest::newRow("dot-segment") << "GET /model/../x HTTP/1.1\r\n"_qba + kHost + "\r\n"
                                 << QByteArray("bad_target") << QByteArray();
    QTest::newRow("double-slash") << "GET //x HTTP/1.1\r\n"_qba + kHost + "\r\n"
                                  << QByteArray("bad_target") << QByteArray();
    QTest::newRow("tab-in-query") << "GET /x?a=1\tHTTP/1.0 HTTP/1.1\r\n"_qba + kHost + "\r\n"
                                  << QByteArray("bad_target") << QByteArray();
    QTest::newRow("vtab-in-query") << "GET /x?a=\x0b HTTP/1.1\r\n"_qba + kHost + "\r\n"
                                   << QByteArray("bad_target") << QByteArray();
    QTest::newRow("del-in-path") << "GET /x\x7f HTTP/1.1\r\n"_qba + kHost + "\r\n"
                                 << QByteArray("bad_target") << QByteArray();
    QTest::newRow("asterisk") << "GET * HTTP/1.1\r\n"_qba + kHost + "\r\n" << QByteArray("bad_target") << QByteArray();
    QTest::newRow("ftp-scheme") << "GET ftp://bedrock-runtime.us-east-1.amazonaws.com/ HTTP/1.1\r\n"_qba + kHost
                                           + "\r\n"
                                << QByteArray("bad_target") << QByteArray();
    QTest::newRow("expect-other") << kInvoke + kHost + "Expect: 200-ok\r\n" + cl << QByteArray("expectation_failed")
                                  << QByteArray();
    // host and authority
    QTest::newRow("no-host") << "GET / HTTP/1.1\r\n\r\n"_qba << QByteArray("missing_host") << QByteArray();
    QTest::newRow("two-hosts") << "GET / HTTP/1.1\r\n"_qba + kHost + kHost + "\r\n"
                               << QByteArray("duplicate_host") << QByteArray();
    QTest::newRow("authority-mismatch") << "GET http://evil.example.com/ HTTP/1.1\r\n"_qba + kHost + "\r\n"
                                        << QByteArray("authority_mismatch") << QByteArray();
    QTest::newRow("userinfo") << "GET http://u:p@bedrock-runtime.us-east-1.amazonaws.com/ HTTP/1.1\r\n"_qba + kHost
                                         + "\r\n"
                              << QByteArray("userinfo") << QByteArray();
    QTest::newRow("ip-host") << "GET / HTTP/1.1\r\nHost: 169.254.169.254\r\n\r\n"_qba << QByteArray("ip_literal")
                             << QByteArray();
    QTest::newRow("port-80") << "GET / HTTP/1.1\r\nHost: bedrock-runtime.us-east-1.amazonaws.com:80\r\n\r\n"_qba
                             << QByteArray("bad_port") << QByteArray();
    QTest::newRow("unicode-host")
            << "GET / HTTP/1.1\r\nHost: bedrock-runtime.us-east-1.amazonaws.\xef\xbd\x83om\r\n\r\n"_qba
            << QByteArray("non_ascii_host") << QByteArray();
    // limits
    QTest::newRow("long-line") << "GET /"_qba + QByteArray(9000, 'a') + " HTTP/1.1\r\n" + kHost + "\r\n"
                               << QByteArray("request_line_too_long") << QByteArray();
    QTest::newRow("big-headers") << "GET / HTTP/1.1\r\n"_qba + kHost + "X: " + QByteArray(40000, 'a') + "\r\n\r\n"
                                 << QByteArray("headers_too_large") << QByteArray();
    QByteArray many = "GET / HTTP/1.1\r\n"_qba + kHost;
    for (int i = 0; i < 70; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("many-headers") << many + "\r\n" << QByteArray("too_many_headers") << QByteArray();
    QTest::newRow("truncated") << kInvoke + kHost + "Content-Length: 5\r\n\r\n{}" << QByteArray("incomplete")
                               << QByteArray();
}

void TestHttpRequest::parse()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, body);
    for (qsizetype step : {raw.size(), qsizetype(1), qsizetype(7)}) {
        const Outcome outcome = run(raw, step);
        QCOMPARE(outcome.code, code);
        QCOMPARE(outcome.body, body);
    }
}

void TestHttpRequest::sanitize_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("kept");
    QTest::addColumn<QByteArray>("keptQuery");
    QTest::addColumn<bool>("credential");
    QTest::addColumn<QByteArray>("injected");

    QTest::newRow("plain") << "Content-Type: application/json\r\nAccept: */*\r\n"_qba << QByteArray()
                           << QByteArray("content-type,accept") << QByteArray() << false << QByteArray();
    QTest::newRow("authorization") << "Authorization: AWS4-HMAC-SHA256 x\r\nAccept: */*\r\n"_qba << QByteArray()
                                   << QByteArray("accept") << QByteArray() << true << QByteArray();
    QTest::newRow("amz-spellings") << "X-Amz-Security-Token: t\r\nX_Amz_Date: d\r\n"
                                      "x.amz.content-sha256: h\r\nAccept: a\r\n"_qba
                                   << QByteArray() << QByteArray("accept") << QByteArray() << true << QByteArray();
    QTest::newRow("hop-by-hop") << "Connection: keep-alive, X-Secret\r\nKeep-Alive: 5\r\nX-Secret: s\r\n"
                                   "TE: trailers\r\nAccept: a\r\n"_qba
                                << QByteArray() << QByteArray("accept") << QByteArray() << false << QByteArray();
    QTest::newRow("connection-names-amzn")
            << "Connection: x-amzn-bedrock-trace\r\nX-Amzn-Bedrock-Trace: ENABLED\r\n"_qba << QByteArray()
            << QByteArray() << QByteArray() << false << QByteArray();
    QTest::newRow("presigned-query") << QByteArray() << "a=1&X-Amz-Signature=s&x-amz-credential=c&b=2"_qba
                                     << QByteArray() << QByteArray("a=1&b=2") << true << QByteArray();
    QTest::newRow("proxy-authorization") << "Proxy-Authorization: Basic eA==\r\n"_qba << QByteArray() << QByteArray()
                                         << QByteArray() << true << QByteArray();
    QTest::newRow("api-key") << "X-Api-Key: k\r\nX_API_KEY: k\r\n"_qba << QByteArray() << QByteArray() << QByteArray()
                             << true << QByteArray();
    QTest::newRow("presigned-encoded") << QByteArray()
                                       << "a=1&X%2DAmz%2DCredential=c&x%2damz%2dsignature=s&%58-Amz-Date=d&b=%7e"_qba
                                       << QByteArray() << QByteArray("a=1&b=~") << true << QByteArray();
    QTest::newRow("query-reencoded") << QByteArray() << "c=/%3d&b=x+y&a=%41%2f&d"_qba << QByteArray()
                                     << QByteArray("a=A%2F&b=x%2By&c=%2F%3D&d=") << false << QByteArray();
    QTest::newRow("rule-header-spellings") << "Api-Token: k\r\napi.token: k\r\nAccept: a\r\n"_qba << QByteArray()
                                           << QByteArray("accept") << QByteArray() << true << QByteArray("api_token");
}

void TestHttpRequest::sanitize()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, kept);
    QFETCH(QByteArray, keptQuery);
    QFETCH(bool, credential);
    QFETCH(QByteArray, injected);
    HttpRequestParser parser;
    const QByteArray target = query.isEmpty() ? "/" : "/?" + query;
    parser.feed("GET " + target + " HTTP/1.1\r\n" + kHost + headers + "\r\n");
    QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
    const SanitizedRequest s = sanitizeRequest(parser.head(), injected);
    QByteArrayList names;
    for (const auto &h : s.headers)
        names.append(h.first.toLower());
    QCOMPARE(names.join(','), kept);
    QCOMPARE(s.query, keptQuery);
    QCOMPARE(s.strippedCredential, credential);
}

void TestHttpRequest::responseHeaders()
{
    const HeaderList in{{"Content-Type", "application/vnd.amazon.eventstream"},
                        {"Transfer-Encoding", "chunked"},
                        {"Connection", "close, X-Internal"},
                        {"X-Internal", "1"},
                        {"x-amzn-RequestId", "r"}};
    const HeaderList out = sanitizeResponseHeaders(in);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].first, QByteArray("Content-Type"));
    QCOMPARE(out[1].first, QByteArray("x-amzn-RequestId"));
}

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
