#include "rolesessions.h"

#include "credentials.h"
#include "proxylog.h"
#include "refusal.h"

#include <algorithm>

namespace hako::proxy {

namespace {

bool expiresWithin(const AwsCredentials &c, int secs)
{
    return QDateTime::currentDateTimeUtc().addSecs(secs) >= c.expiration;
}

} // namespace

RoleSessions::RoleSessions(AssumeRoleConfig config, CredentialSource *base, StsTransport transport,
                           int refreshMarginSecs, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_base(base), m_transport(std::move(transport)),
      m_refreshMarginSecs(refreshMarginSecs)
{
    connect(m_base, &CredentialSource::ready, this, &RoleSessions::onBaseReady);
    connect(m_base, &CredentialSource::failed, this, &RoleSessions::onBaseFailed);
}

void RoleSessions::open(const QString &socket, const QString &conversationKey)
{
    m_sessions[socket].name = roleSessionName(conversationKey);
}

// Requests still waiting for the session are answered, not left hanging.
void RoleSessions::close(const QString &socket)
{
    const bool waited = m_awaitingBase.remove(socket);
    const Session session = m_sessions.take(socket);
    if (session.call) {
        session.call->disconnect(this);
        session.call->deleteLater();
    }
    if (waited || session.call)
        Q_EMIT failed(socket, refusalError(Reason::CredentialsUnavailable));
}

std::shared_ptr<const AwsCredentials> RoleSessions::current(const QString &socket)
{
    const auto it = m_sessions.find(socket);
    if (it == m_sessions.end() || !it->credentials)
        return nullptr;
    const bool backingOff = it->retryAt.isValid() && QDateTime::currentDateTimeUtc() < it->retryAt;
    if (expiresWithin(*it->credentials, m_refreshMarginSecs) && !it->call && !backingOff)
        assume(socket, *it); // refresh early; keep serving until they really expire
    return expiresWithin(*it->credentials, 0) ? nullptr : it->credentials;
}

void RoleSessions::fetch(const QString &socket)
{
    const auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return Q_EMIT failed(socket, refusalError(Reason::CredentialsUnavailable));
    if (it->call || m_awaitingBase.contains(socket))
        return; // its answer is on the way
    if (it->retryAt.isValid() && QDateTime::currentDateTimeUtc() < it->retryAt)
        return Q_EMIT failed(socket, it->lastError);
    assume(socket, *it);
}

int RoleSessions::usableCount() const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
                             [](const Session &s) { return s.credentials && !expiresWithin(*s.credentials, 0); }));
}

void RoleSessions::assume(const QString &socket, Session &session)
{
    const std::shared_ptr<const AwsCredentials> base = m_base->current();
    if (!base) {
        m_awaitingBase.insert(socket);
        if (m_awaitingBase.size() == 1)
            m_base->fetch(); // may answer at once
        return;
    }
    auto *call = new StsCall(m_config, m_transport, this);
    session.call = call;
    connect(call, &StsCall::done, this,
            [this, socket, call](const hako::Error &error) { onCallDone(socket, call, error); });
    call->start(*base, session.name);
}

void RoleSessions::onCallDone(const QString &socket, StsCall *call, const hako::Error &error)
{
    call->deleteLater();
    const auto it = m_sessions.find(socket);
    if (it == m_sessions.end() || it->call != call)
        return;
    it->call = nullptr;
    if (error) {
        ++it->failures;
        it->lastError = error;
        it->retryAt = QDateTime::currentDateTimeUtc().addMSecs(credentialBackoffMs(it->failures));
        Q_EMIT assumeRoleFailed();
        return Q_EMIT failed(socket, error);
    }
    it->credentials = call->credentials();
    it->failures = 0;
    it->retryAt = {};
    it->lastError = {};
    qCInfo(lcProxy).noquote() << "STS session" << it->name << "until"
                              << it->credentials->expiration.toString(Qt::ISODate);
    Q_EMIT ready(socket);
}

void RoleSessions::onBaseReady()
{
    for (const QString &socket : std::exchange(m_awaitingBase, {})) {
        const auto it = m_sessions.find(socket);
        if (it != m_sessions.end())
            assume(socket, *it);
    }
}

// Not counted as this conversation's STS failure: the base credentials back
// off on their own.
void RoleSessions::onBaseFailed(const hako::Error &error)
{
    for (const QString &socket : std::exchange(m_awaitingBase, {}))
        Q_EMIT failed(socket, error);
}

} // namespace hako::proxy
