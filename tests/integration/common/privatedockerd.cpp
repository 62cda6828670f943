#include "privatedockerd.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace {

QString dockerCli() { return QStringLiteral("docker"); }

} // namespace

PrivateDockerd::PrivateDockerd(const QJsonObject &config) : m_dir(QDir::tempPath() + QStringLiteral("/hako-dockerd-XXXXXX"))
{
    QFile file(m_dir.filePath(QStringLiteral("daemon.json")));
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(config).toJson());
}

PrivateDockerd::~PrivateDockerd()
{
    // After a kill, a fresh start finds the survivors so that they can be removed.
    if (m_killed && !isRunning())
        start();
    if (isRunning()) {
        // Its containers go with it; nothing of it may outlive the test.
        QByteArray ids;
        if (docker({QStringLiteral("ps"), QStringLiteral("-aq")}, &ids) == 0 && !ids.trimmed().isEmpty())
            docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")}
                   + QString::fromLatin1(ids).split(QLatin1Char('\n'), Qt::SkipEmptyParts));
        if (!stop())
            kill();
    }
    delete m_process;
}

QString PrivateDockerd::host() const { return QStringLiteral("unix://") + m_dir.filePath(QStringLiteral("docker.sock")); }

bool PrivateDockerd::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

bool PrivateDockerd::start(int timeoutMs)
{
    if (isRunning())
        return true;
    delete m_process;
    m_process = new QProcess;
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("dockerd.log")), QIODevice::Append);
    // If the test dies, so does its daemon (which then stops its containerd).
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(QStringLiteral("dockerd"),
                     {QStringLiteral("--host"), host(),
                      QStringLiteral("--data-root"), m_dir.filePath(QStringLiteral("data")),
                      QStringLiteral("--exec-root"), m_dir.filePath(QStringLiteral("exec")),
                      QStringLiteral("--pidfile"), m_dir.filePath(QStringLiteral("docker.pid")),
                      QStringLiteral("--config-file"), m_dir.filePath(QStringLiteral("daemon.json")),
                      QStringLiteral("--bridge=none"), QStringLiteral("--iptables=false"),
                      QStringLiteral("--ip6tables=false")});
    if (!m_process->waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && isRunning()) {
        if (docker({QStringLiteral("info")}, nullptr, 10000) == 0)
            return true;
        QThread::msleep(200);
    }
    return false;
}

bool PrivateDockerd::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process->terminate();
    return m_process->waitForFinished(timeoutMs);
}

void PrivateDockerd::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
    m_killed = true;
}

int PrivateDockerd::docker(const QStringList &args, QByteArray *out, int timeoutMs) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), host());
    p.setProcessEnvironment(env);
    p.start(dockerCli(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool PrivateDockerd::loadImage(const QString &image) const
{
    QProcess save;
    QProcess load;
    save.setStandardOutputProcess(&load);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), host());
    load.setProcessEnvironment(env);
    save.start(dockerCli(), {QStringLiteral("save"), image});
    load.start(dockerCli(), {QStringLiteral("load"), QStringLiteral("--quiet")});
    const bool ok = save.waitForFinished(300000) && load.waitForFinished(300000);
    return ok && save.exitCode() == 0 && load.exitCode() == 0;
}

QByteArray PrivateDockerd::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("dockerd.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll().right(8000) : QByteArray();
}
