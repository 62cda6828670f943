#include "startcheck.h"

#include "probescript.h"

#include "../logging.h"
#include "../policy/apparmor.h"
#include "../policy/errors.h"

#include <QCryptographicHash>
#include <QFile>

namespace hako {
namespace {

// A run that has not finished by then fails: calls never wait longer.
constexpr int kRunBoundMs = 60000;

struct SandboxRow
{
    const char *id;     // the verify probe's id (host-stub/verify/verifyprobes.cpp)
    const char *script; // its script
};

// Quick, and each fails on a runtime or profile that lets the sandbox out:
// a tool running as root, a network interface, a namespace the whitelist refuses.
constexpr SandboxRow kSandboxRows[] = {
        {"priv.user", "priv-user"}, {"net.interfaces", "net-interfaces"}, {"syscall.namespaces", "sc-namespaces"}};

constexpr char kMarker[] = "hako-check ";

QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

CheckRow fileRow(const QString &id, const QString &path, const QByteArray &expected)
{
    const QByteArray found = fileSha256(path);
    const QString seen = found.isEmpty() ? QStringLiteral("unreadable") : QString::fromLatin1(found.left(16));
    return {id, !expected.isEmpty() && found == expected,
            QStringLiteral("%1: sha256 %2…, configured %3…").arg(path, seen, QString::fromLatin1(expected.left(16)))};
}

// Each script ends with a marker line carrying its exit status; what it
// printed as "FAIL: " before the marker is the row's evidence.
QList<CheckRow> sandboxRows(const Error &error, const QJsonObject &result)
{
    QHash<QString, CheckRow> found;
    QStringList failures;
    const QString out = result.value(QLatin1String("stdout")).toString();
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("FAIL: ")))
            failures << line.mid(6);
        if (!line.startsWith(QLatin1String(kMarker)))
            continue;
        const QStringList parts = line.mid(int(qstrlen(kMarker))).split(QLatin1Char(' '));
        const bool passed = parts.value(1) == QLatin1String("0") && failures.isEmpty();
        found.insert(parts.value(0), {parts.value(0), passed,
                                      passed ? QStringLiteral("in a sandbox of the configured runtime")
                                             : failures.join(QLatin1String("; ")).left(400)});
        failures.clear();
    }
    QList<CheckRow> rows;
    for (const SandboxRow &r : kSandboxRows) {
        const QString id = QLatin1String(r.id);
        rows << found.value(id, {id, false,
                                 error ? QStringLiteral("the probe sandbox failed: %1").arg(error.logMessage)
                                       : QStringLiteral("the probe did not report")});
    }
    return rows;
}

QString sandboxCommand(const QString &runtime)
{
    const probes::Params params = {{QStringLiteral("V_RUNTIME"), runtime},
                                   {QStringLiteral("V_GVISOR"),
                                    runtime == QLatin1String("runsc") ? QStringLiteral("1") : QStringLiteral("0")}};
    QString command;
    for (const SandboxRow &r : kSandboxRows)
        command += probes::scriptCommand(QLatin1String(r.script), params)
                   + QStringLiteral("\necho \"%1%2 $?\"\n").arg(QLatin1String(kMarker), QLatin1String(r.id));
    return command;
}

} // namespace

StartCheck::StartCheck(Inputs inputs, SandboxProbe probe, QObject *parent)
    : QObject(parent), m_inputs(std::move(inputs)), m_probe(std::move(probe))
{
    m_state.failOpen = m_inputs.failOpen;
    m_timer.setInterval(qMax(1, m_inputs.intervalSeconds) * 1000);
    connect(&m_timer, &QTimer::timeout, this, &StartCheck::run);
}

void StartCheck::start()
{
    if (m_state.phase == CheckState::Phase::Off)
        m_state.phase = CheckState::Phase::Pending;
    m_timer.start();
    run();
}

Error StartCheck::refusal() const
{
    if (!m_state.refuses())
        return {};
    return makeError(ErrorCode::VerifyFailed, {m_state.failedRows().join(QLatin1String(", "))});
}

QList<CheckRow> StartCheck::hostRows() const
{
    QList<CheckRow> rows;
    rows << fileRow(QStringLiteral("seccomp.profile"), m_inputs.seccomp.dockerProfile,
                    m_inputs.seccomp.dockerProfileSha256);
    rows << fileRow(QStringLiteral("seccomp.agent"), m_inputs.seccomp.agentRules, m_inputs.seccomp.agentRulesSha256);
    // The configuration applies the profile where the kernel had AppArmor; it must still be there.
    const AppArmorState now = appArmorState(m_inputs.sysfs);
    const bool wanted = !m_inputs.appArmorProfile.isEmpty();
    static const char *const kStates[] = {"the kernel has no AppArmor", "hako-workspace loaded and enforcing",
                                          "hako-workspace not loaded in enforce mode"};
    rows << CheckRow{QStringLiteral("apparmor.profile"),
                     wanted ? now == AppArmorState::Loaded : now == AppArmorState::Unavailable,
                     QLatin1String(kStates[int(now)])};
    return rows;
}

void StartCheck::run()
{
    if (m_run)
        return;
    auto *run = new QObject(this);
    m_run = run;
    m_hostRows = hostRows();
    QTimer::singleShot(kRunBoundMs, run, [this, run] {
        finish(run, sandboxRows(makeError(ErrorCode::Timeout, {QString::number(kRunBoundMs / 1000)}), {}));
    });
    m_probe(sandboxCommand(m_inputs.runtime), run,
            [this, run](const Error &error, const QJsonObject &result) { finish(run, sandboxRows(error, result)); });
}

void StartCheck::finish(QObject *run, const QList<CheckRow> &sandboxRows)
{
    if (run != m_run)
        return;
    run->deleteLater();
    m_run = nullptr;
    m_state.phase = CheckState::Phase::Done;
    m_state.checkedAt = QDateTime::currentDateTimeUtc();
    m_state.rows = m_hostRows + sandboxRows;
    const QStringList failed = m_state.failedRows();
    if (failed.isEmpty())
        qCInfo(lcCheck).noquote() << "passed:" << m_state.rows.size() << "rows";
    for (const CheckRow &row : m_state.rows)
        if (!row.passed)
            qCCritical(lcCheck).noquote()
                    << "failed" << row.id << "-" << row.evidence
                    << (m_inputs.failOpen ? "(verify.failOpen: calls run, audited)" : "(calls refused)");
    Q_EMIT finished();
}

} // namespace hako
