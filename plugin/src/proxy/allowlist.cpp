#include "allowlist.h"

#include <QCoreApplication>

namespace hako::proxy {

namespace {

bool isLdhLabel(QByteArrayView label)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith('-') || label.endsWith('-'))
        return false;
    for (char c : label) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok)
            return false;
    }
    return true;
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

QString Allowlist::checkPattern(QByteArrayView pattern)
{
    const QByteArrayList labels = pattern.toByteArray().split('.');
    const bool literalSuffix
        = labels.size() >= 2 && isLdhLabel(labels.last()) && isLdhLabel(labels[labels.size() - 2]);
    bool valid = literalSuffix && pattern.size() <= 253;
    for (const QByteArray &label : labels)
        valid = valid && (label == "*" || isLdhLabel(label));
    if (valid)
        return {};
    return QCoreApplication::translate("hako",
                                       "Allowlist pattern \"%1\" is invalid: use lowercase DNS "
                                       "labels, \"*\" for exactly one whole label, and a literal "
                                       "domain at the end.")
        .arg(QString::fromUtf8(pattern.first(qMin<qsizetype>(pattern.size(), 256))));
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
