#include "adminserver.h"

#include "../logging.h"
#include "../policy/errors.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QTcpServer>

namespace hako::telemetry {
namespace {

constexpr char kExpositionType[] = "text/plain; version=0.0.4; charset=utf-8";

} // namespace

bool parseListenAddress(const QString &text, ListenAddress *address)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]]*):)?([0-9]{1,5})$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    const uint port = m.captured(2).toUInt();
    QString host = m.captured(1);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    if (port > 65535)
        return false;
    if (host.isEmpty() || host == QLatin1String("localhost"))
        address->host = QHostAddress(QHostAddress::LocalHost);
    else if (!address->host.setAddress(host))
        return false;
    address->port = quint16(port);
    return true;
}

AdminServer::AdminServer(Metrics metrics, Health health, QObject *parent)
    : QObject(parent), m_metrics(std::move(metrics)), m_health(std::move(health))
{}

AdminServer::~AdminServer()
{
    close();
}

Error AdminServer::listen(const ListenAddress &where)
{
    close();
    auto *tcp = new QTcpServer;
    if (!tcp->listen(where.host, where.port)) {
        const Error error = makeError(ErrorCode::AdminListen, {where.host.toString(), QString::number(where.port)},
                                      tcp->errorString());
        delete tcp;
        return error;
    }
    m_server = new QHttpServer(this);
    m_server->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
                    [this] { return QHttpServerResponse(kExpositionType, m_metrics()); });
    m_server->route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [this] {
        const QJsonObject health = m_health();
        const bool down = health.value(QLatin1String("status")).toString() == QLatin1String("down");
        return QHttpServerResponse(health, down ? QHttpServerResponse::StatusCode::ServiceUnavailable
                                                : QHttpServerResponse::StatusCode::Ok);
    });
    tcp->setParent(m_server); // servers() lists the server's QTcpServer children
    m_server->bind(tcp);
    qCInfo(lcAdmin).noquote() << "serving /metrics and /healthz on" << QStringLiteral("http://%1/").arg(address());
    return {};
}

void AdminServer::close()
{
    delete m_server;
    m_server = nullptr;
}

QString AdminServer::address() const
{
    if (!m_server || m_server->servers().isEmpty())
        return {};
    const QTcpServer *tcp = m_server->servers().constFirst();
    const QHostAddress host = tcp->serverAddress();
    const QString text = host.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + host.toString() + QLatin1Char(']')
                                 : host.toString();
    return text + QLatin1Char(':') + QString::number(tcp->serverPort());
}

} // namespace hako::telemetry
