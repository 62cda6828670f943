#include "privatedaemon.h"

#include "lifecycle/loopmount.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// What the minimal image needs: the agent runs bash; tests use these commands.
const char *const kPrograms[] = {"bash", "sh", "cat", "sleep", "ls", "head", "tr", "rm", "grep", "true", "echo"};

// The shared libraries `program` loads, as ldd lists them.
QStringList librariesOf(const QString &program)
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {program});
    ldd.waitForFinished(10000);
    QStringList libraries;
    for (const QString &line : QString::fromLocal8Bit(ldd.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        for (const QString &word : line.simplified().split(QLatin1Char(' ')))
            if (word.startsWith(QLatin1Char('/')))
                libraries << word;
    }
    return libraries;
}

bool run(const QString &program, const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

PrivateDaemon::PrivateDaemon() : m_dir(QStringLiteral("/tmp/hako-dockerd-XXXXXX")) {}

PrivateDaemon::~PrivateDaemon()
{
    if (isRunning()) {
        const HostRun ids = docker({QStringLiteral("ps"), QStringLiteral("-aq")});
        const QStringList list = QString::fromUtf8(ids.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!list.isEmpty())
            docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + list);
        stop();
    }
    for (const QString &point : hako::loopmount::mountPointsUnder(m_dir.path()))
        ::umount2(QFile::encodeName(point).constData(), MNT_DETACH);
}

bool PrivateDaemon::start(int timeoutMs)
{
    const QString root = m_dir.path();
    QFile config(root + QStringLiteral("/daemon.json"));
    if (!config.open(QIODevice::WriteOnly) || config.write("{}\n") != 3)
        return false;
    config.close();
    m_daemon = std::make_unique<QProcess>();
    m_daemon->setProcessChannelMode(QProcess::MergedChannels);
    m_daemon->setStandardOutputFile(root + QStringLiteral("/dockerd.log"), QIODevice::Append);
    // Never outlive the test, even when it is killed.
    m_daemon->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_daemon->start(QStringLiteral("dockerd"),
                    {QStringLiteral("--host"), host(), QStringLiteral("--data-root"), root + QStringLiteral("/data"),
                     QStringLiteral("--exec-root"), root + QStringLiteral("/exec"), QStringLiteral("--pidfile"),
                     root + QStringLiteral("/docker.pid"), QStringLiteral("--config-file"), config.fileName(),
                     QStringLiteral("--bridge=none"), QStringLiteral("--iptables=false"),
                     QStringLiteral("--ip-masq=false"), QStringLiteral("--log-level=warn")});
    if (!m_daemon->waitForStarted(10000))
        return false;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (!isRunning())
            return false;
        if (docker({QStringLiteral("version")}, 10000).exitCode == 0)
            return true;
        QTest::qWait(250);
    }
    return false;
}

bool PrivateDaemon::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_daemon->terminate();
    return m_daemon->waitForFinished(timeoutMs);
}

bool PrivateDaemon::isRunning() const { return m_daemon && m_daemon->state() != QProcess::NotRunning; }

HostRun PrivateDaemon::docker(const QStringList &args, int timeoutMs) const
{
    return HakoHostDriver::docker(QStringList{QStringLiteral("--host"), host()} + args, timeoutMs);
}

bool PrivateDaemon::importMinimalImage(const QString &name)
{
    const QString rootfs = m_dir.path() + QStringLiteral("/rootfs");
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
    // Every program also under /bin, where scripts and the agent look.
    if (!run(QStringLiteral("cp"), QStringList{QStringLiteral("--parents"), QStringLiteral("-L")} + files + QStringList{rootfs})
        || ::symlink("usr/bin", QFile::encodeName(rootfs + QStringLiteral("/bin")).constData()) != 0)
        return false;
    return run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("tar -C \"$1\" -c . | docker --host \"$2\" import - \"$3\""),
                                      QStringLiteral("sh"), rootfs, host(), name});
}

QByteArray PrivateDaemon::log() const
{
    QFile file(m_dir.path() + QStringLiteral("/dockerd.log"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().right(4000) : QByteArray();
}
