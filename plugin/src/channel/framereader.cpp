#include "framereader.h"

namespace hako {

FrameReader::Status FrameReader::next(Frame *frame)
{
    proto::Header header;
    const auto *data = reinterpret_cast<const unsigned char *>(m_buffer.constData()) + m_offset;
    const std::size_t available = std::size_t(m_buffer.size() - m_offset);
    switch (proto::decodeHeader(data, available, header)) {
    case proto::DecodeStatus::NeedMore:
        return Status::NeedMore;
    case proto::DecodeStatus::BadType:
    case proto::DecodeStatus::TooLarge:
        return Status::Bad;
    case proto::DecodeStatus::Ok:
        break;
    }
    if (available < proto::kHeaderSize + header.length)
        return Status::NeedMore;
    frame->type = header.type;
    frame->id = header.id;
    frame->payload = m_buffer.mid(m_offset + proto::kHeaderSize, header.length);
    m_offset += qsizetype(proto::kHeaderSize + header.length);
    // Compact only now and then so that many small frames cost no quadratic copying.
    if (m_offset > (1 << 20) || m_offset == m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    return Status::Frame;
}

QByteArray frameHeader(proto::Type type, quint32 id, qsizetype length)
{
    QByteArray header(qsizetype(proto::kHeaderSize), Qt::Uninitialized);
    proto::writeHeader(reinterpret_cast<unsigned char *>(header.data()), type, id, std::size_t(length));
    return header;
}

QByteArray packFrame(proto::Type type, quint32 id, const QByteArray &payload)
{
    return frameHeader(type, id, payload.size()) + payload;
}

} // namespace hako
