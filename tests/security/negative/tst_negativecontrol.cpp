// Negative control for `hako-host verify`: a plugin built with the test-only
// seam (weakenedengine.h) starts containers with one protection removed, and
// verify must fail exactly the rows of the seed's report that rest on it,
// beside whatever the unweakened baseline run (security.verify.runc) failed.
// A check that cannot fail proves nothing.
#include "hakohostdriver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

namespace {

QSet<QString> failedRows(const QJsonObject &report)
{
    QSet<QString> failed;
    for (const QJsonValue &v : report.value(QLatin1String("rows")).toArray())
        if (v.toObject().value(QLatin1String("status")).toString() == QLatin1String("fail"))
            failed.insert(v.toObject().value(QLatin1String("id")).toString());
    return failed;
}

QString sorted(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(QLatin1Char(' '));
}

} // namespace

class tst_NegativeControl : public QObject
{
    Q_OBJECT

    QSet<QString> m_baseline;

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(HAKO_VERIFY_BASELINE));
        QVERIFY2(file.open(QIODevice::ReadOnly), "run security.verify.runc first: it writes the baseline");
        const QJsonObject baseline = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!baseline.value(QLatin1String("rows")).toArray().isEmpty());
        m_baseline = failedRows(baseline);
    }

    void weakenedPolicyFailsItsRows_data()
    {
        QTest::addColumn<QString>("weakening");
        QTest::addColumn<QStringList>("rows");
        // Read-only rootfs: T-1's and T-8's countermeasure, Layer 3, checklist item 4.
        QTest::newRow("no read-only rootfs") << "read-only" << QStringList{"T-1", "T-8", "L3", "C1-4"};
        // PIDs 100: T-2's countermeasure, Layer 2, checklist item 3.
        QTest::newRow("no process limit") << "pids" << QStringList{"T-2", "L2", "C1-3"};
    }

    void weakenedPolicyFailsItsRows()
    {
        QFETCH(QString, weakening);
        QFETCH(QStringList, rows);
        const QSet<QString> expected(rows.begin(), rows.end());
        QVERIFY2(!expected.intersects(m_baseline), qPrintable(QStringLiteral("already failing: ") + sorted(m_baseline)));
        HakoHostDriver host;
        host.setEnvironment(QStringLiteral("HAKO_TEST_WEAKEN"), weakening);
        const HostRun run = host.run({QStringLiteral("verify"), QStringLiteral("--runtime"), QStringLiteral("runc"),
                                      QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--plugin"),
                                      QStringLiteral(HAKO_WEAKENED_PLUGIN)},
                                     30 * 60 * 1000);
        const QJsonObject report = run.json();
        QVERIFY2(!report.isEmpty(), run.err.right(3000).constData());
        QVERIFY2(run.err.contains("starting containers without: " + weakening.toUtf8()), "the seam did not act");
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(sorted(failedRows(report) - m_baseline), sorted(expected));
        QCOMPARE(sorted(failedRows(report) & m_baseline), sorted(m_baseline));
    }
};

QTEST_GUILESS_MAIN(tst_NegativeControl)
#include "tst_negativecontrol.moc"
