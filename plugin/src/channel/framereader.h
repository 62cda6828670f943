// Splits the agent's byte stream into frames (agent/protocol.h). Kept apart
// from the socket so that it can be fuzzed and unit-tested on its own.
#pragma once

#include "../../../agent/protocol.h"

#include <QByteArray>

namespace hako {

struct Frame
{
    proto::Type type = proto::Type::Hello;
    quint32 id = 0;
    QByteArray payload;
};

class FrameReader
{
public:
    enum class Status { Frame, NeedMore, Bad };

    void append(const QByteArray &bytes) { m_buffer.append(bytes); }
    // Takes the next whole frame out of the buffer. After Bad the stream
    // cannot be trusted any more; the caller drops the connection.
    Status next(Frame *frame);

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

QByteArray frameHeader(proto::Type type, quint32 id, qsizetype length);
QByteArray packFrame(proto::Type type, quint32 id, const QByteArray &payload);

} // namespace hako
