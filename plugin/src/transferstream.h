// The bytes of a write_file or read_file started through hako::FileTransfer:
// pumped from the host's device to the agent with a bounded amount in flight,
// so that a large file never sits in memory whole, and written to the host's
// device as the agent's chunks arrive. Lives as a child of the ToolRunner.
#pragma once

#include <hako/error.h>

#include <QIODevice>
#include <QObject>
#include <QPointer>

namespace hako {

class AgentChannel;

class TransferStream final : public QObject
{
    Q_OBJECT
public:
    enum class Direction { Upload, Download };
    // `device` is the upload's source or the download's sink.
    TransferStream(Direction direction, QIODevice *device, QObject *parent = nullptr);

    // Why the host's device cannot serve this call, or no error.
    Error check(const QString &tool) const;

    bool isUpload() const { return m_upload; }
    // Sends the source to the agent call `id`, then DataEnd; failed() instead
    // if the source cannot be read to its end.
    void startUpload(AgentChannel *channel, quint32 id);
    // Writes one chunk of a download to the sink.
    Error deliver(const QByteArray &chunk);

Q_SIGNALS:
    void failed(const hako::Error &error);

private:
    void pump();
    Error hostError(const QString &detail) const;

    const bool m_upload;
    QPointer<QIODevice> m_device;
    QPointer<AgentChannel> m_channel;
    quint32 m_id = 0;
    bool m_done = false;
};

} // namespace hako
