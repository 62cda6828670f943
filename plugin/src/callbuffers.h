// What the host keeps of one call's output and download. The agent enforces
// the same limits, but it runs in the container and is not trusted: whatever
// it sends, this holds at most `outputLimit` (plus room for the agent's
// truncation marker and the host's own) per output stream and at most
// `transferLimit` of a download, and says when the agent went past them.
#pragma once

#include <QByteArray>

namespace hako {

class CallBuffers
{
public:
    enum class Stream { Stdout, Stderr };
    enum class Status {
        Ok,
        Overrun,  // output kept arriving well past the limit: no conforming agent does that
        TooLarge, // the download went past the transfer limit
    };

    // The agent appends "[hako: output truncated: N bytes not shown]" after
    // the limit; this much more is kept so that its marker survives.
    static constexpr qint64 kMarkerRoom = 256;
    // Output past the limit that is dropped before the call is given up on.
    static constexpr qint64 kOverrunAllowance = 1 << 20;
    static const QByteArray &hostMarker();

    CallBuffers(qint64 outputLimit, qint64 transferLimit);

    // Keeps what fits of `chunk`, and the host's marker once when the rest is
    // dropped; returns the kept bytes, the ones to show as they arrive.
    QByteArray addOutput(Stream stream, const QByteArray &chunk, Status *status);
    // Counts a download chunk and, with `keep`, holds it for the result.
    Status addDownload(const QByteArray &chunk, bool keep);

    const QByteArray &output(Stream stream) const { return part(stream).kept; }
    const QByteArray &download() const { return m_download; }
    qint64 downloaded() const { return m_downloaded; }
    // Output bytes the host dropped: the result says "truncated" when any were.
    qint64 dropped() const { return m_dropped; }

private:
    struct Part
    {
        QByteArray kept;
        bool full = false; // the limit was reached: the rest is dropped
    };
    Part &part(Stream stream) { return stream == Stream::Stdout ? m_stdout : m_stderr; }
    const Part &part(Stream stream) const { return stream == Stream::Stdout ? m_stdout : m_stderr; }

    const qint64 m_outputLimit;
    const qint64 m_transferLimit;
    Part m_stdout;
    Part m_stderr;
    QByteArray m_download;
    qint64 m_downloaded = 0;
    qint64 m_dropped = 0;
};

} // namespace hako
