// The throttle of repeated event lines, on a clock the test moves: the first
// line of a key at once, at most one per interval after it, and the counts of
// the lines always add up to the events.
#include "telemetry/eventthrottle.h"

#include <QTest>

using namespace hako::telemetry;

namespace {

constexpr qint64 kInterval = 10000;

} // namespace

class tst_EventThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lines_data()
    {
        // "k@t": an event of key k at t ms; "flush@t": due() at t; "end@t": drain() at t;
        // "end:p@t": drain(p) at t.
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("lines"); // "key=count" in the order written
        QTest::newRow("one event") << QStringList{QStringLiteral("a@0"), QStringLiteral("end@0")}
                                   << QStringList{QStringLiteral("a=1")};
        QTest::newRow("a burst: one line, then the rest when due")
                << QStringList{QStringLiteral("a@0"), QStringLiteral("a@1"),        QStringLiteral("a@2"),
                               QStringLiteral("a@3"), QStringLiteral("flush@9999"), QStringLiteral("flush@10000")}
                << QStringList{QStringLiteral("a=1"), QStringLiteral("a=3")};
        QTest::newRow("a burst then the next event after the interval carries the count")
                << QStringList{QStringLiteral("a@0"), QStringLiteral("a@1"), QStringLiteral("a@2"),
                               QStringLiteral("a@10000")}
                << QStringList{QStringLiteral("a=1"), QStringLiteral("a=3")};
        QTest::newRow("keys apart") << QStringList{QStringLiteral("a@0"), QStringLiteral("b@1"),
                                                   QStringLiteral("a@2"), QStringLiteral("b@3"),
                                                   QStringLiteral("c@4"), QStringLiteral("end@5")}
                                    << QStringList{QStringLiteral("a=1"), QStringLiteral("b=1"), QStringLiteral("c=1"),
                                                   QStringLiteral("a=1"), QStringLiteral("b=1")};
        QTest::newRow("slow events each written") << QStringList{QStringLiteral("a@0"), QStringLiteral("a@10000"),
                                                                 QStringLiteral("a@20000"), QStringLiteral("a@30001")}
                                                  << QStringList{QStringLiteral("a=1"), QStringLiteral("a=1"),
                                                                 QStringLiteral("a=1"), QStringLiteral("a=1")};
        QTest::newRow("held at the end are written") << QStringList{QStringLiteral("a@0"), QStringLiteral("a@1"),
                                                                    QStringLiteral("a@2"), QStringLiteral("end@3")}
                                                     << QStringList{QStringLiteral("a=1"), QStringLiteral("a=2")};
        QTest::newRow("the end of one sandbox's call writes its held lines only")
                << QStringList{QStringLiteral("c1/mount@0"), QStringLiteral("c1/mount@1"), QStringLiteral("c2/mount@2"),
                               QStringLiteral("c2/mount@3"), QStringLiteral("end:c1/@4"),  QStringLiteral("c1/mount@5"),
                               QStringLiteral("end@6")}
                << QStringList{QStringLiteral("c1/mount=1"), QStringLiteral("c2/mount=1"), QStringLiteral("c1/mount=1"),
                               QStringLiteral("c1/mount=1"), QStringLiteral("c2/mount=1")};
        QTest::newRow("nothing held, nothing at the end")
                << QStringList{QStringLiteral("a@0"), QStringLiteral("flush@20000"), QStringLiteral("end@20000")}
                << QStringList{QStringLiteral("a=1")};
    }

    void lines()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, lines);
        qint64 now = 0;
        EventThrottle throttle(kInterval, [&now] { return now; });
        QStringList written;
        qint64 events = 0;
        qint64 counted = 0;
        auto write = [&](const QList<EventThrottle::Line> &out) {
            QStringList batch; // the keys of one due() or drain() come in no set order
            for (const EventThrottle::Line &l : out) {
                batch << l.key + QLatin1Char('=') + QString::number(l.count);
                counted += l.count;
            }
            batch.sort();
            written += batch;
        };
        for (const QString &step : steps) {
            const QString what = step.section(QLatin1Char('@'), 0, 0);
            now = step.section(QLatin1Char('@'), 1).toLongLong();
            if (what == QLatin1String("flush")) {
                write(throttle.due());
            } else if (what == QLatin1String("end")) {
                write(throttle.drain());
            } else if (what.startsWith(QLatin1String("end:"))) {
                write(throttle.drain(what.mid(4)));
            } else {
                ++events;
                if (const qint64 n = throttle.record(what))
                    write({{what, n}});
            }
        }
        write(throttle.drain());
        QCOMPARE(written, lines);
        QCOMPARE(counted, events);
        QVERIFY(throttle.isEmpty());
    }

    // A loop of refused calls: a million events of one key over a minute make
    // a line per interval, and the counts stay exact.
    void floodOfOneKey()
    {
        qint64 now = 0;
        EventThrottle throttle(kInterval, [&now] { return now; });
        qint64 lines = 0;
        qint64 counted = 0;
        for (int i = 0; i < 1000000; ++i) {
            now = qint64(i) * 60000 / 1000000; // 60 s in all
            if (const qint64 n = throttle.record(QStringLiteral("c1/socket"))) {
                ++lines;
                counted += n;
            }
            if (i % 1000 == 0)
                for (const EventThrottle::Line &l : throttle.due()) {
                    ++lines;
                    counted += l.count;
                }
        }
        for (const EventThrottle::Line &l : throttle.drain()) {
            ++lines;
            counted += l.count;
        }
        QCOMPARE(counted, qint64(1000000));
        QVERIFY2(lines <= 60 * 1000 / kInterval + 2, qPrintable(QString::number(lines)));
    }

    // Quiet keys leave the table: many containers, each refused once, do not pile up.
    void quietKeysForgotten()
    {
        qint64 now = 0;
        EventThrottle throttle(kInterval, [&now] { return now; });
        for (int i = 0; i < 5000; ++i)
            QCOMPARE(throttle.record(QStringLiteral("c%1/mount").arg(i)), qint64(1));
        QVERIFY(!throttle.isEmpty());
        now = kInterval - 1;
        QVERIFY(throttle.due().isEmpty());
        QVERIFY(!throttle.isEmpty());
        now = kInterval;
        QVERIFY(throttle.due().isEmpty());
        QVERIFY(throttle.isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_EventThrottle)
#include "tst_eventthrottle.moc"
