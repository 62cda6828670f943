// The admin HTTP endpoints (QtHttpServer, plain TCP): GET /metrics in the
// Prometheus text format and GET /healthz as JSON (503 when down). Off unless
// `admin.listen` names an address; an address without a host binds loopback.
#pragma once

#include <hako/error.h>

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <functional>

class QHttpServer;

namespace hako::telemetry {

struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;
};

// "127.0.0.1:9464", "[::1]:9464", "localhost:9464", ":9464" or "9464" (the last
// two on loopback); false for anything else, hostnames other than localhost included.
bool parseListenAddress(const QString &text, ListenAddress *address);

class AdminServer final : public QObject
{
    Q_OBJECT
public:
    using Metrics = std::function<QByteArray()>;
    using Health = std::function<QJsonObject()>;

    AdminServer(Metrics metrics, Health health, QObject *parent = nullptr);
    ~AdminServer() override;

    // Serves on `address` (replacing any previous listener); why not when the
    // address cannot be bound.
    Error listen(const ListenAddress &address);
    void close();
    // "HOST:PORT" actually bound (port 0 resolved), empty when not serving.
    QString address() const;

private:
    Metrics m_metrics;
    Health m_health;
    QHttpServer *m_server = nullptr;
};

} // namespace hako::telemetry
