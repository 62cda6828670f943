// Holds back the lines written for an event that repeats: the first of each
// key is written at once, then at most one line per interval, and that line
// says how many events it stands for. Nothing is lost, only folded: the
// counts of the lines add up to the number of events. A key quiet for an
// interval is forgotten, so the table holds only keys seen lately.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace hako::telemetry {

class EventThrottle
{
public:
    // Milliseconds on a clock that never goes back.
    using Clock = std::function<qint64()>;

    struct Line
    {
        QString key;
        qint64 count = 0; // events this line stands for
    };

    explicit EventThrottle(qint64 intervalMs, Clock clock = {});

    qint64 intervalMs() const { return m_intervalMs; }
    // Counts one event; the number of events to write a line for now (this
    // one and those held back before it), or 0 when the line is held back.
    qint64 record(const QString &key);
    // Lines for events held back longer than an interval; forgets quiet keys.
    QList<Line> due();
    // Lines for every event still held back under keys that start with
    // `prefix`, whatever their age; those keys start afresh (at the end of a
    // call or of the process).
    QList<Line> drain(const QString &prefix = {});
    bool isEmpty() const { return m_keys.isEmpty(); }

private:
    struct Key
    {
        qint64 lastLine = 0; // when a line was last written for the key
        qint64 held = 0;     // events since then without a line
    };

    const qint64 m_intervalMs;
    const Clock m_clock;
    QHash<QString, Key> m_keys;
};

} // namespace hako::telemetry
