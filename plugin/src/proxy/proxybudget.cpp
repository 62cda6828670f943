#include "proxybudget.h"

namespace hako::proxy {

ProxyBudget::Lease::Lease(std::shared_ptr<ProxyBudget> budget, const ProxyBounds &bounds, QString socket)
    : m_budget(std::move(budget)), m_bounds(bounds), m_socket(std::move(socket))
{}

ProxyBudget::Lease::~Lease()
{
    releaseBytes();
    if (m_connection) {
        --m_budget->m_sockets[m_socket].connections;
        m_budget->drop(m_socket);
    }
}

bool ProxyBudget::Lease::holdConnection()
{
    if (m_connection)
        return true;
    Usage &usage = m_budget->m_sockets[m_socket];
    if (usage.connections >= m_bounds.maxConnections) {
        m_budget->drop(m_socket);
        return false;
    }
    ++usage.connections;
    m_connection = true;
    return true;
}

bool ProxyBudget::Lease::reserve(qint64 bytes)
{
    const qint64 delta = bytes - m_bytes;
    if (delta == 0)
        return true;
    Usage &usage = m_budget->m_sockets[m_socket];
    if (delta > 0
        && (m_budget->m_bytes + delta > m_bounds.maxBufferedBytes
            || usage.bytes + delta > m_bounds.maxBufferedPerSocket)) {
        m_budget->drop(m_socket);
        return false;
    }
    usage.bytes += delta;
    m_budget->m_bytes += delta;
    m_bytes = bytes;
    m_budget->drop(m_socket);
    return true;
}

void ProxyBudget::drop(const QString &socket)
{
    const auto it = m_sockets.constFind(socket);
    if (it != m_sockets.cend() && it->connections == 0 && it->bytes == 0)
        m_sockets.erase(it);
}

} // namespace hako::proxy
