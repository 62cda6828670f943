// Which upstream hosts the proxy forwards to, and how it authenticates to
// each. A pattern is a DNS name in which a "*" label matches exactly one
// label: "bedrock-runtime.*.amazonaws.com" matches
// "bedrock-runtime.us-east-1.amazonaws.com" but neither
// "bedrock-runtime.amazonaws.com" nor "bedrock-runtime.a.b.amazonaws.com".
// In a pattern under an AWS domain (amazonaws.com, amazonaws.com.cn,
// api.aws) a "*" matches only a region name: any label there would also
// take in other services' names, e.g. "bedrock-runtime.s3.amazonaws.com",
// the endpoint of an S3 bucket anyone may create.
#pragma once

#include "operationpolicy.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>

namespace hako::proxy {

class SecretBuffer;

struct AuthRule
{
    enum class Kind { SigV4, Header };
    Kind kind = Kind::SigV4;
    // SigV4: the service to sign for; the region is the label the pattern's
    // first "*" matched, unless set here.
    QByteArray service = "bedrock";
    QByteArray region;
    // Header: the header to set (client copies are removed) and its value,
    // e.g. "x-api-key" + key, or "authorization" + "Bearer " + token.
    QByteArray headerName;
    QByteArray valuePrefix;
    std::shared_ptr<const SecretBuffer> headerValue;
};

struct AllowRule
{
    QByteArray pattern; // lowercase
    AuthRule auth;
    // Unset: OperationPolicy::defaultFor(pattern); Allowlist::add() fills it in.
    std::optional<OperationPolicy> operations = std::nullopt;
    bool regionWildcard = false; // set by Allowlist::add(): "*" must be a region name
};

struct AllowMatch
{
    const AllowRule *rule = nullptr;
    QByteArray region; // for SigV4: resolved region
};

class Allowlist
{
public:
    static inline const QByteArray kDefaultPattern = "bedrock-runtime.*.amazonaws.com";

    // Lowercase DNS labels, "*" for exactly one whole label, a literal domain at the end.
    static bool isValidPattern(QByteArrayView pattern);
    // Shaped like an AWS region: two letters, an optional partition
    // qualifier, a direction word, a number (us-east-1, us-gov-west-1,
    // us-isob-east-1, ap-southeast-4). A pattern rather than a list, so a
    // region AWS opens later works without a new release.
    static bool isRegionName(QByteArrayView label);

    void add(AllowRule rule);
    const QList<AllowRule> &rules() const;
    // `host` must already be a validated lowercase name (see authority.h).
    AllowMatch match(QByteArrayView host) const;

private:
    QList<AllowRule> m_rules;
};

} // namespace hako::proxy
