// AWS credentials for SigV4, held only in this process's locked memory.
//
// Sources (the credentials.* settings):
//   settings  access key id, secret and optional session token given in settings
//   profile   a profile of an AWS shared-credentials file (re-read when it changes)
//   process   a credential_process command printing AWS's JSON
//             {"Version":1,"AccessKeyId","SecretAccessKey","SessionToken","Expiration"};
//             refreshed in the background before Expiration. After a failed
//             run it is not run again for 1 s, doubling with each further
//             failure up to 5 min; requests meanwhile get the last failure.
// Nothing here logs or returns a secret; errors ("credentials_unavailable")
// name only the file, profile or exit status.
#pragma once

#include "secretbuffer.h"

#include <hako/error.h>

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class QProcess;

namespace hako::proxy {

struct AwsCredentials
{
    QByteArray accessKeyId;
    std::shared_ptr<const SecretBuffer> secretAccessKey;
    std::shared_ptr<const SecretBuffer> sessionToken; // null when none
    QDateTime expiration;                             // invalid: does not expire
};

struct CredentialConfig
{
    // None: no credentials and no proxy; nothing is read or run.
    enum class Source { Settings, Profile, Process, None };
    Source source = Source::Profile;
    std::shared_ptr<const AwsCredentials> fixed; // Source::Settings
    QString profile = QStringLiteral("default");
    QString file; // empty: ~/.aws/credentials
    QString process;
    int refreshMarginSecs = 300; // refresh this long before Expiration
    int processTimeoutMs = 30000;
};

// Parsers, exposed for tests. They return a null error on success, else an
// error that contains no secret.
hako::Error parseSharedCredentials(const QByteArray &text, const QString &profile, AwsCredentials *out);
hako::Error parseProcessOutput(const QByteArray &json, AwsCredentials *out);

// How long to wait before the next attempt after `failures` failed ones in
// a row (1 s, doubling, at most 5 min); also for STS AssumeRole.
qint64 credentialBackoffMs(int failures);

// What /healthz and doctor may know about the credentials: never a key.
struct CredentialStatus
{
    QString source;       // settings, profile, process or none
    bool usable = false;  // credentials are held and not expired
    QDateTime expiration; // invalid: they do not expire, or none are held
    QString lastError;    // translated, from the last failed load or refresh
    QDateTime lastFailure;
    QDateTime lastSuccess;
    int consecutiveFailures = 0; // credential_process runs that failed since the last success
    QDateTime retryAt;           // valid while backing off: no run before then
};

class CredentialSource : public QObject
{
    Q_OBJECT

public:
    explicit CredentialSource(CredentialConfig config, QObject *parent = nullptr);
    ~CredentialSource() override;

    // Usable credentials now, or null: then call fetch() and wait for ready()
    // or failed(). Starts a background refresh when expiry is near.
    std::shared_ptr<const AwsCredentials> current();
    void fetch();
    // Brings the state up to date as a request would: re-reads a changed
    // profile, starts a due refresh, fetches when nothing usable is held.
    void check();
    CredentialStatus status() const;

Q_SIGNALS:
    void ready();
    void failed(const hako::Error &error);

private:
    bool usable(const AwsCredentials &c, int marginSecs) const;
    bool backingOff() const;
    void loadProfile();
    void startProcess();
    void processFinished();
    void store(AwsCredentials credentials);
    void fail(const hako::Error &error);

    CredentialConfig m_config;
    std::shared_ptr<const AwsCredentials> m_current;
    QDateTime m_fileModified;
    bool m_fileUnreadable = false; // reported once until it can be read again
    QProcess *m_process = nullptr;
    hako::Error m_lastError;
    QDateTime m_lastFailure;
    int m_failedRuns = 0; // credential_process runs that failed since the last success
    QDateTime m_retryAt;
    QDateTime m_lastSuccess;
};

} // namespace hako::proxy
