// How `hako-host verify` turns probe outcomes into the checklist report: which
// rows pass, fail or are off, what every renderer names, the Japanese
// rendering, and how a probe script's answer becomes an outcome.
#include "verify/verifyreport.h"
#include "verify/verifyscript.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace hako::host::verify;

namespace {

ProbeResult result(const QString &id, const QStringList &rows, bool passed, bool off = false)
{
    Outcome o;
    o.passed = passed;
    o.off = off;
    o.evidence << (passed ? QStringLiteral("ok: fine") : QStringLiteral("FAIL: broken"));
    return {Probe{id, "a probe", rows, {}}, o};
}

// One passing probe for every row of the checklist.
QList<ProbeResult> allPassing()
{
    QList<ProbeResult> probes;
    for (const Row &row : checklistRows())
        probes << result(QStringLiteral("p.") + QLatin1String(row.id), {QLatin1String(row.id)}, true);
    return probes;
}

Status statusOf(const QList<RowResult> &rows, const char *id)
{
    for (const RowResult &r : rows)
        if (QLatin1String(r.row->id) == QLatin1String(id))
            return r.status;
    return Status::Off;
}

Report report(const QList<ProbeResult> &probes)
{
    Report r;
    r.runtime = QStringLiteral("runc");
    r.image = QStringLiteral("hako/workspace-base:latest");
    r.started = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    r.probes = probes;
    r.rows = rowResults(probes);
    return r;
}

ToolReply reply(int exitCode, const QString &out)
{
    ToolReply r;
    r.result = {{QStringLiteral("exit_code"), exitCode},
                {QStringLiteral("stdout"), out},
                {QStringLiteral("stderr"), QString()}};
    return r;
}

} // namespace

class tst_VerifyReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checklistRowsAreComplete()
    {
        QStringList ids;
        for (const Row &row : checklistRows())
            ids << QLatin1String(row.id);
        // 8 threats, 8 layers and two checklists, and T-9 with its checklist.
        QCOMPARE(ids.size(), 9 + 8 + 10 + 8 + 4);
        for (const char *id : {"T-1", "T-8", "T-9", "L1", "L2s", "L7", "C1-10", "C2-8", "C9-1", "C9-4"})
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        QCOMPARE(ids.removeDuplicates(), 0);
    }

    void rowStatus_data()
    {
        QTest::addColumn<QList<ProbeResult>>("extra");
        QTest::addColumn<QString>("row");
        QTest::addColumn<int>("status");
        QTest::newRow("all pass") << QList<ProbeResult>{} << "T-2" << int(Status::Pass);
        QTest::newRow("one failing probe fails its rows")
                << QList<ProbeResult>{result(QStringLiteral("x"), {QStringLiteral("T-2"), QStringLiteral("L2")}, false)}
                << "L2" << int(Status::Fail);
        QTest::newRow("and no other") << QList<ProbeResult>{result(
                QStringLiteral("x"), {QStringLiteral("T-2"), QStringLiteral("L2")}, false)}
                                      << "T-1" << int(Status::Pass);
        QTest::newRow("optional off") << QList<ProbeResult>{} << "L7" << int(Status::Pass);
        QTest::newRow("off on a required row fails")
                << QList<ProbeResult>{result(QStringLiteral("x"), {QStringLiteral("T-5")}, false, true)} << "T-5"
                << int(Status::Fail);
    }

    void rowStatus()
    {
        QFETCH(QList<ProbeResult>, extra);
        QFETCH(QString, row);
        QFETCH(int, status);
        const QList<RowResult> rows = rowResults(allPassing() + extra);
        QCOMPARE(int(statusOf(rows, qPrintable(row))), status);
    }

    void optionalRowOff()
    {
        QList<ProbeResult> probes;
        for (const ProbeResult &p : allPassing())
            if (!p.probe.rows.contains(QLatin1String("L7")))
                probes << p;
        probes << result(QStringLiteral("userns"), {QStringLiteral("L7")}, false, true);
        const Report r = report(probes);
        QCOMPARE(int(statusOf(r.rows, "L7")), int(Status::Off));
        QVERIFY(r.passed());
    }

    void rowWithoutProbeFails()
    {
        QList<ProbeResult> probes = allPassing();
        probes.removeLast();
        const Report r = report(probes);
        QCOMPARE(int(statusOf(r.rows, checklistRows().last().id)), int(Status::Fail));
        QVERIFY(!r.passed());
    }

    void everyRendererNamesEveryRow_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("text") << "text";
        QTest::newRow("markdown") << "markdown";
        QTest::newRow("json") << "json";
    }

    void everyRendererNamesEveryRow()
    {
        QFETCH(QString, format);
        QList<ProbeResult> probes = allPassing();
        probes << result(QStringLiteral("broken.one"), {QStringLiteral("T-3")}, false);
        const Report r = report(probes);
        const QString out = format == QLatin1String("text") ? renderText(r)
                            : format == QLatin1String("markdown")
                                    ? renderMarkdown(r)
                                    : QString::fromUtf8(QJsonDocument(renderJson(r)).toJson());
        for (const Row &row : checklistRows())
            QVERIFY2(out.contains(QLatin1String(row.id)), row.id);
        QVERIFY(out.contains(QLatin1String("broken.one")));
        QVERIFY(out.contains(QLatin1String("FAIL: broken")));
    }

    void jsonShape()
    {
        const QJsonObject json = renderJson(report(allPassing()));
        QVERIFY(json.value(QLatin1String("passed")).toBool());
        QCOMPARE(json.value(QLatin1String("rows")).toArray().size(), checklistRows().size());
        const QJsonObject first = json.value(QLatin1String("rows")).toArray().first().toObject();
        QCOMPARE(first.value(QLatin1String("id")).toString(), QStringLiteral("T-1"));
        QCOMPARE(first.value(QLatin1String("status")).toString(), QStringLiteral("pass"));
    }

    void japanese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/hako_ja.qm")));
        QCoreApplication::installTranslator(&translator);
        const QString text = renderMarkdown(report(allPassing()));
        QCoreApplication::removeTranslator(&translator);
        // The Japanese words for T-3 and the Phase 1 checklist.
        QVERIFY2(text.contains(QStringLiteral("テナント間ファイルアクセス")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("検証チェックリスト")));
        QVERIFY(!text.contains(QLatin1String("Cross-tenant file access")));
    }

    void scriptVerdict_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QStringList>("notes");
        QTest::newRow("pass") << 0 << "ok: a\nok: b\n" << true << QStringList{};
        QTest::newRow("fail") << 1 << "ok: a\nFAIL: b\n" << false << QStringList{};
        QTest::newRow("FAIL line with exit 0") << 0 << "FAIL: hidden\n" << false << QStringList{};
        QTest::newRow("broken probe") << 2 << "ok: a\n" << false << QStringList{};
        QTest::newRow("killed") << 137 << "" << false << QStringList{};
        QTest::newRow("notes") << 0 << "ok: a\nnote: gvisor-kernel\nnote: gvisor-kernel\n"
                               << true << QStringList{QStringLiteral("gvisor-kernel")};
    }

    void scriptVerdict()
    {
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(bool, passed);
        QFETCH(QStringList, notes);
        const Outcome o = scriptOutcome(reply(exitCode, out));
        QCOMPARE(o.passed, passed);
        QCOMPARE(o.notes, notes);
    }

    void toolErrorFailsTheProbe()
    {
        ToolReply r;
        r.error = {QStringLiteral("agent_lost"), QStringLiteral("gone"), QStringLiteral("gone")};
        const Outcome o = scriptOutcome(r);
        QVERIFY(!o.passed);
        QVERIFY(o.evidence.join(QLatin1Char(' ')).contains(QLatin1String("agent_lost")));
    }

    void scriptCommandCarriesEverything()
    {
        const QString command =
                scriptCommand(QStringLiteral("fs-rootfs"), {{QStringLiteral("V_PIDS"), QStringLiteral("it's")}});
        QVERIFY(command.startsWith(QLatin1String("(\n")));
        QVERIFY(command.contains(QLatin1String("export V_PIDS='it'\\''s'")));
        QVERIFY(command.contains(QLatin1String("def call("))); // helpers.py
        QVERIFY(command.contains(QLatin1String("census()")));  // prelude.sh
        QVERIFY(command.contains(QLatin1String("/var/tmp")));  // the probe itself
        QVERIFY(command.endsWith(QLatin1String("exit \"$V_FAILED\"\n)")));
        QVERIFY(scriptCommand(QStringLiteral("no-such-probe"), {}).contains(QLatin1String("FAIL: no probe script")));
    }
};

QTEST_GUILESS_MAIN(tst_VerifyReport)
#include "tst_verifyreport.moc"
