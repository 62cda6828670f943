// Watches one host process's memory from a thread of its own while the test
// waits for it: the peak (VmHWM, which the kernel keeps, so no spike between
// two polls is lost as long as the process is read once more before it ends)
// and a ceiling past which the process is killed, so that an unbounded host
// fails the test instead of taking the machine down.
#pragma once

#include <QtGlobal>

#include <atomic>
#include <thread>

class MemoryWatch
{
public:
    MemoryWatch(qint64 pid, qint64 ceilingBytes);
    ~MemoryWatch();

    // VmRSS or VmHWM of a process now; -1 if it is gone.
    static qint64 read(qint64 pid, const char *field);

    void stop();
    qint64 peakBytes() const { return m_peak; }
    bool killedAtCeiling() const { return m_killed; }

private:
    void poll();

    qint64 m_pid;
    qint64 m_ceiling;
    std::atomic<qint64> m_peak{0};
    std::atomic<bool> m_killed{false};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};
