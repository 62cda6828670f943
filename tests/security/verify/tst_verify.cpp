// `hako-host verify` on this machine's real engine, for the runtime in
// $HAKO_VERIFY_RUNTIME: every row of the seed's report is there and passes
// (an optional layer may be off), and nothing of the run is left behind.
// The report is kept in $HAKO_VERIFY_REPORT for the negative control.
#include "hakohostdriver.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

class tst_Verify : public QObject
{
    Q_OBJECT

    HostRun m_run;
    QJsonObject m_report;

    QJsonObject row(const QString &id) const
    {
        for (const QJsonValue &v : m_report.value(QLatin1String("rows")).toArray())
            if (v.toObject().value(QLatin1String("id")).toString() == id)
                return v.toObject();
        return {};
    }

    // The evidence of the probes behind a row, for a failure message.
    QByteArray evidence(const QJsonObject &r) const
    {
        QByteArray text;
        const QJsonArray names = r.value(QLatin1String("probes")).toArray();
        for (const QJsonValue &v : m_report.value(QLatin1String("probes")).toArray()) {
            const QJsonObject p = v.toObject();
            if (names.contains(p.value(QLatin1String("id")))
                && p.value(QLatin1String("status")).toString() == QLatin1String("fail"))
                for (const QJsonValue &line : p.value(QLatin1String("evidence")).toArray())
                    text += p.value(QLatin1String("id")).toString().toUtf8() + ": " + line.toString().toUtf8() + '\n';
        }
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        HakoHostDriver host;
        const QString runtime = qEnvironmentVariable("HAKO_VERIFY_RUNTIME", QStringLiteral("runc"));
        m_run = host.run({QStringLiteral("verify"), QStringLiteral("--runtime"), runtime, QStringLiteral("--format"),
                          QStringLiteral("json")},
                         30 * 60 * 1000);
        m_report = m_run.json();
        QVERIFY2(!m_report.isEmpty(), m_run.err.right(4000).constData());
        QCOMPARE(m_report.value(QLatin1String("runtime")).toString(), runtime);
        const QString keep = qEnvironmentVariable("HAKO_VERIFY_REPORT");
        QFile file(keep);
        if (!keep.isEmpty())
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(m_run.out) == m_run.out.size());
    }

    // The report's IDs, written out here rather than taken from the code under test.
    void everySeedRowPasses_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("optional");
        for (int i = 1; i <= 9; ++i)
            QTest::addRow("T-%d", i) << QStringLiteral("T-%1").arg(i) << false;
        for (const char *layer : {"L1", "L2", "L2s", "L3", "L4", "L5", "L6"})
            QTest::newRow(layer) << QString::fromLatin1(layer) << false;
        QTest::newRow("L7") << QStringLiteral("L7") << true;
        for (int i = 1; i <= 10; ++i)
            QTest::addRow("C1-%d", i) << QStringLiteral("C1-%1").arg(i) << false;
        for (int i = 1; i <= 8; ++i)
            QTest::addRow("C2-%d", i) << QStringLiteral("C2-%1").arg(i) << (i == 3);
        // T-9, the sandbox attacking the host side: its own checklist.
        for (int i = 1; i <= 4; ++i)
            QTest::addRow("C9-%d", i) << QStringLiteral("C9-%1").arg(i) << false;
    }

    void everySeedRowPasses()
    {
        QFETCH(QString, id);
        QFETCH(bool, optional);
        const QJsonObject r = row(id);
        QVERIFY2(!r.isEmpty(), qPrintable(id + QStringLiteral(" is missing from the report")));
        QVERIFY2(!r.value(QLatin1String("probes")).toArray().isEmpty(),
                 qPrintable(id + QStringLiteral(" has no probe")));
        const QString status = r.value(QLatin1String("status")).toString();
        QVERIFY2(status == QLatin1String("pass") || (optional && status == QLatin1String("off")),
                 evidence(r).constData());
    }

    void enoughProbes() { QVERIFY(m_report.value(QLatin1String("probes")).toArray().size() >= 40); }

    void exitStatusSaysPassed()
    {
        QVERIFY(m_report.value(QLatin1String("passed")).toBool());
        QCOMPARE(m_run.exitCode, 0);
    }

    void nothingLeftBehind()
    {
        const QString instance = m_report.value(QLatin1String("instance")).toString();
        QVERIFY(!instance.isEmpty());
        const HostRun ps =
                HakoHostDriver::docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                        QStringLiteral("label=org.hako.instance=") + instance});
        QCOMPARE(ps.out.trimmed(), QByteArray());
        QVERIFY(!QFile::exists(m_report.value(QLatin1String("private_root")).toString()));
    }
};

QTEST_GUILESS_MAIN(tst_Verify)
#include "tst_verify.moc"
