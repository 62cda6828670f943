// The warm pool's sizing rule, a pure function of when new conversations
// arrived: no containers, no clocks.
#include "lifecycle/poolsizing.h"

#include <QTest>

using namespace hako;

class tst_PoolSizing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void target_data()
    {
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::addColumn<QList<qint64>>("arrivals"); // ms, ascending
        QTest::addColumn<qint64>("now");
        QTest::addColumn<int>("expected");
        const qint64 w = 60000;
        QTest::newRow("fixed size ignores arrivals") << 3 << 3 << QList<qint64>{1, 2, 3, 4, 5, 6} << qint64(10) << 3;
        QTest::newRow("no arrivals: the minimum") << 1 << 10 << QList<qint64>{} << qint64(0) << 1;
        QTest::newRow("no arrivals, no minimum") << 0 << 10 << QList<qint64>{} << w << 0;
        QTest::newRow("as many as arrived") << 1 << 10 << QList<qint64>{100, 200, 300, 400} << qint64(500) << 4;
        QTest::newRow("a burst is capped at the maximum")
                << 0 << 5 << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9} << qint64(10) << 5;
        QTest::newRow("arrivals age out of the window")
                << 0 << 10 << QList<qint64>{0, 1000, 2000, w + 500} << qint64(w + 1500) << 2;
        QTest::newRow("exactly one window old is out") << 0 << 10 << QList<qint64>{0, 5} << w << 1;
        QTest::newRow("idle: back to the minimum")
                << 2 << 10 << QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7} << qint64(10 * w) << 2;
        QTest::newRow("a maximum below the minimum is a fixed minimum")
                << 4 << 2 << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8} << qint64(10) << 4;
    }

    void target()
    {
        QFETCH(int, min);
        QFETCH(int, max);
        QFETCH(QList<qint64>, arrivals);
        QFETCH(qint64, now);
        QFETCH(int, expected);
        const PoolBounds bounds{min, max, 60000};
        ArrivalHistory history;
        for (qint64 at : arrivals)
            history.record(at, bounds.windowMs);
        QCOMPARE(poolTarget(history, now, bounds), expected);
    }

    // The pool comes back exactly when the oldest counted arrival leaves the window.
    void nextChange_data()
    {
        QTest::addColumn<QList<qint64>>("arrivals");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("none") << QList<qint64>{} << qint64(5) << qint64(-1);
        QTest::newRow("the oldest in the window") << QList<qint64>{100, 200} << qint64(300) << qint64(1100);
        QTest::newRow("older ones are gone") << QList<qint64>{100, 200, 1150} << qint64(1150) << qint64(1200);
        QTest::newRow("all gone") << QList<qint64>{100, 200} << qint64(5000) << qint64(-1);
    }

    void nextChange()
    {
        QFETCH(QList<qint64>, arrivals);
        QFETCH(qint64, now);
        QFETCH(qint64, expected);
        ArrivalHistory history;
        for (qint64 at : arrivals)
            history.record(at, 1000);
        QCOMPARE(history.nextChangeMs(now, 1000), expected);
    }

    // What it keeps is bounded by the window, however long the pool runs.
    void historyForgets()
    {
        ArrivalHistory history;
        for (qint64 at = 0; at < 1000000; at += 10)
            history.record(at, 1000);
        QCOMPARE(history.countSince(1000000, 1000), 99); // 999010 ... 999990
        QVERIFY(history.size() <= 101);
    }
};

QTEST_GUILESS_MAIN(tst_PoolSizing)
#include "tst_poolsizing.moc"
