#include "stscall.h"

#include "proxylog.h"
#include "refusal.h"
#include "secretbuffer.h"
#include "sigv4.h"
#include "upstream.h"

namespace hako::proxy {

namespace {

constexpr qsizetype kMaxResponse = 64 * 1024;

} // namespace

StsCall::StsCall(const AssumeRoleConfig &config, const StsTransport &transport, QObject *parent)
    : QObject(parent), m_config(config), m_transport(transport)
{}

void StsCall::start(const AwsCredentials &base, const QByteArray &sessionName)
{
    QByteArray body = assumeRoleBody(m_config, sessionName);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray payloadHash = sigv4::sha256Hex(body);
    HeaderList headers{{"host", m_config.host},
                       {"content-type", "application/x-www-form-urlencoded; charset=utf-8"},
                       {"x-amz-date", sigv4::amzDate(now)},
                       {"x-amz-content-sha256", payloadHash}};
    if (base.sessionToken)
        headers.append({"x-amz-security-token", base.sessionToken->view().toByteArray()});
    const SigV4Signature s = sigv4::sign({"POST", "/", {}, headers, payloadHash}, {m_config.region, "sts", now, false},
                                         {base.accessKeyId, base.secretAccessKey->view()});
    QByteArray head = "POST / HTTP/1.1\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "authorization: " + s.authorization + "\r\ncontent-length: " + QByteArray::number(body.size())
            + "\r\nconnection: close\r\n\r\n";

    m_exchange = new UpstreamExchange(m_transport.tls, m_transport.timeouts, this);
    connect(m_exchange, &UpstreamExchange::responseHead, this,
            [this](int status, const QByteArray &, const HeaderList &, qint64) { m_status = status; });
    connect(m_exchange, &UpstreamExchange::responseData, this, [this](QByteArrayView data) {
        if (m_finished)
            return;
        if (m_response.size() + data.size() > kMaxResponse)
            return finish(proxyError(reasonCode(Reason::CredentialsUnavailable),
                                     QT_TRANSLATE_NOOP("hako", "STS AssumeRole failed (%1)."),
                                     QStringLiteral("response too large")));
        m_response.append(data);
    });
    connect(m_exchange, &UpstreamExchange::finished, this, [this] {
        AwsCredentials c;
        const hako::Error error = parseAssumeRoleResponse(m_status, m_response, &c);
        if (!error)
            m_credentials = std::make_shared<const AwsCredentials>(std::move(c));
        finish(error);
    });
    connect(m_exchange, &UpstreamExchange::failed, this, [this](Reason reason) {
        finish(proxyError(reasonCode(Reason::CredentialsUnavailable),
                          QT_TRANSLATE_NOOP("hako", "STS AssumeRole failed (%1)."), QLatin1String(reasonCode(reason))));
    });
    const UpstreamTarget target = UpstreamTarget::resolve(QString::fromLatin1(m_config.host), m_transport.connectTo);
    m_exchange->start(target, std::move(head), std::move(body), false);
}

// The answer holds the new secrets: wiped before it goes.
void StsCall::finish(const hako::Error &error)
{
    if (std::exchange(m_finished, true))
        return;
    m_exchange->setPaused(true);
    m_exchange->deleteLater();
    cleanse(m_response);
    if (error)
        qCWarning(lcProxy).noquote() << "AssumeRole failed:" << error.logMessage;
    Q_EMIT done(error);
}

} // namespace hako::proxy
