// One STS AssumeRole request, signed with the base credentials and sent like
// any upstream request (verified TLS, proxy.caFile, proxy.connectTo). The
// answer is read into a bounded buffer: STS's is a few KiB.
#pragma once

#include "assumerole.h"
#include "proxyconfig.h"

#include <hako/error.h>

#include <QObject>

#include <memory>

namespace hako::proxy {

class TlsContext;
class UpstreamExchange;

// How the host reaches STS: as it reaches every upstream.
struct StsTransport
{
    std::shared_ptr<const TlsContext> tls;
    ProxyTimeouts timeouts;
    QList<ConnectTo> connectTo;
};

class StsCall : public QObject
{
    Q_OBJECT

public:
    StsCall(const AssumeRoleConfig &config, const StsTransport &transport, QObject *parent = nullptr);

    void start(const AwsCredentials &base, const QByteArray &sessionName);
    // After done() without an error.
    std::shared_ptr<const AwsCredentials> credentials() const { return m_credentials; }

Q_SIGNALS:
    void done(const hako::Error &error);

private:
    void finish(const hako::Error &error);

    const AssumeRoleConfig &m_config;
    const StsTransport &m_transport;
    UpstreamExchange *m_exchange = nullptr;
    int m_status = 0;
    QByteArray m_response;
    std::shared_ptr<const AwsCredentials> m_credentials;
    bool m_finished = false;
};

} // namespace hako::proxy
