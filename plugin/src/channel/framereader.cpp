#include "framereader.h"

#include <algorithm>
#include <cstring>

namespace hako {
namespace {

// Storage grows in steps from this size, so that an idle or chatty channel
// with small frames never holds the full capacity.
constexpr qsizetype kFirstStorage = 64 * 1024;

} // namespace

void FrameReader::makeRoom(qsizetype n)
{
    if (m_end + n <= m_buffer.size())
        return;
    // Move the unread tail to the front: each byte moves at most once, since
    // it is taken out as part of the next frame before it could move again.
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + m_begin, size_t(buffered()));
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end + n > m_buffer.size()) {
        const qsizetype storage = std::min(kCapacity, std::max({m_end + n, 2 * m_buffer.size(), kFirstStorage}));
        m_buffer.reserve(storage); // exactly this much: the resize within it does not reallocate
        m_buffer.resize(storage);
    }
}

qsizetype FrameReader::append(const char *data, qsizetype size)
{
    const qsizetype n = std::min(size, space());
    if (n <= 0)
        return 0;
    makeRoom(n);
    std::memcpy(m_buffer.data() + m_end, data, size_t(n));
    m_end += n;
    return n;
}

qsizetype FrameReader::readFrom(QIODevice *device)
{
    // Asks for more than is buffered when there is room: a read past the
    // device's buffer is what lets a socket with a bounded buffer read on.
    const qsizetype n = std::min(space(), std::max(qsizetype(device->bytesAvailable()), kFirstStorage));
    if (n <= 0)
        return 0;
    makeRoom(n);
    const qint64 got = device->read(m_buffer.data() + m_end, n);
    if (got <= 0)
        return 0;
    m_end += qsizetype(got);
    return qsizetype(got);
}

FrameReader::Status FrameReader::next(Frame *frame)
{
    proto::Header header;
    const auto *data = reinterpret_cast<const unsigned char *>(m_buffer.constData()) + m_begin;
    const std::size_t available = std::size_t(buffered());
    switch (proto::decodeHeader(data, available, header)) {
    case proto::DecodeStatus::NeedMore: return Status::NeedMore;
    case proto::DecodeStatus::BadType:
    case proto::DecodeStatus::TooLarge: return Status::Bad;
    case proto::DecodeStatus::Ok: break;
    }
    if (available < proto::kHeaderSize + header.length + std::size_t(m_tagBytes))
        return Status::NeedMore;
    frame->type = header.type;
    frame->id = header.id;
    const char *payload = m_buffer.constData() + m_begin + proto::kHeaderSize;
    frame->payload = QByteArray(payload, qsizetype(header.length));
    if (m_tagBytes > 0)
        std::memcpy(frame->tag.data(), payload + header.length, frame->tag.size());
    m_begin += qsizetype(proto::kHeaderSize + header.length) + m_tagBytes;
    if (m_begin == m_end)
        m_begin = m_end = 0;
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
