// What every connection of one proxy holds at once, counted against
// ProxyBounds: connection slots per listening socket (one per sandbox) and
// buffered request bytes, both in all and per socket. The counts live here,
// shared by the sessions; each session holds one Lease, which gives back all
// it holds when it is destroyed, whatever path ended the connection.
#pragma once

#include "proxyconfig.h"

#include <QHash>
#include <QString>

#include <memory>

namespace hako::proxy {

class ProxyBudget
{
public:
    class Lease
    {
    public:
        Lease(std::shared_ptr<ProxyBudget> budget, const ProxyBounds &bounds, QString socket);
        ~Lease();
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;

        // Takes one of the socket's connection slots; false when all are held.
        bool holdConnection();
        // Sets this connection's reservation to bytes (up or down); false,
        // and nothing changes, when growing it would pass a bound.
        bool reserve(qint64 bytes);
        void releaseBytes() { reserve(0); }

    private:
        std::shared_ptr<ProxyBudget> m_budget;
        ProxyBounds m_bounds;
        QString m_socket;
        bool m_connection = false;
        qint64 m_bytes = 0;
    };

    qint64 bufferedBytes() const { return m_bytes; }
    int connections(const QString &socket) const { return m_sockets.value(socket).connections; }

private:
    struct Usage
    {
        int connections = 0;
        qint64 bytes = 0;
    };
    void drop(const QString &socket); // forgets a socket nothing is held on

    QHash<QString, Usage> m_sockets;
    qint64 m_bytes = 0;
};

} // namespace hako::proxy
