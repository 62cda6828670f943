#include "allowlist.h"

#include "authority.h"

#include <QRegularExpression>

#include <algorithm>

namespace hako::proxy {

namespace {

// AWS puts many services under these domains, each with its own label
// scheme; only the region label is the same everywhere.
const QByteArrayList kAwsDomains = {".amazonaws.com", ".amazonaws.com.cn", ".api.aws"};

bool isPatternLabel(QByteArrayView label)
{
    return isDnsLabel(label, LetterCase::LowerOnly);
}

bool isAwsPattern(QByteArrayView pattern)
{
    return std::any_of(kAwsDomains.begin(), kAwsDomains.end(),
                       [pattern](const QByteArray &domain) { return pattern.endsWith(domain); });
}

// On a match, *wildcard receives the label the first "*" stood for.
bool matchLabels(const AllowRule &rule, const QByteArrayList &host, QByteArray *wildcard)
{
    const QByteArrayList pattern = rule.pattern.split('.');
    if (pattern.size() != host.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == "*") {
            if (rule.regionWildcard && !Allowlist::isRegionName(host[i]))
                return false;
            if (wildcard->isNull())
                *wildcard = host[i];
        } else if (pattern[i] != host[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

bool Allowlist::isRegionName(QByteArrayView label)
{
    static const QRegularExpression region(QStringLiteral("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[1-9][0-9]?$"));
    return region.match(QLatin1StringView(label)).hasMatch();
}

bool Allowlist::isValidPattern(QByteArrayView pattern)
{
    const QByteArrayList labels = pattern.toByteArray().split('.');
    const bool literalSuffix =
            labels.size() >= 2 && isPatternLabel(labels.last()) && isPatternLabel(labels[labels.size() - 2]);
    bool valid = literalSuffix && pattern.size() <= 253;
    for (const QByteArray &label : labels)
        valid = valid && (label == "*" || isPatternLabel(label));
    return valid;
}

void Allowlist::add(AllowRule rule)
{
    rule.regionWildcard = isAwsPattern(rule.pattern);
    if (!rule.operations)
        rule.operations = OperationPolicy::defaultFor(rule.pattern);
    m_rules.append(std::move(rule));
}

const QList<AllowRule> &Allowlist::rules() const
{
    return m_rules;
}

AllowMatch Allowlist::match(QByteArrayView host) const
{
    const QByteArrayList hostLabels = host.toByteArray().split('.');
    for (const AllowRule &rule : m_rules) {
        QByteArray wildcard;
        if (matchLabels(rule, hostLabels, &wildcard))
            return {&rule, rule.auth.region.isEmpty() ? wildcard : rule.auth.region};
    }
    return {};
}

} // namespace hako::proxy
