// A real audit log written by AuditLog, and the tools to tamper with it as
// someone with write access to the file would: edit, reseal the chain after
// an edit, and sign checkpoints with a key of their own.
#pragma once

#include "audit/auditkey.h"

#include <QByteArrayList>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

namespace hako::test {

class AuditFixture
{
public:
    AuditFixture();

    QString path() const { return m_dir.filePath(QStringLiteral("log/audit.jsonl")); }
    QString keyFile() const { return m_dir.filePath(QStringLiteral("keys/signing.key")); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Seven events, with a checkpoint after the third and the sixth and one at
    // the end; by line: e1 e2 e3 C e4 e5 e6 C e7 C.
    void writeStandardLog() const;

    // The key the log was signed with, and one an attacker made.
    const audit::PublicKey &publicKey() const { return m_public; }
    QByteArray publicKeyPem() const { return m_signing.publicKeyPem(); }
    const audit::SigningKey &otherKey() const { return m_other; }

private:
    QTemporaryDir m_dir;
    audit::SigningKey m_signing;
    audit::SigningKey m_other;
    audit::PublicKey m_public;
};

QByteArrayList readLines(const QString &path);
void writeLines(const QString &path, const QByteArrayList &lines);
QJsonObject objectOf(const QByteArray &line);

// Rewrites lines[from..] so that the chain holds again after an edit, as anyone
// can (the hash has no secret). Checkpoints are re-signed with `signer` when
// given, else keep their old signature.
void reseal(QByteArrayList *lines, int from, const audit::SigningKey *signer);

} // namespace hako::test
