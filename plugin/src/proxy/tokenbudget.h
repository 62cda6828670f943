// A conversation's token budget (proxy.budget.tokens): input and output
// tokens counted from Bedrock's answers (response headers, or the event
// stream's closing usage), per listening socket, i.e. per conversation. Once
// the count reaches the limit, the socket's further requests are refused with
// 429 budget_exhausted before they are forwarded. Tokens are known only when
// an answer ends, so the request that crosses the limit completes; the count
// goes when the socket is closed.
#pragma once

#include <QHash>
#include <QString>

namespace hako::proxy {

class TokenBudget
{
public:
    struct Usage
    {
        qint64 input = 0;
        qint64 output = 0;
        qint64 total() const { return input + output; }
    };

    explicit TokenBudget(qint64 limit) : m_limit(limit) {} // 0: no limit

    qint64 limit() const { return m_limit; }
    bool exhausted(const QString &socket) const { return m_limit > 0 && usage(socket).total() >= m_limit; }
    Usage usage(const QString &socket) const { return m_used.value(socket); }
    void add(const QString &socket, qint64 input, qint64 output);
    void forget(const QString &socket) { m_used.remove(socket); }

private:
    qint64 m_limit;
    QHash<QString, Usage> m_used;
};

// One served conversation's budgets, for /healthz.
struct ConversationBudget
{
    QString conversation; // its key (a hash, not the ID); empty when served without one
    TokenBudget::Usage tokens;
    bool tokensExhausted = false;
    int requestsLastMinute = 0;
};

} // namespace hako::proxy
