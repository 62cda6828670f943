// The MCP stdio transport: one JSON-RPC message per line on stdin and stdout,
// read from the event loop so that calls in flight keep running meanwhile.
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace hako::host {

class StdioChannel final : public QObject
{
    Q_OBJECT
public:
    // Bounds memory yet leaves room for a write_file at the default transfer limit.
    static constexpr qsizetype kDefaultMaxLine = qsizetype(1) << 30;

    // A line longer than `maxLine` is dropped and reported as oversized.
    StdioChannel(int inputFd, int outputFd, qsizetype maxLine, QObject *parent = nullptr);

    // Writes one message and its newline; false once the reader has gone.
    bool write(const QByteArray &message);

Q_SIGNALS:
    void received(const QByteArray &message);
    void oversized();
    void closed();

private:
    void readAvailable();
    void takeLines();

    int m_in;
    int m_out;
    qsizetype m_maxLine;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    bool m_discarding = false; // inside an oversized line, until its newline
    bool m_outputGone = false;
};

} // namespace hako::host
