#include "framecheck.h"

#include <QString>

namespace hako {

QString frameViolation(const Frame &frame, bool callInFlight)
{
    const auto type = QString::number(int(frame.type));
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
    case proto::Type::Error:
        break;
    case proto::Type::Call:
    case proto::Type::Data:
    case proto::Type::DataEnd:
    case proto::Type::Cancel:
        return QStringLiteral("frame type %1, which only the host sends").arg(type);
    }
    if (frame.id == 0 && frame.payload.size() > kMaxConnectionJson)
        return QStringLiteral("a %1-byte payload of type %2 without a call").arg(frame.payload.size()).arg(type);
    if (frame.id != 0 && !callInFlight)
        return QStringLiteral("frame type %1 for call %2, which is not in flight").arg(type).arg(frame.id);
    return {};
}

} // namespace hako
