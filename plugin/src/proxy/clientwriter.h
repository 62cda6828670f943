// Everything the proxy says to a client, written to the client's socket
// directly rather than through QLocalSocket's write buffer: Qt sends at most
// 32 KiB per event-loop turn, which cost a relayed megabyte some thirty turns
// of the proxy thread. Pieces go out with one sendmsg() while nothing is
// queued; what the socket does not take is kept, in order, and sent as soon
// as the socket is writable again. The owner stops producing while anything
// is queued, so the queue holds at most the tail of one piece and every byte
// is copied at most once on its way.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QSocketNotifier>

#include <initializer_list>

namespace hako::proxy {

class ClientWriter : public QObject
{
    Q_OBJECT

public:
    ClientWriter(qintptr socket, QObject *parent = nullptr);

    void write(std::initializer_list<QByteArrayView> pieces);
    qint64 pending() const { return m_queue.size() - m_sent; }
    // Writes nothing more, now: once the socket's descriptor is closed its
    // number can be another client's before this writer is deleted.
    void stop();

Q_SIGNALS:
    void drained(); // what was queued went out
    void failed();  // the client can no longer be written to

private:
    void onWritable();
    void afterSend(ssize_t result);

    int m_socket;
    QSocketNotifier m_notifier;
    QByteArray m_queue;
    qsizetype m_sent = 0;
    bool m_failed = false;
};

} // namespace hako::proxy
