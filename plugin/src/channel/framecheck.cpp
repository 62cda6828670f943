#include "framecheck.h"

#include <QString>

namespace hako {

qsizetype jsonTokens(const QByteArray &json, qsizetype most)
{
    qsizetype tokens = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size() && tokens <= most; ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' || c == ':' || c == '[' || c == '{') {
            ++tokens;
        }
    }
    return tokens;
}

QString frameViolation(const Frame &frame, bool callInFlight)
{
    // A number, not a string: this runs for every frame, and the text is built only for a violation.
    const int type = int(frame.type);
    switch (frame.type) {
    case proto::Type::Hello:
    case proto::Type::Event:
        if (frame.id != 0)
            return QStringLiteral("frame type %1 for call %2").arg(type).arg(frame.id);
        break;
    case proto::Type::Stdout:
    case proto::Type::Stderr:
    case proto::Type::FileData:
    case proto::Type::Result:
        if (frame.id == 0)
            return QStringLiteral("frame type %1 without a call").arg(type);
        break;
    case proto::Type::Error: break;
    case proto::Type::Call:
    case proto::Type::Data:
    case proto::Type::DataEnd:
    case proto::Type::Cancel: return QStringLiteral("frame type %1, which only the host sends").arg(type);
    }
    if (frame.id == 0 && frame.payload.size() > kMaxConnectionJson)
        return QStringLiteral("a %1-byte payload of type %2 without a call").arg(frame.payload.size()).arg(type);
    const bool json = frame.type == proto::Type::Hello || frame.type == proto::Type::Event
                      || frame.type == proto::Type::Result || frame.type == proto::Type::Error;
    if (json && jsonTokens(frame.payload) > kMaxJsonTokens)
        return QStringLiteral("a JSON payload of type %1 with more than %2 values").arg(type).arg(kMaxJsonTokens);
    if (frame.id != 0 && !callInFlight)
        return QStringLiteral("frame type %1 for call %2, which is not in flight").arg(type).arg(frame.id);
    return {};
}

} // namespace hako
