#include "stdiochannel.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace hako::host {

StdioChannel::StdioChannel(int inputFd, int outputFd, qsizetype maxLine, QObject *parent)
    : QObject(parent), m_in(inputFd), m_out(outputFd), m_maxLine(maxLine)
{
    // A client that goes away must not kill the server before it has removed
    // its containers: a failed write reports EPIPE instead.
    ::signal(SIGPIPE, SIG_IGN);
    m_notifier = new QSocketNotifier(m_in, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StdioChannel::readAvailable);
}

bool StdioChannel::write(const QByteArray &message)
{
    const QByteArray line = message + '\n';
    qsizetype done = 0;
    while (!m_outputGone && done < line.size()) {
        const ssize_t n = ::write(m_out, line.constData() + done, size_t(line.size() - done));
        if (n > 0)
            done += n;
        else if (n < 0 && errno != EINTR)
            m_outputGone = true;
    }
    return !m_outputGone;
}

void StdioChannel::readAvailable()
{
    // The notifier said readable, so one read() does not block.
    char chunk[65536];
    const ssize_t n = ::read(m_in, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        m_notifier->setEnabled(false);
        m_buffer.append('\n'); // a last message may lack its newline
        takeLines();
        Q_EMIT closed();
        return;
    }
    m_buffer.append(chunk, n);
    takeLines();
}

void StdioChannel::takeLines()
{
    qsizetype start = 0;
    for (qsizetype end; (end = m_buffer.indexOf('\n', start)) >= 0; start = end + 1) {
        if (m_discarding) {
            m_discarding = false;
            continue;
        }
        QByteArray line = m_buffer.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            Q_EMIT received(line);
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > m_maxLine) {
        m_buffer.clear();
        if (!m_discarding)
            Q_EMIT oversized();
        m_discarding = true;
    }
}

} // namespace hako::host
