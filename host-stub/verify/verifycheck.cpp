#include "verifycheck.h"

#include "verifyfacts.h"
#include "verifyseal.h"
#include "verifysession.h"

#include "cli/commands.h"
#include "common/translate.h"

#include <audit/auditkey.h>

#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace hako::host::verify {
namespace {

// A report is a few hundred kilobytes; anything far larger is not one.
constexpr qint64 kMaxReportBytes = 16 << 20;
constexpr qint64 kMaxPublicKeyBytes = 64 * 1024;

void say(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().append('\n').constData(), stream);
}

bool readJson(const QString &path, QJsonObject *report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        say(stderr, tr("hako-host: cannot read the report %1: %2").arg(path, file.errorString()));
        return false;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxReportBytes + 1), &error);
    if (file.size() > kMaxReportBytes || !doc.isObject()) {
        say(stderr, tr("hako-host: %1 is not a verify report in JSON (%2).").arg(path, error.errorString()));
        return false;
    }
    *report = doc.object();
    return true;
}

// --key PUBLIC.pem, else the public half of this host's own audit key.
bool publicKey(Session &session, const Options &options, audit::PublicKey *key)
{
    QString problem;
    if (!options.publicKeyFile.isEmpty()) {
        QFile file(options.publicKeyFile);
        problem = file.open(QIODevice::ReadOnly) ? key->loadPem(file.read(kMaxPublicKeyBytes)) : file.errorString();
    } else {
        audit::SigningKey own;
        problem = own.loadOrCreate(session.setting(QStringLiteral("audit.key")).toString());
        if (problem.isEmpty())
            problem = key->loadPem(own.publicKeyPem());
    }
    if (!problem.isEmpty())
        say(stderr, tr("hako-host: the key that checks the report cannot be used: %1").arg(problem));
    return problem.isEmpty();
}

} // namespace

QJsonObject signedReport(const QJsonObject &report, const Session &session)
{
    audit::SigningKey key;
    const QString path = session.setting(QStringLiteral("audit.key")).toString();
    if (const QString problem = key.loadOrCreate(path); !problem.isEmpty())
        say(stderr,
            tr("hako-host verify: the report is not signed, the audit key %1 cannot be used: %2").arg(path, problem));
    return sealed(report, key);
}

int runVerifyCheck(ToolExecutor *executor, const Options &options)
{
    QJsonObject settings;
    QJsonObject report;
    if (loadSettings(options, &settings) || !readJson(options.checkReport, &report))
        return kExitUsage;
    // The report names the runtime it measured; the facts of that runtime are compared.
    settings.insert(QStringLiteral("runtime"), report.value(QLatin1String("bound"))
                                                       .toObject()
                                                       .value(QLatin1String("runtime"))
                                                       .toString(QStringLiteral("runc")));
    Session session(executor, settings);
    audit::PublicKey key;
    if (!publicKey(session, options, &key))
        return kExitUsage;
    const Seal seal = checkSeal(report, key);
    if (seal != Seal::Valid) {
        say(stdout, seal == Seal::Missing ? tr("REFUSED: the report is not signed.")
                                          : tr("REFUSED: the signature does not match the report: it was changed "
                                               "after signing, or signed by another key."));
        return kExitReportUnsigned;
    }
    say(stdout, tr("Signature valid (key %1).").arg(key.id()));
    const QList<FactDifference> differences =
            factDifferences(report.value(QLatin1String("bound")).toObject(), measureFacts(session));
    for (const FactDifference &d : differences)
        say(stdout,
            d.name.isEmpty()
                    ? tr("REFUSED: the report is bound to no facts of a host.")
                    : tr("DIFFERS %1: the report has \"%2\", this host now \"%3\".").arg(d.name, d.bound, d.now));
    if (!differences.isEmpty())
        return kExitReportDiffers;
    const bool passed = report.value(QLatin1String("passed")).toBool();
    say(stdout, passed ? tr("MATCHES: every bound fact is the same on this host now, and the report passed.")
                       : tr("MATCHES this host now, but the report records failed rows."));
    return passed ? 0 : kExitReportDiffers;
}

} // namespace hako::host::verify
