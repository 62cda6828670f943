#include "verifyseal.h"

#include <QJsonDocument>

namespace hako::host::verify {
namespace {

constexpr char kSignature[] = "signature";
constexpr char kAlgorithm[] = "ed25519";

QByteArray signedBytes(QJsonObject report)
{
    report.remove(QLatin1String(kSignature));
    return QJsonDocument(report).toJson(QJsonDocument::Compact);
}

} // namespace

QJsonObject sealed(QJsonObject report, const audit::SigningKey &key)
{
    const QByteArray signature = key.sign(signedBytes(report));
    if (signature.isEmpty())
        return report;
    report.insert(QLatin1String(kSignature),
                  QJsonObject{{QStringLiteral("algorithm"), QLatin1String(kAlgorithm)},
                              {QStringLiteral("key_id"), key.id()},
                              {QStringLiteral("value"), QString::fromLatin1(signature.toBase64())}});
    return report;
}

Seal checkSeal(const QJsonObject &report, const audit::PublicKey &key)
{
    const QJsonValue seal = report.value(QLatin1String(kSignature));
    if (seal.isUndefined())
        return Seal::Missing;
    const QJsonObject s = seal.toObject();
    const auto decoded = QByteArray::fromBase64Encoding(s.value(QLatin1String("value")).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    const bool valid = s.value(QLatin1String("algorithm")).toString() == QLatin1String(kAlgorithm)
                       && s.value(QLatin1String("key_id")).toString() == key.id() && decoded
                       && key.verify(signedBytes(report), *decoded);
    return valid ? Seal::Valid : Seal::Invalid;
}

} // namespace hako::host::verify
