#include "eventstream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>

namespace hako::proxy {

namespace {

constexpr qsizetype kPrelude = 12;
constexpr qsizetype kTrailer = 4;
constexpr qint64 kMaxCount = 1000000000000; // far above any model's context

quint32 be32(const char *p)
{
    return qFromBigEndian<quint32>(p);
}

// The value of the string header `wanted` among an event's headers; empty
// when it is absent or the headers are malformed.
QByteArrayView stringHeader(QByteArrayView headers, QByteArrayView wanted)
{
    // Value sizes of the fixed-size types 0-9 (7 string and 6 bytes carry a 2-byte length).
    static constexpr int kFixed[] = {0, 0, 1, 2, 4, 8, -1, -1, 8, 16};
    qsizetype at = 0;
    while (at < headers.size()) {
        const qsizetype nameLength = quint8(headers[at]);
        if (at + 1 + nameLength + 1 > headers.size())
            return {};
        const QByteArrayView name = headers.sliced(at + 1, nameLength);
        const int type = quint8(headers[at + 1 + nameLength]);
        at += 2 + nameLength;
        if (type > 9)
            return {};
        qsizetype size = kFixed[type];
        if (size < 0) {
            if (at + 2 > headers.size())
                return {};
            size = qFromBigEndian<quint16>(headers.data() + at);
            at += 2;
        }
        if (at + size > headers.size())
            return {};
        if (type == 7 && name == wanted)
            return headers.sliced(at, size);
        at += size;
    }
    return {};
}

qint64 wholeCount(const QJsonValue &v)
{
    const double d = v.toDouble(-1);
    return d >= 0 && d <= double(kMaxCount) && d == double(qint64(d)) ? qint64(d) : -1;
}

bool takeCounts(const QJsonObject &o, const char *input, const char *output, TokenCounts *out)
{
    const qint64 in = wholeCount(o.value(QLatin1String(input)));
    const qint64 outCount = wholeCount(o.value(QLatin1String(output)));
    if (in < 0 || outCount < 0)
        return false;
    *out = {in, outCount, true};
    return true;
}

} // namespace

qint64 parseTokenCount(QByteArrayView value)
{
    value = value.trimmed();
    if (value.isEmpty() || value.size() > 13
        || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return -1;
    const qint64 n = value.toLongLong();
    return n <= kMaxCount ? n : -1;
}

TokenCounts tokenHeaders(const HeaderList &headers)
{
    qint64 input = -1, output = -1;
    for (const auto &[name, value] : headers) {
        if (name.compare("x-amzn-bedrock-input-token-count", Qt::CaseInsensitive) == 0)
            input = parseTokenCount(value);
        else if (name.compare("x-amzn-bedrock-output-token-count", Qt::CaseInsensitive) == 0)
            output = parseTokenCount(value);
    }
    return input >= 0 && output >= 0 ? TokenCounts{input, output, true} : TokenCounts{};
}

bool isEventStream(const HeaderList &headers)
{
    for (const auto &[name, value] : headers) {
        if (name.compare("content-type", Qt::CaseInsensitive) == 0)
            return value.trimmed().toLower().startsWith("application/vnd.amazon.eventstream");
    }
    return false;
}

void EventStreamTokens::feed(QByteArrayView data)
{
    while (!data.isEmpty() && !m_broken) {
        if (m_skip > 0) {
            const qsizetype n = qsizetype(qMin<qint64>(m_skip, data.size()));
            m_skip -= n;
            data = data.sliced(n);
            continue;
        }
        const qsizetype need = m_total ? m_total : kPrelude;
        const qsizetype take = qMin(need - m_message.size(), data.size());
        m_message.append(data.first(take));
        data = data.sliced(take);
        if (m_message.size() < need)
            return;
        if (m_total) {
            onMessage(m_message);
            m_message.clear();
            m_total = 0;
            continue;
        }
        const qint64 total = be32(m_message.constData());
        const qint64 headers = be32(m_message.constData() + 4);
        if (total < kPrelude + kTrailer || headers > total - kPrelude - kTrailer) {
            m_broken = true;
            return;
        }
        if (total > kMaxMessage) {
            m_skip = total - kPrelude;
            m_message.clear();
        } else {
            m_total = qsizetype(total);
        }
    }
}

void EventStreamTokens::onMessage(QByteArrayView message)
{
    const qsizetype headersLength = be32(message.data() + 4);
    const QByteArrayView headers = message.sliced(kPrelude, headersLength);
    const QByteArrayView payload = message.sliced(kPrelude + headersLength).chopped(kTrailer);
    const QByteArrayView event = stringHeader(headers, ":event-type");
    if (event != "metadata" && event != "chunk")
        return;
    const QJsonObject body = QJsonDocument::fromJson(payload.toByteArray()).object();
    if (event == "metadata") {
        takeCounts(body.value(QLatin1String("usage")).toObject(), "inputTokens", "outputTokens", &m_counts);
    } else {
        const QByteArray inner = QByteArray::fromBase64(body.value(QLatin1String("bytes")).toString().toLatin1());
        if (!inner.contains("amazon-bedrock-invocationMetrics"))
            return; // most chunks: text, not usage
        const QJsonObject metrics = QJsonDocument::fromJson(inner)
                                            .object()
                                            .value(QLatin1String("amazon-bedrock-invocationMetrics"))
                                            .toObject();
        takeCounts(metrics, "inputTokenCount", "outputTokenCount", &m_counts);
    }
}

} // namespace hako::proxy
