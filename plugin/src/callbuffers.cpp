#include "callbuffers.h"

#include <algorithm>

namespace hako {
namespace {

// Appends, growing by doubling but never past `most`, the most `to` may ever
// hold: the memory bound is the limit, not twice it.
void appendBounded(QByteArray &to, const QByteArray &bytes, qint64 most)
{
    const qsizetype needed = to.size() + bytes.size();
    if (needed > to.capacity())
        to.reserve(std::min(qsizetype(most), std::max(needed, 2 * to.capacity())));
    to += bytes;
}

} // namespace

const QByteArray &CallBuffers::hostMarker()
{
    static const QByteArray marker("\n[hako: output truncated by the host]\n");
    return marker;
}

CallBuffers::CallBuffers(qint64 outputLimit, qint64 transferLimit)
    : m_outputLimit(outputLimit), m_transferLimit(transferLimit)
{}

QByteArray CallBuffers::addOutput(Stream stream, const QByteArray &chunk, Status *status)
{
    Part &p = part(stream);
    const qint64 room = p.full ? 0 : m_outputLimit + kMarkerRoom - p.kept.size();
    QByteArray taken = chunk.size() <= room ? chunk : chunk.left(qsizetype(room));
    if (taken.size() < chunk.size()) {
        m_dropped += chunk.size() - taken.size();
        if (!p.full)
            taken += hostMarker(); // beyond the room: the marker is the host's, not the agent's to fill
        p.full = true;
    }
    appendBounded(p.kept, taken, m_outputLimit + kMarkerRoom + hostMarker().size());
    *status = m_dropped > kOverrunAllowance ? Status::Overrun : Status::Ok;
    return taken;
}

CallBuffers::Status CallBuffers::addDownload(const QByteArray &chunk, bool keep)
{
    m_downloaded += chunk.size();
    if (m_downloaded > m_transferLimit)
        return Status::TooLarge;
    if (keep)
        appendBounded(m_download, chunk, m_transferLimit);
    return Status::Ok;
}

} // namespace hako
