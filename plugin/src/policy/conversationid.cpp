#include "conversationid.h"

#include "errors.h"

#include <QCryptographicHash>

namespace hako {

Error validateConversationId(const QString &id)
{
    if (id.isEmpty())
        return makeError(ErrorCode::ConversationIdEmpty);
    const QByteArray utf8 = id.toUtf8();
    if (utf8.size() > kMaxConversationIdBytes)
        return makeError(ErrorCode::ConversationIdTooLong, {QString::number(kMaxConversationIdBytes)});
    // Lone surrogates do not survive the round trip through UTF-8.
    if (QString::fromUtf8(utf8) != id)
        return makeError(ErrorCode::ConversationIdInvalid);
    for (const QChar c : id)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return makeError(ErrorCode::ConversationIdInvalid);
    return {};
}

QString conversationKey(const QString &id)
{
    const QByteArray digest = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(32));
}

QString containerName(const QString &instanceId, const QString &key)
{
    return QStringLiteral("hako-%1-%2").arg(instanceId, key);
}

} // namespace hako
