#include "allowlist.h"

#include "authority.h"

namespace hako::proxy {

namespace {

bool isPatternLabel(QByteArrayView label)
{
    return isDnsLabel(label, LetterCase::LowerOnly);
}

// On a match, *wildcard receives the label the first "*" stood for.
bool matchLabels(const QByteArrayList &pattern, const QByteArrayList &host, QByteArray *wildcard)
{
    if (pattern.size() != host.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == "*") {
            if (wildcard->isNull())
                *wildcard = host[i];
        } else if (pattern[i] != host[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

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
        if (matchLabels(rule.pattern.split('.'), hostLabels, &wildcard))
            return {&rule, rule.auth.region.isEmpty() ? wildcard : rule.auth.region};
    }
    return {};
}

} // namespace hako::proxy
