#include "verifyreport.h"

#include "common/translate.h"

#include <QJsonArray>
#include <QMap>

namespace hako::host::verify {
namespace {

const char *statusKey(Status s)
{
    return s == Status::Pass ? "pass" : s == Status::Fail ? "fail" : "off";
}

QString statusWord(Status s)
{
    return s == Status::Pass ? tr("PASS") : s == Status::Fail ? tr("FAIL") : tr("OFF");
}

QString sectionTitle(Section s)
{
    switch (s) {
    case Section::Threats: return tr("Threat model and countermeasure matrix");
    case Section::Layers: return tr("Security layers");
    case Section::Phase1: return tr("Verification checklist: Phase 1");
    case Section::Phase2: return tr("Verification checklist: Phase 2");
    case Section::HostSide: return tr("Verification checklist: the sandbox against the host side (T-9)");
    }
    return {};
}

// Note key -> ids of the probes that raised it, in order of appearance.
QMap<QString, QStringList> notesOf(const Report &report)
{
    QMap<QString, QStringList> notes;
    for (const ProbeResult &p : report.probes)
        for (const QString &key : p.outcome.notes)
            notes[key] << p.probe.id;
    return notes;
}

QString header(const Report &r)
{
    int counts[3] = {0, 0, 0};
    for (const RowResult &row : r.rows)
        ++counts[int(row.status)];
    return tr("Runtime %1, image %2, %3; %4 probes in %5 s.\nResult: %6 (%7 rows pass, %8 fail, %9 off).")
            .arg(r.runtime, r.image, r.started.toString(Qt::ISODate))
            .arg(r.probes.size())
            .arg(r.ms / 1000)
            .arg(statusWord(r.passed() ? Status::Pass : Status::Fail))
            .arg(counts[0])
            .arg(counts[1])
            .arg(counts[2]);
}

// Passing probes show a few lines of evidence; failing ones every FAIL line.
QStringList shownEvidence(const ProbeResult &p, int passLines)
{
    if (p.status() != Status::Fail)
        return p.outcome.evidence.mid(0, passLines);
    QStringList lines;
    for (const QString &line : p.outcome.evidence)
        if (!line.startsWith(QLatin1String("ok: ")))
            lines << line;
    return lines;
}

QString probeList(const Report &r, const RowResult &row, const QString &separator)
{
    QStringList parts;
    for (const ProbeResult &p : r.probes)
        if (row.probes.contains(p.probe.id))
            parts << QStringLiteral("%1 %2").arg(p.probe.id, statusWord(p.status()));
    return parts.join(separator);
}

QString markdownCell(QString text)
{
    return text.replace(QLatin1Char('|'), QLatin1String("\\|"));
}

} // namespace

Status ProbeResult::status() const
{
    return outcome.off ? Status::Off : outcome.passed ? Status::Pass : Status::Fail;
}

bool Report::passed() const
{
    for (const RowResult &row : rows)
        if (row.status == Status::Fail)
            return false;
    return !rows.isEmpty();
}

QList<RowResult> rowResults(const QList<ProbeResult> &probes)
{
    QList<RowResult> rows;
    for (const Row &row : checklistRows()) {
        RowResult result{&row, Status::Pass, {}};
        bool allOff = true;
        for (const ProbeResult &p : probes) {
            if (!p.probe.rows.contains(QLatin1String(row.id)))
                continue;
            result.probes << p.probe.id;
            allOff = allOff && p.status() == Status::Off;
            if (p.status() == Status::Fail || (p.status() == Status::Off && !row.optional))
                result.status = Status::Fail;
        }
        if (result.probes.isEmpty())
            result.status = Status::Fail;
        else if (allOff && row.optional)
            result.status = Status::Off;
        rows << result;
    }
    return rows;
}

QString noteText(const QString &key)
{
    static const QMap<QString, const char *> texts = {
            {QStringLiteral("gvisor-kernel"), QT_TR_NOOP("Under gVisor this call is served by gVisor's own kernel "
                                                         "inside the sandbox; the host kernel never sees it.")},
            {QStringLiteral("gvisor-no-oci-seccomp"),
             QT_TR_NOOP(
                     "Gap: under gVisor, Hako's seccomp profile is not in force, because runsc is registered without "
                     "--oci-seccomp. gVisor's network stack has only the loopback, so nothing gets out; add "
                     "--oci-seccomp "
                     "to the runsc runtimeArgs in daemon.json to enforce the profile as well.")},
            {QStringLiteral("gvisor-limits"), QT_TR_NOOP("Under gVisor the cgroup files are not visible inside; the "
                                                         "limits are checked from outside and by the "
                                                         "probes that run into them.")},
            {QStringLiteral("gvisor-host-tasks"),
             QT_TR_NOOP(
                     "Under gVisor the process limit is RLIMIT_NPROC inside the sandbox, and the host pids bound only "
                     "stops the Sentry. Gap: the Sentry keeps host tasks after tasks exit, so a sandbox that hits its "
                     "limit "
                     "many times is ended by the host bound (docs/process-limits.md).")},
            {QStringLiteral("gvisor-oom-sandbox"),
             QT_TR_NOOP(
                     "Under gVisor the memory limit ends the whole sandbox, not only the tool; the conversation's next "
                     "call gets a new container with the same workspace.")},
            {QStringLiteral("gvisor-sentry-filter"),
             QT_TR_NOOP("Under gVisor the host-side filter is gVisor's own filter on the Sentry, not Hako's profile.")},
            {QStringLiteral("gvisor-init-signals"),
             QT_TR_NOOP("Gap: gVisor lets a tool kill the agent, its PID 1, which ends the sandbox (Linux ignores such "
                        "signals to a namespace's init). Only the conversation's own sandbox is lost; its next call "
                        "gets a "
                        "new one with the same workspace.")},
            {QStringLiteral("gvisor-dumpable"),
             QT_TR_NOOP("Gap: under gVisor the agent's environment is readable by tools although the agent is not "
                        "dumpable; it holds no secret.")},
            {QStringLiteral("gvisor-statx-no-automount"),
             QT_TR_NOOP(
                     "Gap: this gVisor refuses statx and newfstatat with AT_NO_AUTOMOUNT (EINVAL), so GNU ls and stat "
                     "fail with \"Invalid argument\" inside; find, cp, Python and Node work "
                     "(docs/seccomp-syscall-analysis.md).")},
            {QStringLiteral("gvisor-permission-first"),
             QT_TR_NOOP(
                     "Under gVisor some changes in the read-only socket directory (creating a file, unlink, chmod) are "
                     "refused by the permission check (EACCES, EPERM) before the read-only check (EROFS); the others "
                     "get "
                     "EROFS, and docker mounts the directory read-only.")},
            {QStringLiteral("gvisor-uncounted"),
             QT_TR_NOOP("Gap: under gVisor the agent's seccomp layer refuses the denied calls but cannot count them "
                        "(gVisor has no seccomp user notification), so workspace_seccomp_violations_total stays at "
                        "zero.")},
            {QStringLiteral("proxy-signed"),
             QT_TR_NOOP(
                     "The proxy holds credentials and forwarded the request re-signed; that the client's own headers "
                     "were dropped shows only in the proxy's security events.")},
            {QStringLiteral("agent-dir-plain"),
             QT_TR_NOOP("The host does not run as root, so the agent's socket directory is a plain directory on the "
                        "host's "
                        "runtime file system rather than a small tmpfs of its own.")},
            {QStringLiteral("userns-off"),
             QT_TR_NOOP(
                     "userns-remap is not enabled on this docker engine (optional; policies/docker/daemon-userns.json "
                     "enables it).")},
    };
    const auto it = texts.constFind(key);
    return it == texts.constEnd() ? key : tr(it.value());
}

QString renderText(const Report &r)
{
    QString out = tr("Hako security verification") + QLatin1Char('\n') + header(r) + QLatin1String("\n");
    for (Section section : {Section::Threats, Section::Layers, Section::Phase1, Section::Phase2, Section::HostSide}) {
        out += QLatin1Char('\n') + sectionTitle(section) + QLatin1Char('\n');
        for (const RowResult &row : r.rows) {
            if (row.row->section != section)
                continue;
            out += QStringLiteral("  [%1] %2  %3\n")
                           .arg(statusWord(row.status), -4)
                           .arg(QLatin1String(row.row->id), -5)
                           .arg(tr(row.row->title));
            if (*row.row->measure)
                out += QStringLiteral("         %1\n").arg(tr(row.row->measure));
            out += QStringLiteral("         %1\n").arg(probeList(r, row, QStringLiteral(", ")));
        }
    }
    const auto notes = notesOf(r);
    if (!notes.isEmpty())
        out += QLatin1Char('\n') + tr("Runtime notes") + QLatin1Char('\n');
    for (auto it = notes.begin(); it != notes.end(); ++it)
        out += QStringLiteral("  * %1\n    (%2)\n").arg(noteText(it.key()), it.value().join(QLatin1String(", ")));
    out += QLatin1Char('\n') + tr("Probes") + QLatin1Char('\n');
    for (const ProbeResult &p : r.probes) {
        out += QStringLiteral("  [%1] %2  %3 (%4 ms)\n")
                       .arg(statusWord(p.status()), -4)
                       .arg(p.probe.id, tr(p.probe.title))
                       .arg(p.outcome.ms);
        for (const QString &line : shownEvidence(p, 2))
            out += QStringLiteral("         %1\n").arg(line.left(240));
    }
    return out;
}

QString renderMarkdown(const Report &r)
{
    QString out = QStringLiteral("# %1: %2\n\n").arg(tr("Security verification report"), r.runtime);
    out += tr("Measured by `hako-host verify --format markdown` on a live deployment.") + QStringLiteral("\n");
    out += header(r).replace(QLatin1Char('\n'), QLatin1String("\n\n")) + QStringLiteral("\n");
    int number = 0;
    for (Section section : {Section::Threats, Section::Layers, Section::Phase1, Section::Phase2, Section::HostSide}) {
        out += QStringLiteral("\n## %1. %2\n\n").arg(++number).arg(sectionTitle(section));
        out += QStringLiteral("| ID | %1 | %2 | %3 | %4 |\n|---|---|---|---|---|\n")
                       .arg(tr("Item"), tr("Countermeasure"), tr("Result"), tr("Probes"));
        for (const RowResult &row : r.rows)
            if (row.row->section == section)
                out += QStringLiteral("| %1 | %2 | %3 | **%4** | %5 |\n")
                               .arg(QLatin1String(row.row->id), markdownCell(tr(row.row->title)),
                                    markdownCell(*row.row->measure ? tr(row.row->measure) : QString()),
                                    statusWord(row.status), probeList(r, row, QStringLiteral("<br>")));
    }
    const auto notes = notesOf(r);
    if (!notes.isEmpty())
        out += QStringLiteral("\n## %1. %2\n\n").arg(++number).arg(tr("Runtime notes"));
    for (auto it = notes.begin(); it != notes.end(); ++it)
        out += QStringLiteral("- %1 (%2)\n").arg(noteText(it.key()), it.value().join(QLatin1String(", ")));
    out += QStringLiteral("\n## %1. %2\n").arg(++number).arg(tr("Probes and evidence"));
    for (const ProbeResult &p : r.probes)
        out += QStringLiteral("\n### `%1` %2: **%3**\n\n%4: %5 · %6 ms\n\n```\n%7\n```\n")
                       .arg(p.probe.id, tr(p.probe.title), statusWord(p.status()), tr("Rows"),
                            p.probe.rows.join(QLatin1String(", ")))
                       .arg(p.outcome.ms)
                       .arg(shownEvidence(p, 100).join(QLatin1Char('\n')));
    return out;
}

QJsonObject renderJson(const Report &r)
{
    QJsonArray rows;
    for (const RowResult &row : r.rows)
        rows.append(QJsonObject{{QStringLiteral("id"), QLatin1String(row.row->id)},
                                {QStringLiteral("title"), tr(row.row->title)},
                                {QStringLiteral("status"), QLatin1String(statusKey(row.status))},
                                {QStringLiteral("probes"), QJsonArray::fromStringList(row.probes)}});
    QJsonArray probes;
    for (const ProbeResult &p : r.probes)
        probes.append(QJsonObject{{QStringLiteral("id"), p.probe.id},
                                  {QStringLiteral("title"), tr(p.probe.title)},
                                  {QStringLiteral("rows"), QJsonArray::fromStringList(p.probe.rows)},
                                  {QStringLiteral("status"), QLatin1String(statusKey(p.status()))},
                                  {QStringLiteral("evidence"), QJsonArray::fromStringList(p.outcome.evidence)},
                                  {QStringLiteral("notes"), QJsonArray::fromStringList(p.outcome.notes)},
                                  {QStringLiteral("ms"), p.outcome.ms}});
    QJsonArray notes;
    const auto byKey = notesOf(r);
    for (auto it = byKey.begin(); it != byKey.end(); ++it)
        notes.append(QJsonObject{{QStringLiteral("key"), it.key()},
                                 {QStringLiteral("text"), noteText(it.key())},
                                 {QStringLiteral("probes"), QJsonArray::fromStringList(it.value())}});
    return {{QStringLiteral("passed"), r.passed()},   {QStringLiteral("runtime"), r.runtime},
            {QStringLiteral("image"), r.image},       {QStringLiteral("started"), r.started.toString(Qt::ISODate)},
            {QStringLiteral("instance"), r.instance}, {QStringLiteral("private_root"), r.privateRoot},
            {QStringLiteral("duration_ms"), r.ms},    {QStringLiteral("rows"), rows},
            {QStringLiteral("probes"), probes},       {QStringLiteral("notes"), notes},
            {QStringLiteral("bound"), r.bound}};
}

} // namespace hako::host::verify
