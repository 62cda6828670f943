#include "commandqueue.h"

#include <memory>

namespace hako {

void CommandQueue::submit(Launch launch)
{
    m_waiting.append(std::move(launch));
    pump();
}

void CommandQueue::pump()
{
    while (m_running < m_limit && !m_waiting.isEmpty()) {
        const Launch launch = m_waiting.takeFirst();
        ++m_running;
        // Released at most once, even if a command reports its end twice.
        auto released = std::make_shared<bool>(false);
        launch([this, released] {
            if (std::exchange(*released, true))
                return;
            --m_running;
            pump();
        });
    }
}

} // namespace hako
