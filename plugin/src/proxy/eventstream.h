// Token counts read from an AWS event stream (application/vnd.amazon.eventstream)
// as it passes through the proxy, without holding it back.
//
// A message is a 12-byte prelude (total length, headers length, CRC), typed
// headers, a payload and a CRC. Bedrock ends a stream with its usage:
// ConverseStream in a "metadata" event ({"usage":{"inputTokens","outputTokens"}}),
// InvokeModelWithResponseStream in its last "chunk" ({"bytes": base64 of a JSON
// body holding "amazon-bedrock-invocationMetrics":{"inputTokenCount",
// "outputTokenCount"}}). The upstream is read as hostile: a message is kept
// only up to kMaxMessage bytes (a longer one passes unread), malformed framing
// stops the reading (the bytes still pass; what was counted stays), and
// numbers are taken only when they are whole and non-negative.
#pragma once

#include "sigv4.h"

#include <QByteArray>
#include <QByteArrayView>

namespace hako::proxy {

struct TokenCounts
{
    qint64 input = 0;
    qint64 output = 0;
    bool seen = false; // counts were found
};

class EventStreamTokens
{
public:
    static constexpr qsizetype kMaxMessage = 128 * 1024;

    void feed(QByteArrayView data);
    TokenCounts counts() const { return m_counts; }
    bool broken() const { return m_broken; }

private:
    void onMessage(QByteArrayView message);

    QByteArray m_message;  // the message being collected, at most kMaxMessage
    qsizetype m_total = 0; // its length once the prelude is in
    qint64 m_skip = 0;     // bytes of an over-long message still to pass
    TokenCounts m_counts;
    bool m_broken = false;
};

// A token-count response header's value (X-Amzn-Bedrock-*-Token-Count): a
// whole number up to 10^12, else -1.
qint64 parseTokenCount(QByteArrayView value);
// The counts in a response's X-Amzn-Bedrock-Input-Token-Count and
// -Output-Token-Count headers; seen only when both are valid.
TokenCounts tokenHeaders(const HeaderList &headers);
bool isEventStream(const HeaderList &headers);

} // namespace hako::proxy
