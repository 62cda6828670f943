// Splits the agent's byte stream into frames (hako/protocol/wire.h). Kept apart
// from the socket so that it can be fuzzed and unit-tested on its own.
#pragma once

#include <hako/error.h>
#include <hako/protocol/wire.h>

#include <QByteArray>
#include <QIODevice>

#include <array>

namespace hako {

struct Frame
{
    proto::Type type = proto::Type::Hello;
    quint32 id = 0;
    QByteArray payload;
    // The bytes after the payload when the reader expects tags (setTagged()).
    std::array<char, proto::kTagBytes> tag{};
    // Set on the Error frame the channel makes itself when it ends a call (the
    // connection went, the host shuts down): the host's own error, passed on whole.
    Error local{};
};

class FrameReader
{
public:
    enum class Status { Frame, NeedMore, Bad };

    // One frame of the largest size the protocol allows, with its tag: the
    // most the reader ever holds, however fast it is fed and however slowly
    // frames are taken.
    static constexpr qsizetype kCapacity = qsizetype(proto::kHeaderSize + proto::kMaxPayload + proto::kTagBytes);

    // From the next frame on, each frame is followed by proto::kTagBytes of
    // tag, which next() hands over in Frame::tag unchecked.
    void setTagged(bool tagged) { m_tagBytes = tagged ? qsizetype(proto::kTagBytes) : 0; }
    // One largest frame as the stream carries it now: with a tag or without.
    qsizetype capacity() const { return qsizetype(proto::kHeaderSize + proto::kMaxPayload) + m_tagBytes; }

    // How many more bytes append() takes now. Never zero while a whole frame
    // cannot be taken out, so a reader that is drained never stalls.
    qsizetype space() const { return capacity() - buffered(); }
    qsizetype buffered() const { return m_end - m_begin; }
    // The memory the reader holds, at most kCapacity.
    qsizetype storage() const { return m_buffer.capacity(); }
    // Takes at most space() of the bytes; returns how many it took. The
    // caller keeps the rest (in the socket) until frames have been taken.
    qsizetype append(const char *data, qsizetype size);
    qsizetype append(const QByteArray &bytes) { return append(bytes.constData(), bytes.size()); }
    // Reads at most space() bytes from `device` straight into the reader,
    // without a copy in between; returns how many (0: none now).
    qsizetype readFrom(QIODevice *device);
    // Takes the next whole frame out of the buffer. After Bad the stream
    // cannot be trusted any more; the caller drops the connection.
    Status next(Frame *frame);

private:
    // Makes room for `n` more bytes at m_end; n <= space().
    void makeRoom(qsizetype n);

    QByteArray m_buffer; // its size is the storage in use, at most kCapacity
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
    qsizetype m_tagBytes = 0;
};

QByteArray frameHeader(proto::Type type, quint32 id, qsizetype length);
QByteArray packFrame(proto::Type type, quint32 id, const QByteArray &payload);

} // namespace hako
