#include "transferstream.h"

#include "channel/agentchannel.h"
#include "policy/errors.h"

#include <QCoreApplication>

namespace hako {
namespace {

// Large chunks keep the per-frame cost small; the protocol allows up to 1 MiB.
constexpr qint64 kChunk = 512 * 1024;
// Enough in the socket's buffer to keep the agent busy between two turns of
// the event loop, little enough to hold in memory per upload.
constexpr qint64 kInFlight = 4 * 1024 * 1024;

} // namespace

TransferStream::TransferStream(Direction direction, QIODevice *device, QObject *parent)
    : QObject(parent), m_upload(direction == Direction::Upload), m_device(device)
{}

Error TransferStream::check(const QString &tool) const
{
    const char *problem = nullptr;
    if (m_upload && (!m_device || !m_device->isReadable() || m_device->isSequential()))
        problem = QT_TRANSLATE_NOOP("hako::Tools", "the source must be a file or buffer open for reading.");
    else if (!m_upload && (!m_device || !m_device->isWritable()))
        problem = QT_TRANSLATE_NOOP("hako::Tools", "the destination must be a device open for writing.");
    return problem ? makeError(ErrorCode::BadInput, {tool, ErrorArg::phrase("hako::Tools", problem)}) : Error();
}

Error TransferStream::hostError(const QString &detail) const
{
    return makeError(ErrorCode::TransferIo, {},
                     m_device ? detail + QStringLiteral(": ") + m_device->errorString() : detail);
}

void TransferStream::startUpload(AgentChannel *channel, quint32 id)
{
    m_channel = channel;
    m_id = id;
    connect(channel, &AgentChannel::bytesWritten, this, &TransferStream::pump);
    pump();
}

void TransferStream::pump()
{
    while (!m_done && m_channel && m_channel->bytesToWrite() < kInFlight) {
        if (!m_device) {
            m_done = true;
            return Q_EMIT failed(hostError(QStringLiteral("the source device was destroyed")));
        }
        const QByteArray chunk = m_device->read(kChunk);
        if (!chunk.isEmpty()) {
            m_channel->send(proto::Type::Data, m_id, chunk);
            continue;
        }
        m_done = true;
        // Without DataEnd the agent never commits what it received.
        if (!m_device->atEnd())
            return Q_EMIT failed(hostError(QStringLiteral("cannot read the source")));
        m_channel->send(proto::Type::DataEnd, m_id);
    }
}

Error TransferStream::deliver(const QByteArray &chunk)
{
    if (!m_device)
        return hostError(QStringLiteral("the destination device was destroyed"));
    if (m_device->write(chunk) != chunk.size())
        return hostError(QStringLiteral("cannot write to the destination"));
    return {};
}

} // namespace hako
