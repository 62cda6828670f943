#include "credentials.h"

#include "proxylog.h"
#include "refusal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

namespace hako::proxy {

namespace {

constexpr qint64 kFirstBackoffMs = 1000;
constexpr qint64 kMaxBackoffMs = 5 * 60 * 1000;

QString credentialsFile(const QString &configured)
{
    if (configured.isEmpty())
        return QDir::homePath() + QStringLiteral("/.aws/credentials");
    if (configured.startsWith(QLatin1String("~/")))
        return QDir::homePath() + configured.mid(1);
    return configured;
}

hako::Error credentialError(const char *text, const QString &arg = {})
{
    return proxyError(reasonCode(Reason::CredentialsUnavailable), text, arg);
}

// "[name]" in the credentials file, "[profile name]" as in the config file.
bool isSection(const QByteArray &line, const QByteArray &profile)
{
    if (!line.startsWith('[') || !line.endsWith(']'))
        return false;
    const QByteArray name = line.mid(1, line.size() - 2).trimmed();
    return name == profile || name == "profile " + profile;
}

} // namespace

hako::Error parseSharedCredentials(const QByteArray &text, const QString &profile, AwsCredentials *out)
{
    const QByteArray wanted = profile.toUtf8();
    bool inSection = false;
    bool found = false;
    QByteArray secret, token;
    for (const QByteArray &raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith('[')) {
            inSection = isSection(line, wanted);
            found = found || inSection;
            continue;
        }
        const qsizetype eq = line.indexOf('=');
        if (!inSection || eq < 0 || line.startsWith('#') || line.startsWith(';'))
            continue;
        const QByteArray key = line.left(eq).trimmed().toLower();
        const QByteArray value = line.mid(eq + 1).trimmed();
        if (key == "aws_access_key_id")
            out->accessKeyId = value;
        else if (key == "aws_secret_access_key")
            secret = value;
        else if (key == "aws_session_token" || key == "aws_security_token")
            token = value;
    }
    const bool complete = !out->accessKeyId.isEmpty() && !secret.isEmpty();
    if (complete) {
        out->secretAccessKey = SecretBuffer::create(secret);
        out->sessionToken = token.isEmpty() ? nullptr : SecretBuffer::create(token);
    }
    cleanse(secret);
    cleanse(token);
    if (complete)
        return {};
    return credentialError(
            found ? QT_TRANSLATE_NOOP("hako", "Profile \"%1\" lacks aws_access_key_id or aws_secret_access_key.")
                  : QT_TRANSLATE_NOOP("hako", "Profile \"%1\" was not found in the credentials file."),
            profile);
}

// QJsonDocument's own copies are freed unwiped; the caller's buffer and ours
// are cleansed.
hako::Error parseProcessOutput(const QByteArray &json, AwsCredentials *out)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    QByteArray secret = o.value(QLatin1String("SecretAccessKey")).toString().toUtf8();
    QByteArray token = o.value(QLatin1String("SessionToken")).toString().toUtf8();
    const QString expiration = o.value(QLatin1String("Expiration")).toString();
    out->accessKeyId = o.value(QLatin1String("AccessKeyId")).toString().toUtf8();
    out->expiration = QDateTime::fromString(expiration, Qt::ISODate);
    const bool ok = o.value(QLatin1String("Version")).toInt() == 1 && !out->accessKeyId.isEmpty() && !secret.isEmpty()
                    && (expiration.isEmpty() || out->expiration.isValid());
    if (ok) {
        out->secretAccessKey = SecretBuffer::create(secret);
        out->sessionToken = token.isEmpty() ? nullptr : SecretBuffer::create(token);
    }
    cleanse(secret);
    cleanse(token);
    if (ok)
        return {};
    return credentialError(QT_TRANSLATE_NOOP("hako", "credential_process output is not AWS's Version 1 JSON with "
                                                     "AccessKeyId, SecretAccessKey and a valid Expiration."));
}

qint64 credentialBackoffMs(int failures)
{
    return qMin(kFirstBackoffMs << qBound(0, failures - 1, 20), kMaxBackoffMs);
}

CredentialSource::CredentialSource(CredentialConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    if (m_config.source == CredentialConfig::Source::Settings)
        m_current = m_config.fixed;
}

CredentialSource::~CredentialSource()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

bool CredentialSource::usable(const AwsCredentials &c, int marginSecs) const
{
    return !c.expiration.isValid() || QDateTime::currentDateTimeUtc().addSecs(marginSecs) < c.expiration;
}

std::shared_ptr<const AwsCredentials> CredentialSource::current()
{
    if (m_config.source == CredentialConfig::Source::Profile)
        loadProfile();
    if (m_config.source == CredentialConfig::Source::Process && m_current
        && !usable(*m_current, m_config.refreshMarginSecs) && !backingOff())
        startProcess(); // refresh early; keep serving until it really expires
    return m_current && usable(*m_current, 0) ? m_current : nullptr;
}

void CredentialSource::fetch()
{
    switch (m_config.source) {
    case CredentialConfig::Source::Settings:
        return m_current ? Q_EMIT ready()
                         : fail(credentialError(QT_TRANSLATE_NOOP("hako", "No access key configured in settings.")));
    case CredentialConfig::Source::Profile:
        loadProfile();
        return m_current ? Q_EMIT ready()
                         : fail(credentialError(QT_TRANSLATE_NOOP("hako", "No usable AWS profile credentials.")));
    case CredentialConfig::Source::Process: return backingOff() ? Q_EMIT failed(m_lastError) : startProcess();
    case CredentialConfig::Source::None:
        return fail(credentialError(QT_TRANSLATE_NOOP("hako", "The credential proxy is turned off.")));
    }
}

bool CredentialSource::backingOff() const
{
    return m_retryAt.isValid() && QDateTime::currentDateTimeUtc() < m_retryAt;
}

void CredentialSource::loadProfile()
{
    const QString path = credentialsFile(m_config.file);
    const QFileInfo info(path);
    if (m_current && info.lastModified() == m_fileModified)
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!std::exchange(m_fileUnreadable, true))
            qCWarning(lcProxy) << "cannot read credentials file" << path;
        m_current = nullptr;
        return;
    }
    m_fileUnreadable = false;
    QByteArray text = file.readAll();
    AwsCredentials c;
    if (const hako::Error error = parseSharedCredentials(text, m_config.profile, &c))
        qCWarning(lcProxy).noquote() << "profile credentials unusable:" << error.logMessage;
    else
        store(std::move(c));
    cleanse(text);
    m_fileModified = info.lastModified();
}

void CredentialSource::startProcess()
{
    if (m_process)
        return;
    QStringList argv = QProcess::splitCommand(m_config.process);
    if (argv.isEmpty())
        return fail(credentialError(QT_TRANSLATE_NOOP("hako", "credentials.process is empty.")));
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::finished, this, &CredentialSource::processFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            processFinished();
    });
    QTimer::singleShot(m_config.processTimeoutMs, m_process, &QProcess::kill);
    const QString program = argv.takeFirst();
    m_process->start(program, argv);
}

void CredentialSource::processFinished()
{
    QProcess *process = std::exchange(m_process, nullptr);
    process->deleteLater();
    QByteArray out = process->readAllStandardOutput();
    AwsCredentials c;
    const bool exited = process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0;
    const hako::Error error =
            exited ? parseProcessOutput(out, &c)
                   : credentialError(QT_TRANSLATE_NOOP("hako", "credential_process failed (exit status %1)."),
                                     QString::number(process->exitCode()));
    cleanse(out);
    if (error) {
        ++m_failedRuns;
        const qint64 backoffMs = credentialBackoffMs(m_failedRuns);
        m_retryAt = QDateTime::currentDateTimeUtc().addMSecs(backoffMs);
        qCWarning(lcProxy).noquote() << "credential refresh failed:" << error.logMessage << "- next try in" << backoffMs
                                     << "ms";
        return fail(error);
    }
    store(std::move(c));
    Q_EMIT ready();
}

void CredentialSource::check()
{
    if (m_config.source != CredentialConfig::Source::None && !current() && !m_process)
        fetch();
}

CredentialStatus CredentialSource::status() const
{
    static const char *const names[] = {"settings", "profile", "process", "none"};
    CredentialStatus s;
    s.source = QLatin1String(names[int(m_config.source)]);
    s.usable = m_current && usable(*m_current, 0);
    if (s.usable)
        s.expiration = m_current->expiration;
    s.lastError = m_lastError.message;
    s.lastFailure = m_lastFailure;
    s.lastSuccess = m_lastSuccess;
    s.consecutiveFailures = m_failedRuns;
    s.retryAt = m_retryAt;
    return s;
}

void CredentialSource::fail(const hako::Error &error)
{
    m_lastError = error;
    m_lastFailure = QDateTime::currentDateTimeUtc();
    Q_EMIT failed(error);
}

void CredentialSource::store(AwsCredentials credentials)
{
    m_lastError = {};
    m_failedRuns = 0;
    m_retryAt = {};
    m_lastSuccess = QDateTime::currentDateTimeUtc();
    m_current = std::make_shared<const AwsCredentials>(std::move(credentials));
    if (m_config.source != CredentialConfig::Source::Process || !m_current->expiration.isValid())
        return;
    const qint64 inMs =
            QDateTime::currentDateTimeUtc().msecsTo(m_current->expiration.addSecs(-m_config.refreshMarginSecs));
    // At least 10 s apart, so credentials that are always near expiry cannot
    // turn the refresh into a busy loop.
    QTimer::singleShot(int(qBound(qint64(10000), inMs, qint64(24) * 3600 * 1000)), this,
                       &CredentialSource::startProcess);
}

} // namespace hako::proxy
