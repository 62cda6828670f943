#include "hakohostdriver.h"

#include "lifecycle/loopmount.h"
#include "policy/conversationid.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

#include <sys/mount.h>

namespace {

HostRun runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    HostRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "test driver: timed out";
    }
    r.ms = clock.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err += p.readAllStandardError();
    return r;
}

} // namespace

QJsonObject HostRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

HakoHostDriver::HakoHostDriver() : m_env(QProcessEnvironment::systemEnvironment())
{
    m_root.setAutoRemove(false); // removed in the destructor, after the containers are gone
    set(QStringLiteral("paths.workspaces=") + workspacesDir());
    set(QStringLiteral("paths.runtime=") + runtimeDir());
    set(QStringLiteral("docker.binary=") + engineBinary());
    // The same suites under another OCI runtime (ctest's *.runsc entries set runsc).
    if (!testRuntime().isEmpty())
        set(QStringLiteral("runtime=") + testRuntime());
}

QString HakoHostDriver::testRuntime()
{
    return qEnvironmentVariable("HAKO_TEST_RUNTIME");
}

QString HakoHostDriver::engineBinary()
{
    const QString engine = qEnvironmentVariable("HAKO_TEST_ENGINE");
    return engine.isEmpty() ? QStringLiteral("docker") : engine;
}

HakoHostDriver::~HakoHostDriver()
{
    const QString instance = instanceId();
    if (!instance.isEmpty()) {
        const HostRun ids = docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                    QStringLiteral("label=org.hako.instance=") + instance});
        const QStringList list = QString::fromUtf8(ids.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!list.isEmpty())
            docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + list);
    }
    // Size-capped workspaces are mounted images: unmounted before the files go.
    for (const QString &point : hako::loopmount::mountPointsUnder(m_root.path()))
        ::umount2(QFile::encodeName(point).constData(), MNT_DETACH);
    m_root.remove();
}

QString HakoHostDriver::instanceId() const
{
    QFile f(runtimeDir() + QStringLiteral("/instance-id"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
}

QString HakoHostDriver::hostBinary()
{
    const QString staged = qEnvironmentVariable("HAKO_TEST_HOST");
    return staged.isEmpty() ? QStringLiteral(HAKO_HOST_BIN) : staged;
}

HostRun HakoHostDriver::run(const QStringList &args, int timeoutMs) const
{
    // Settings go after the command word, as a user would type them.
    QStringList all = args.mid(0, 1) + m_extra + args.mid(1);
    return runProcess(hostBinary(), all, m_env, timeoutMs);
}

QProcess *HakoHostDriver::spawn(const QStringList &args) const
{
    auto *p = new QProcess;
    p->setProcessEnvironment(m_env);
    p->start(hostBinary(), args.mid(0, 1) + m_extra + args.mid(1));
    return p;
}

HostRun HakoHostDriver::exec(const QString &conversation, const QString &command, const QStringList &flags) const
{
    return run(QStringList{QStringLiteral("exec"), QStringLiteral("--conversation"), conversation} + flags
               + QStringList{QStringLiteral("--"), command});
}

HostRun HakoHostDriver::tool(const QString &conversation, const QString &name, const QByteArray &inputJson) const
{
    return run({QStringLiteral("tool"), QStringLiteral("--conversation"), conversation, name,
                QString::fromUtf8(inputJson)});
}

HostRun HakoHostDriver::docker(const QStringList &args, int timeoutMs)
{
    return runProcess(engineBinary(), args, QProcessEnvironment::systemEnvironment(), timeoutMs);
}

QString HakoHostDriver::containerOf(const QString &conversation) const
{
    return hako::containerName(instanceId(), hako::conversationKey(conversation));
}
