#include "auditchain.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace hako::audit {
namespace {

constexpr int kHashBytes = 32;
// A sequence number stays exact in every JSON reader (doubles hold 53 bits).
constexpr qint64 kMaxSeq = (qint64(1) << 53) - 2;
const QByteArray kHashMember = QByteArrayLiteral(",\"hash\":\"");
// `,"hash":"` + 64 hex digits + `"}`.
const qsizetype kHashTailBytes = kHashMember.size() + 2 * kHashBytes + 2;

QByteArray chainHash(const QByteArray &prev, const QByteArray &canonical)
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sha.addData(prev);
    sha.addData(canonical);
    return sha.result();
}

// The 32 bytes of a hash written as 64 lowercase hex digits, else empty.
QByteArray fromHex(const QString &text)
{
    static const QString digits = QStringLiteral("0123456789abcdef");
    if (text.size() != 2 * kHashBytes)
        return {};
    for (const QChar c : text)
        if (!digits.contains(c))
            return {};
    return QByteArray::fromHex(text.toLatin1());
}

} // namespace

ChainHead genesis()
{
    return {0, QByteArray(kHashBytes, '\0')};
}

QByteArray sealLine(QJsonObject fields, const ChainHead &previous, ChainHead *sealed)
{
    fields.insert(QStringLiteral("seq"), double(previous.seq + 1));
    fields.insert(QStringLiteral("prev"), QString::fromLatin1(previous.hash.toHex()));
    fields.remove(QStringLiteral("hash"));
    const QByteArray canonical = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    const ChainHead next = {previous.seq + 1, chainHash(previous.hash, canonical)};
    *sealed = next;
    return canonical.chopped(1) + kHashMember + next.hash.toHex() + "\"}\n";
}

LineProblem parseLine(const QByteArray &line, SealedLine *parsed)
{
    const qsizetype cut = line.size() - kHashTailBytes;
    if (cut < 1 || line.mid(cut, kHashMember.size()) != kHashMember || !line.endsWith("\"}"))
        return LineProblem::NotSealed;
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    const QJsonValue seq = object.value(QLatin1String("seq"));
    const QByteArray prev = fromHex(object.value(QLatin1String("prev")).toString());
    // The hash is read where the seal put it, whatever else the object holds.
    const QByteArray hash = fromHex(QString::fromLatin1(line.mid(cut + kHashMember.size(), 2 * kHashBytes)));
    const double n = seq.toDouble(-1);
    if (object.isEmpty() || prev.isEmpty() || hash.isEmpty() || n < 1 || n > double(kMaxSeq) || n != qint64(n))
        return LineProblem::NotSealed;
    *parsed = {object, qint64(n), prev, hash};
    return chainHash(prev, line.left(cut) + '}') == hash ? LineProblem::None : LineProblem::Edited;
}

QByteArray checkpointMessage(qint64 seq, const QByteArray &prev)
{
    return "hako-audit-checkpoint-v1\n" + QByteArray::number(seq) + '\n' + prev.toHex();
}

} // namespace hako::audit
