#include "verify.h"

#include "verifycheck.h"
#include "verifyfacts.h"
#include "verifyreport.h"
#include "verifysession.h"

#include "cli/commands.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <cstdio>

namespace hako::host {
namespace {

using namespace verify;

void printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}

// The probes are the report's evidence; one that could not run at all
// (rather than finding a weakness) leaves the report incomplete (row C2-8).
ProbeResult completeness(const QList<ProbeResult> &results, bool interrupted)
{
    static const Probe probe{QStringLiteral("verify.complete"),
                             QT_TRANSLATE_NOOP("hako::host::verify", "Every probe ran to its verdict"),
                             {QStringLiteral("C2-8")},
                             {}};
    Outcome o = Outcome::start();
    int broken = 0;
    for (const ProbeResult &r : results)
        for (const QString &line : r.outcome.evidence)
            if (line.startsWith(QLatin1String("FAIL: the probe"))) {
                ++broken;
                break;
            }
    o.check(broken == 0 && !interrupted, QStringLiteral("%1 probes ran against the live deployment; %2 could not run%3")
                                                 .arg(results.size())
                                                 .arg(broken)
                                                 .arg(interrupted ? QStringLiteral("; interrupted") : QString()));
    return {probe, o};
}

} // namespace

int runVerify(ToolExecutor *executor, const Options &options)
{
    if (!options.checkReport.isEmpty())
        return runVerifyCheck(executor, options);
    QJsonObject settings;
    if (const Error e = loadSettings(options, &settings)) {
        printTo(stderr, QStringLiteral("hako-host: %1\n").arg(e.message));
        return kExitUsage;
    }
    if (!options.runtime.isEmpty())
        settings.insert(QStringLiteral("runtime"), options.runtime);
    Report report;
    report.started = QDateTime::currentDateTimeUtc().toTimeSpec(Qt::OffsetFromUTC);
    QElapsedTimer clock;
    clock.start();
    Session session(executor, settings);
    printTo(stderr, QCoreApplication::translate("hako::host::verify",
                                                "hako-host verify: starting three throwaway conversations...\n"));
    if (const QList<Error> problems = session.open(); !problems.isEmpty()) {
        for (const Error &e : problems)
            printTo(stderr, QStringLiteral("hako-host: %1\n").arg(e.message));
        return kExitToolError;
    }
    report.runtime = session.expected().runtime;
    report.image = session.setting(QStringLiteral("image")).toString();
    report.instance = session.instance();
    report.privateRoot = session.privateRoot();
    const QList<Probe> &probes = probeCatalogue();
    for (const Probe &probe : probes) {
        if (session.interrupted())
            break;
        QElapsedTimer timer;
        timer.start();
        Outcome outcome = probe.run(session);
        outcome.ms = timer.elapsed();
        report.probes << ProbeResult{probe, outcome};
        printTo(stderr, QStringLiteral("[%1/%2] %3 %4 (%5 ms)\n")
                                .arg(report.probes.size())
                                .arg(probes.size())
                                .arg(probe.id, outcome.off      ? QStringLiteral("off")
                                               : outcome.passed ? QStringLiteral("pass")
                                                                : QStringLiteral("FAIL"))
                                .arg(outcome.ms));
    }
    report.probes << completeness(report.probes, session.interrupted());
    report.bound = measureFacts(session);
    session.removeContainers();
    report.ms = clock.elapsed();
    report.rows = rowResults(report.probes);
    if (options.format == QLatin1String("json"))
        printTo(stdout,
                QString::fromUtf8(
                        QJsonDocument(signedReport(renderJson(report), session)).toJson(QJsonDocument::Indented)));
    else
        printTo(stdout, options.format == QLatin1String("markdown") ? renderMarkdown(report) : renderText(report));
    if (session.interrupted())
        return 130;
    return report.passed() ? 0 : 1;
}

} // namespace hako::host
