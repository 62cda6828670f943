// Negative control for `hako-host verify`: a plugin built with the test-only
// seam (weakenedengine.h) starts containers with one protection removed, and
// verify must fail exactly the rows of the seed's report that rest on it,
// beside whatever the unweakened baseline run of the same runtime
// (security.verify.runc, security.verify.runsc) failed. A check that cannot
// fail proves nothing.
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

// The evidence of every failed probe behind the given rows, so that a
// mismatch in CI says what went wrong rather than only which rows.
QString failedEvidence(const QJsonObject &report, const QSet<QString> &rows)
{
    QStringList lines;
    for (const QJsonValue &v : report.value(QLatin1String("probes")).toArray()) {
        const QJsonObject probe = v.toObject();
        if (probe.value(QLatin1String("status")).toString() == QLatin1String("pass"))
            continue;
        bool relevant = false;
        for (const QJsonValue &row : probe.value(QLatin1String("rows")).toArray())
            relevant = relevant || rows.contains(row.toString());
        if (!relevant)
            continue;
        lines << probe.value(QLatin1String("id")).toString() + QLatin1Char(' ')
                         + probe.value(QLatin1String("status")).toString();
        for (const QJsonValue &e : probe.value(QLatin1String("evidence")).toArray())
            lines << QLatin1String("    ") + e.toString();
    }
    return lines.join(QLatin1Char('\n'));
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

private Q_SLOTS:
    void weakenedPolicyFailsItsRows_data()
    {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("weakening");
        QTest::addColumn<QStringList>("rows");
        // Read-only rootfs: T-1's and T-8's countermeasure, Layer 3, checklist item 4.
        QTest::newRow("no read-only rootfs") << QStringLiteral("runc") << QStringLiteral("read-only")
                                             << QStringList{QStringLiteral("T-1"), QStringLiteral("T-8"),
                                                            QStringLiteral("L3"), QStringLiteral("C1-4")};
        // PIDs 100: T-2's countermeasure, Layer 2, checklist item 3.
        QTest::newRow("no process limit")
                << QStringLiteral("runc") << QStringLiteral("pids")
                << QStringList{QStringLiteral("T-2"), QStringLiteral("L2"), QStringLiteral("C1-3")};
        // The host's socket directory writable inside: T-9 and its first checklist item; and the
        // mounts that T-3, T-8 and Layer 3 rest on ("writable only /workspace and /tmp").
        QTest::newRow("socket directory writable")
                << QStringLiteral("runc") << QStringLiteral("socket-dir-writable")
                << QStringList{QStringLiteral("T-3"), QStringLiteral("T-8"), QStringLiteral("L3"),
                               QStringLiteral("T-9"), QStringLiteral("C9-1")};
        // The agent's key in reach of tools: T-9's item 2. A fake agent that uses the key still
        // fails under runc, where the host also requires the container's PID 1 as its peer...
        QTest::newRow("agent key exposed") << QStringLiteral("runc") << QStringLiteral("agent-key-exposed")
                                           << QStringList{QStringLiteral("T-9"), QStringLiteral("C9-2")};
        // ...and gets in under gVisor, where the proof of the key is the only check (item 3).
        QTest::newRow("agent key exposed, gVisor")
                << QStringLiteral("runsc") << QStringLiteral("agent-key-exposed")
                << QStringList{QStringLiteral("T-9"), QStringLiteral("C9-2"), QStringLiteral("C9-3")};
    }

    void weakenedPolicyFailsItsRows()
    {
        QFETCH(QString, runtime);
        QFETCH(QString, weakening);
        QFETCH(QStringList, rows);
        const QSet<QString> expected(rows.begin(), rows.end());
        // The failed rows of the unweakened run on the same runtime.
        QFile file(QStringLiteral(HAKO_VERIFY_BASELINE_DIR "/verify-%1.json").arg(runtime));
        QVERIFY2(file.open(QIODevice::ReadOnly),
                 qPrintable(QStringLiteral("run security.verify.%1 first: it writes the baseline").arg(runtime)));
        const QJsonObject baseline = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!baseline.value(QLatin1String("rows")).toArray().isEmpty());
        const QSet<QString> known = failedRows(baseline);
        QVERIFY2(!expected.intersects(known), qPrintable(QStringLiteral("already failing: ") + sorted(known)));
        HakoHostDriver host;
        host.setEnvironment(QStringLiteral("HAKO_TEST_WEAKEN"), weakening);
        const HostRun run =
                host.run({QStringLiteral("verify"), QStringLiteral("--runtime"), runtime, QStringLiteral("--format"),
                          QStringLiteral("json"), QStringLiteral("--plugin"), QStringLiteral(HAKO_WEAKENED_PLUGIN)},
                         30 * 60 * 1000);
        const QJsonObject report = run.json();
        QVERIFY2(!report.isEmpty(), run.err.right(3000).constData());
        QVERIFY2(run.err.contains("starting containers without: " + weakening.toUtf8()), "the seam did not act");
        QCOMPARE(run.exitCode, 1);
        const QSet<QString> unexpected = failedRows(report) - known - expected;
        if (!unexpected.isEmpty())
            qWarning("%s", qPrintable(failedEvidence(report, unexpected)));
        QCOMPARE(sorted(failedRows(report) - known), sorted(expected));
        QCOMPARE(sorted(failedRows(report) & known), sorted(known));
    }
};

QTEST_GUILESS_MAIN(tst_NegativeControl)
#include "tst_negativecontrol.moc"
