#include "audit.h"

#include "commands.h"
#include "common/translate.h"

#include <audit/auditkey.h>
#include <audit/auditverify.h>
#include <audit/ocsfexport.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace hako::host {
namespace {

constexpr int kExitBroken = 1;
// A PEM public key is a few hundred bytes.
constexpr qint64 kMaxPublicKeyBytes = 64 * 1024;

void print(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
}

QString fill(const char *text, const QStringList &args)
{
    return translate(kTrContext, text, args);
}

int printKey(const Options &options)
{
    QJsonObject settings;
    if (const Error e = loadSettings(options, &settings)) {
        print(stderr, e.message);
        return kExitUsage;
    }
    const QString path =
            settings.value(QLatin1String("audit.key")).toString(QString::fromLatin1(audit::kDefaultKeyFile));
    audit::SigningKey key;
    if (const QString problem = key.loadOrCreate(path); !problem.isEmpty()) {
        print(stderr, fill(QT_TR_NOOP("hako-host: the audit signing key %1 cannot be used: %2"), {path, problem}));
        return kExitToolError;
    }
    std::fputs(key.publicKeyPem().constData(), stdout);
    return 0;
}

bool loadPublicKey(const QString &path, audit::PublicKey *key)
{
    QFile file(path);
    QString problem = file.open(QIODevice::ReadOnly) ? key->loadPem(file.read(kMaxPublicKeyBytes)) : file.errorString();
    if (problem.isEmpty())
        return true;
    print(stderr, fill(QT_TR_NOOP("hako-host: the public key %1 cannot be used: %2"), {path, problem}));
    return false;
}

QString where(const audit::VerifyReport &r)
{
    if (r.line == 0)
        return fill(QT_TR_NOOP("%1: %2"), {r.file, r.problem});
    return fill(QT_TR_NOOP("%1: line %2: %3"), {r.file, QString::number(r.line), r.problem});
}

// Prints the first problem, or what held up; true when the log holds up.
bool report(const audit::VerifyReport &r, bool withKey)
{
    if (!r.ok()) {
        print(stdout, where(r));
        return false;
    }
    print(stdout, fill(QT_TR_NOOP("The chain holds: %1 lines."), {QString::number(r.lines)}));
    if (r.firstSeq > 1)
        print(stdout, fill(QT_TR_NOOP("The first line is number %1 of a longer chain: earlier lines are in files "
                                      "not given here."),
                           {QString::number(r.firstSeq)}));
    if (!withKey)
        print(stdout, fill(QT_TR_NOOP("Signatures not checked (no --key): %1 checkpoints found."),
                           {QString::number(r.checkpoints)}));
    else
        print(stdout, fill(QT_TR_NOOP("%1 checkpoint signatures verified; %2 lines after the last checkpoint are "
                                      "not covered by a signature yet."),
                           {QString::number(r.signedChecked), QString::number(r.linesAfterLastCheckpoint)}));
    return true;
}

int verifyFiles(const Options &options)
{
    audit::PublicKey key;
    const bool withKey = !options.publicKeyFile.isEmpty();
    if (withKey && !loadPublicKey(options.publicKeyFile, &key))
        return kExitUsage;
    return report(audit::verifyLog(options.files, withKey ? &key : nullptr), withKey) ? 0 : kExitBroken;
}

// Read once: what is exported is what was verified, and the export stops at
// the first line where the chain breaks.
int exportFiles(const Options &options)
{
    const audit::VerifyReport check = audit::verifyLog(options.files, nullptr, [](const QJsonObject &line) {
        const QJsonObject event = audit::toOcsf(line);
        if (!event.isEmpty())
            std::fputs((QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n').constData(), stdout);
    });
    if (check.ok())
        return 0;
    std::fflush(stdout);
    print(stderr, where(check));
    return kExitBroken;
}

} // namespace

int runAudit(const Options &options)
{
    if (options.auditAction == QLatin1String("key"))
        return printKey(options);
    if (options.auditAction == QLatin1String("verify"))
        return verifyFiles(options);
    return exportFiles(options);
}

} // namespace hako::host
