// The registry's exposition text, and the bounds WorkspaceMetrics puts on
// every label value.
#include "telemetry/metrics.h"
#include "telemetry/workspacemetrics.h"

#include <QTest>

using namespace hako::telemetry;

class tst_Metrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatValue_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("integer") << 42.0 << QByteArray("42");
        QTest::newRow("negative") << -3.0 << QByteArray("-3");
        QTest::newRow("fraction") << 0.05 << QByteArray("0.05");
        QTest::newRow("sum") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
        QTest::newRow("huge") << 1e20 << QByteArray("1e+20");
        QTest::newRow("inf") << qInf() << QByteArray("+Inf");
        QTest::newRow("-inf") << -qInf() << QByteArray("-Inf");
        QTest::newRow("nan") << qQNaN() << QByteArray("NaN");
    }

    void formatValue()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(hako::telemetry::formatValue(value), text);
    }

    void counterAndGauge()
    {
        MetricsRegistry r;
        MetricFamily *c = r.counter(QStringLiteral("x_total"), QStringLiteral("Help with \\ and\nnewline."),
                                    {QStringLiteral("kind")});
        MetricFamily *g = r.gauge(QStringLiteral("y"), QStringLiteral("A gauge."));
        c->add({QStringLiteral("a\"b\\c\nd")});
        c->add({QStringLiteral("a\"b\\c\nd")}, 2);
        g->set({}, 7);
        g->add({}, -2);
        QCOMPARE(c->value({QStringLiteral("a\"b\\c\nd")}), 3.0);
        QCOMPARE(r.exposition(), QByteArray("# HELP x_total Help with \\\\ and\\nnewline.\n"
                                            "# TYPE x_total counter\n"
                                            "x_total{kind=\"a\\\"b\\\\c\\nd\"} 3\n"
                                            "# HELP y A gauge.\n"
                                            "# TYPE y gauge\n"
                                            "y 5\n"));
        g->clear();
        QVERIFY(!r.exposition().contains("\ny "));
    }

    void histogramIsCumulative()
    {
        MetricsRegistry r;
        MetricFamily *h =
                r.histogram(QStringLiteral("d_seconds"), QStringLiteral("D."), {QStringLiteral("t")}, {0.1, 1});
        for (double v : {0.05, 0.1, 0.5, 3.0})
            h->observe({QStringLiteral("a")}, v);
        QCOMPARE(h->value({QStringLiteral("a")}), 4.0);
        const QByteArray text = r.exposition();
        QVERIFY2(text.contains("d_seconds_bucket{t=\"a\",le=\"0.1\"} 2\n"), text);
        QVERIFY2(text.contains("d_seconds_bucket{t=\"a\",le=\"1\"} 3\n"), text);
        QVERIFY2(text.contains("d_seconds_bucket{t=\"a\",le=\"+Inf\"} 4\n"), text);
        QVERIFY2(text.contains("d_seconds_sum{t=\"a\"} 3.65\n"), text);
        QVERIFY2(text.contains("d_seconds_count{t=\"a\"} 4\n"), text);
    }

    void syscallLabel_data()
    {
        QTest::addColumn<QString>("syscall");
        QTest::addColumn<QString>("label");
        QTest::newRow("known") << "ptrace"
                               << "ptrace";
        QTest::newRow("mount") << "mount"
                               << "mount";
        QTest::newRow("unknown name") << "not_a_syscall"
                                      << "other";
        QTest::newRow("number") << "101"
                                << "other";
        QTest::newRow("injection") << "ptrace\"} 1\nx{a=\""
                                   << "other";
        QTest::newRow("upper") << "PTRACE"
                               << "other";
        QTest::newRow("empty") << ""
                               << "other";
        QTest::newRow("long") << QString(200, QLatin1Char('a')) << "other";
    }

    void syscallLabel()
    {
        QFETCH(QString, syscall);
        QFETCH(QString, label);
        QCOMPARE(WorkspaceMetrics::syscallLabel(syscall), label);
    }

    // Whatever the callers pass, each label stays within its set.
    void labelsStayBounded_data()
    {
        QTest::addColumn<QString>("hostile");
        QTest::newRow("conversation id") << "conversation-1234";
        QTest::newRow("path") << "/var/lib/hako/workspaces/abc";
        QTest::newRow("quote") << "a\"b";
    }

    void labelsStayBounded()
    {
        QFETCH(QString, hostile);
        WorkspaceMetrics m;
        m.toolCall(hostile, hostile, 1);
        m.proxyDecision(hostile, hostile, -1);
        m.securityEvent(hostile);
        m.seccompViolation(hostile);
        m.containerCreated(hostile);
        m.containersDestroyed(hostile, 1);
        m.setContainersActive(hostile, 1);
        m.dockerError(hostile);
        const QByteArray text = m.exposition();
        QVERIFY2(!text.contains(hostile.toUtf8()), text);
        QVERIFY(text.contains("workspace_tool_calls_total{tool=\"other\",outcome=\"other\"} 1"));
        QVERIFY(text.contains("workspace_containers_destroyed_total{reason=\"error\"} 1"));
        QVERIFY(text.contains("workspace_seccomp_violations_total{syscall=\"other\"} 1"));
    }

    void destroyReasons_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("label");
        for (const char *kept : {"idle_ttl", "absolute_ttl", "ended", "shutdown", "orphan", "error"})
            QTest::newRow(kept) << kept << kept;
        QTest::newRow("exited is an error") << "exited"
                                            << "error";
    }

    void destroyReasons()
    {
        QFETCH(QString, reason);
        QFETCH(QString, label);
        QCOMPARE(WorkspaceMetrics::destroyReason(reason), label);
    }

    void namesAndTypes()
    {
        WorkspaceMetrics m;
        const QByteArray text = m.exposition();
        QVERIFY(text.contains("# TYPE workspace_seccomp_violations_total counter\n"));
        QVERIFY(text.contains("workspace_build_info{version=\"" HAKO_TEST_VERSION "\""));
        for (const QByteArray &line : text.split('\n'))
            if (line.startsWith("# TYPE "))
                QVERIFY2(line.mid(7).startsWith("workspace_"), line);
    }
};

QTEST_APPLESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
