// A bound on how many engine CLI processes run at once. A hundred
// conversations ended together meant a hundred `docker rm`s at once: on two
// cores dockerd answered none of half of them within the 30 s command
// timeout, and those ends failed although the containers went. In line, each
// is quick, and a command's timeout counts from when it starts, not while it waits.
#pragma once

#include <QList>

#include <functional>

namespace hako {

class CommandQueue
{
public:
    // Given to a launched command; it calls this once, when its process has ended.
    using Release = std::function<void()>;
    using Launch = std::function<void(Release)>;

    explicit CommandQueue(int limit) : m_limit(limit > 0 ? limit : 1) {}
    CommandQueue(const CommandQueue &) = delete;
    CommandQueue &operator=(const CommandQueue &) = delete;

    // Runs `launch` now if a slot is free, else when one frees, in order.
    void submit(Launch launch);
    int running() const { return m_running; }
    int waiting() const { return int(m_waiting.size()); }

private:
    void pump();

    int m_limit;
    int m_running = 0;
    QList<Launch> m_waiting;
};

} // namespace hako
