#include "memorywatch.h"

#include <QFile>

#include <chrono>
#include <csignal>

MemoryWatch::MemoryWatch(qint64 pid, qint64 ceilingBytes)
    : m_pid(pid), m_ceiling(ceilingBytes), m_thread([this] { poll(); })
{}

MemoryWatch::~MemoryWatch()
{
    stop();
}

qint64 MemoryWatch::read(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field)) // "VmHWM:\t  123456 kB"
            return line.mid(qstrlen(field)).simplified().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

void MemoryWatch::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void MemoryWatch::poll()
{
    while (!m_stop) {
        const qint64 hwm = read(m_pid, "VmHWM:");
        if (hwm > m_peak)
            m_peak = hwm;
        if (hwm > m_ceiling && !m_killed) {
            ::kill(pid_t(m_pid), SIGKILL);
            m_killed = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}
