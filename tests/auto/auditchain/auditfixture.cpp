#include "auditfixture.h"

#include "audit/auditchain.h"
#include "telemetry/auditlog.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace hako::test {

AuditFixture::AuditFixture()
{
    m_signing.loadOrCreate(keyFile());
    m_other.loadOrCreate(m_dir.filePath(QStringLiteral("attacker/signing.key")));
    m_public.loadPem(m_signing.publicKeyPem());
}

void AuditFixture::writeStandardLog() const
{
    telemetry::AuditLog log;
    log.open(path(), keyFile());
    for (int i = 1; i <= 7; ++i) {
        const QString conversation = QStringLiteral("conv-%1").arg(i % 2);
        switch (i % 4) {
        case 0: log.securityEvent(conversation, QStringLiteral("agent_impersonation")); break;
        case 1:
            log.toolCall({conversation,
                          QStringLiteral("call-%1").arg(i),
                          QStringLiteral("bash"),
                          QStringLiteral("ok"),
                          10 * i,
                          0,
                          {}});
            break;
        case 2:
            log.proxyDecision(conversation, QStringLiteral("denied"), QStringLiteral("host_not_allowed"), -1);
            break;
        case 3: log.seccompViolation(conversation, QStringLiteral("ptrace"), i); break;
        }
        if (i == 3 || i == 6)
            log.checkpoint();
    }
    log.checkpoint(); // as the host does when it stops
}

QByteArrayList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

void writeLines(const QString &path, const QByteArrayList &lines)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(lines.join('\n') + '\n');
}

QJsonObject objectOf(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

void reseal(QByteArrayList *lines, int from, const audit::SigningKey *signer)
{
    audit::ChainHead head = audit::genesis();
    if (from > 0) {
        audit::SealedLine before;
        audit::parseLine(lines->at(from - 1), &before);
        head = {before.seq, before.hash};
    }
    for (int i = from; i < lines->size(); ++i) {
        QJsonObject object = objectOf(lines->at(i));
        if (signer && object.value(QLatin1String("event")).toString() == QLatin1String("checkpoint")) {
            object.insert(QStringLiteral("key"), signer->id());
            object.insert(
                    QStringLiteral("sig"),
                    QString::fromLatin1(signer->sign(audit::checkpointMessage(head.seq + 1, head.hash)).toBase64()));
        }
        (*lines)[i] = audit::sealLine(object, head, &head).chopped(1);
    }
}

} // namespace hako::test
