#include "privatedockerd.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString dockerCli()
{
    return QStringLiteral("docker");
}

// What the minimal image holds: the agent runs bash; tests use these commands.
const char *const kPrograms[] = {"bash", "sh", "cat", "sleep", "ls", "head", "tr", "rm", "grep", "true", "echo"};

// The shared libraries `program` loads (and the dynamic loader), as ldd lists them.
QStringList librariesOf(const QString &program)
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {program});
    ldd.waitForFinished(10000);
    QStringList libraries;
    for (const QString &line : QString::fromLocal8Bit(ldd.readAllStandardOutput()).split(QLatin1Char('\n')))
        for (const QString &word : line.simplified().split(QLatin1Char(' ')))
            if (word.startsWith(QLatin1Char('/')))
                libraries << word;
    return libraries;
}

bool succeeds(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

PrivateDockerd::PrivateDockerd(const QJsonObject &config, const QString &dataRoot)
    : m_dir(QDir::tempPath() + QStringLiteral("/hako-dockerd-XXXXXX")),
      m_dataRoot(dataRoot.isEmpty() ? m_dir.filePath(QStringLiteral("data")) : dataRoot)
{
    // Under userns-remap the remapped root must pass through to its data root.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0711);
    QDir().mkpath(m_dataRoot);
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

QString PrivateDockerd::host() const
{
    return QStringLiteral("unix://") + m_dir.filePath(QStringLiteral("docker.sock"));
}

bool PrivateDockerd::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

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
                     {QStringLiteral("--host"), host(), QStringLiteral("--data-root"), m_dataRoot,
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

bool PrivateDockerd::ensureImage(const QString &image) const
{
    const QStringList inspect = {QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
                                 QStringLiteral("{{.Id}}"), image};
    QProcess shared;
    shared.start(dockerCli(), inspect);
    shared.waitForFinished(60000);
    const QByteArray want = shared.readAllStandardOutput().trimmed();
    QByteArray have;
    if (!want.isEmpty() && docker(inspect, &have) == 0 && have.trimmed() == want)
        return true;
    if (!loadImage(image))
        return false;
    // A kept data root would otherwise gather every earlier build of the image.
    docker({QStringLiteral("image"), QStringLiteral("prune"), QStringLiteral("-f")}, nullptr, 120000);
    return true;
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

bool PrivateDockerd::importMinimalImage(const QString &name)
{
    const QString rootfs = m_dir.filePath(QStringLiteral("rootfs"));
    for (const char *dir : {"/tmp", "/workspace", "/var/run/hako", "/opt/hako", "/etc"})
        QDir().mkpath(rootfs + QLatin1String(dir));
    // The container's /tmp tmpfs takes this mode: the agent keeps its state there.
    if (::chmod(QFile::encodeName(rootfs + QStringLiteral("/tmp")).constData(), 01777) != 0)
        return false;
    QStringList files;
    for (const char *program : kPrograms) {
        const QString path = QStandardPaths::findExecutable(QLatin1String(program), {QStringLiteral("/usr/bin")});
        if (path.isEmpty())
            return false;
        files << path << librariesOf(path);
    }
    files.removeDuplicates();
    // The programs under /bin too, where scripts and the agent look for them.
    if (!succeeds(QStringLiteral("cp"),
                  QStringList{QStringLiteral("--parents"), QStringLiteral("-L")} + files + QStringList{rootfs})
        || ::symlink("usr/bin", QFile::encodeName(rootfs + QStringLiteral("/bin")).constData()) != 0)
        return false;
    return succeeds(QStringLiteral("sh"),
                    {QStringLiteral("-c"), QStringLiteral("tar -C \"$1\" -c . | docker --host \"$2\" import - \"$3\""),
                     QStringLiteral("sh"), rootfs, host(), name});
}

QByteArray PrivateDockerd::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("dockerd.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll().right(8000) : QByteArray();
}
