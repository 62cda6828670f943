#include "clientwriter.h"

#include <QVarLengthArray>

#include <cerrno>
#include <sys/socket.h>

namespace hako::proxy {

namespace {

// A small kernel buffer towards the client (the kernel doubles it): the
// proxy pauses and resumes in small steps, and the client reads bytes written
// moments ago (likely still cached; not measured). Against this size, 1 MiB
// cost 15-35 points of throughput and 4 MiB about 30 (docs/benchmarks.md §2).
constexpr int kSendBuffer = 128 * 1024;

ssize_t sendVector(int socket, iovec *vector, int count)
{
    msghdr message{};
    message.msg_iov = vector;
    message.msg_iovlen = size_t(count);
    ssize_t n;
    do
        n = ::sendmsg(socket, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    while (n < 0 && errno == EINTR);
    return n;
}

} // namespace

ClientWriter::ClientWriter(qintptr socket, QObject *parent)
    : QObject(parent), m_socket(int(socket)), m_notifier(socket, QSocketNotifier::Write, this)
{
    m_notifier.setEnabled(false);
    ::setsockopt(m_socket, SOL_SOCKET, SO_SNDBUF, &kSendBuffer, sizeof kSendBuffer);
    connect(&m_notifier, &QSocketNotifier::activated, this, &ClientWriter::onWritable);
}

void ClientWriter::write(std::initializer_list<QByteArrayView> pieces)
{
    if (m_failed)
        return;
    qsizetype sent = 0;
    if (pending() == 0) {
        QVarLengthArray<iovec, 4> vector;
        for (QByteArrayView piece : pieces)
            vector.append({const_cast<char *>(piece.data()), size_t(piece.size())});
        const ssize_t n = sendVector(m_socket, vector.data(), int(vector.size()));
        afterSend(n);
        if (m_failed)
            return;
        sent = qMax<qsizetype>(n, 0);
    }
    for (QByteArrayView piece : pieces) {
        const qsizetype skip = qMin(sent, piece.size());
        sent -= skip;
        m_queue.append(piece.data() + skip, piece.size() - skip);
    }
    m_notifier.setEnabled(pending() > 0);
}

void ClientWriter::onWritable()
{
    iovec rest{m_queue.data() + m_sent, size_t(pending())};
    const ssize_t n = sendVector(m_socket, &rest, 1);
    afterSend(n);
    if (m_failed || n <= 0)
        return;
    m_sent += n;
    if (pending() > 0)
        return;
    m_queue.clear();
    m_sent = 0;
    m_notifier.setEnabled(false);
    Q_EMIT drained();
}

void ClientWriter::afterSend(ssize_t result)
{
    if (result >= 0 || errno == EAGAIN || errno == EWOULDBLOCK)
        return;
    stop(); // the client hung up: nothing more can reach it
    Q_EMIT failed();
}

void ClientWriter::stop()
{
    m_failed = true;
    m_notifier.setEnabled(false);
    m_queue.clear();
    m_sent = 0;
}

} // namespace hako::proxy
