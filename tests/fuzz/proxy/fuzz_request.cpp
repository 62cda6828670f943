// libFuzzer entry for the proxy's request path: bytes from a client go
// through the strict parser in two reads (the first input byte picks the
// split), and an accepted request through the sanitizer, the allowlist and
// the SigV4 signer exactly as ProxySession uses them.
#include "allowlist.h"
#include "authority.h"
#include "httprequest.h"
#include "sanitize.h"
#include "upstreamrequest.h"

#include <cstddef>
#include <cstdint>

using namespace hako::proxy;

namespace {

const Allowlist &allowlist()
{
    static const Allowlist list = [] {
        Allowlist l;
        l.add({Allowlist::kDefaultPattern, {}});
        return l;
    }();
    return list;
}

const AwsCredentials &credentials()
{
    static const AwsCredentials c{
            "AKIDFUZZ", SecretBuffer::create("fuzz-secret"), SecretBuffer::create("fuzz-token"), {}};
    return c;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype split = qMin<qsizetype>(data[0], input.size());
    RequestLimits limits;
    limits.maxBody = 64 * 1024;
    HttpRequestParser parser(limits);
    parser.feed(input.first(split));
    parser.feed(input.sliced(split));

    Authority authority;
    parseAuthority(input.first(qMin<qsizetype>(input.size(), 300)), &authority);
    sigv4::canonicalQuery(input);
    sigv4::canonicalUri(input, true);

    if (parser.state() != HttpRequestParser::State::Complete)
        return 0;
    const RequestHead &head = parser.head();
    const AllowMatch match = allowlist().match(head.authority.host);
    if (!match.rule)
        return 0;
    const SanitizedRequest clean = sanitizeRequest(head, {});
    const QByteArray out =
            buildUpstreamHead(head, clean, parser.body(), {&match, &credentials(), QDateTime::currentDateTimeUtc()});
    // The upstream head must stay a single well-formed head: no injected line.
    if (out.indexOf("\r\n\r\n") != out.size() - 4 || out.contains("fuzz-secret"))
        __builtin_trap();
    return 0;
}
