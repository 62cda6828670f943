#include "decoykey.h"

#include <hako/protocol/wire.h>

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace hako {

QByteArray decoyKeyId(const QByteArray &agentKeyHex)
{
    const QByteArray key = QByteArray::fromHex(agentKeyHex);
    if (agentKeyHex.size() != qsizetype(proto::kKeyHexChars) || key.size() != qsizetype(proto::kKeyBytes))
        return {};
    const QByteArray digest = QMessageAuthenticationCode::hash(
            QByteArray::fromRawData(proto::kDecoyKeyIdContext.data(), qsizetype(proto::kDecoyKeyIdContext.size())), key,
            QCryptographicHash::Sha256);
    static const char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray id = "AKIA";
    quint32 buffer = 0;
    int bits = 0;
    for (int i = 0; i < 10; ++i) {
        buffer = (buffer << 8) | quint8(digest[i]);
        for (bits += 8; bits >= 5; bits -= 5)
            id += kBase32[(buffer >> (bits - 5)) & 31];
    }
    return id;
}

} // namespace hako
