// Conversations on a dockerd started with the userns-remap daemon.json
// (policies/docker/daemon-userns.json, "userns-remap": "default"): container
// root is an unprivileged host uid, the agent socket and proxy.sock both work
// from inside, and the socket directory is opened (0777) in that mode only.
// The daemon has its own socket, exec root and data root; it needs no
// registry: the workspace image is copied from the shared daemon once and kept
// in $HAKO_TEST_DOCKERD_CACHE (default /var/tmp/hako-test-dockerd-userns).
#include "hakohostdriver.h"
#include "privatedockerd.h"

#include "policy/conversationid.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

const QString kImage = QStringLiteral("hako/workspace-base:latest");

QJsonObject daemonJson()
{
    QFile f(QStringLiteral(HAKO_USERNS_DAEMON_JSON));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QString cacheDir()
{
    const QString dir = qEnvironmentVariable("HAKO_TEST_DOCKERD_CACHE");
    return dir.isEmpty() ? QStringLiteral("/var/tmp/hako-test-dockerd-userns") : dir;
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : mode_t(-1);
}

uid_t ownerOf(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_uid : uid_t(-1);
}

// The remapped container's user may not pass through a 0700 temporary directory
// to its bind mounts; a deployment's /var/lib/hako and /run/hako are 0755.
void openForRemappedRoot(const HakoHostDriver &host)
{
    for (QString dir : {host.workspacesDir(), host.runtimeDir()}) {
        QDir().mkpath(dir);
        for (; dir != QLatin1String("/") && dir.startsWith(QDir::tempPath() + QLatin1Char('/'));
             dir = QFileInfo(dir).path())
            ::chmod(QFile::encodeName(dir).constData(), 0755);
    }
}

} // namespace

class tst_Userns : public QObject
{
    Q_OBJECT

    PrivateDockerd *m_engine = nullptr;
    HakoHostDriver *m_host = nullptr;
    int m_remapRoot = -1;

    QString socketDir(const HakoHostDriver &host, const QString &conversation) const
    {
        return host.runtimeDir() + QStringLiteral("/sockets/") + hako::conversationKey(conversation);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: it starts a dockerd of its own");
        QFile subuid(QStringLiteral("/etc/subuid"));
        QVERIFY2(subuid.open(QIODevice::ReadOnly) && subuid.readAll().contains("dockremap:"),
                 "user dockremap has no /etc/subuid range: run scripts/setup.sh");
        const QJsonObject config = daemonJson();
        QCOMPARE(config.value(QLatin1String("userns-remap")).toString(), QStringLiteral("default"));
        m_engine = new PrivateDockerd(config, cacheDir());
        QVERIFY2(m_engine->start(), m_engine->log().right(3000).constData());
        QByteArray info;
        QCOMPARE(m_engine->docker({QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{json .}}")},
                                  &info),
                 0);
        const QJsonObject o = QJsonDocument::fromJson(info).object();
        QVERIFY2(o.value(QLatin1String("SecurityOptions")).toArray().contains(QStringLiteral("name=userns")),
                 info.constData());
        // <data-root>/<uid>.<gid>: the host ids of container root.
        const QString root = o.value(QLatin1String("DockerRootDir")).toString().section(QLatin1Char('/'), -1);
        m_remapRoot = root.section(QLatin1Char('.'), 0, 0).toInt();
        QVERIFY2(m_remapRoot > 0, qPrintable(root));
        QVERIFY2(m_engine->ensureImage(kImage), m_engine->log().right(3000).constData());
        m_host = new HakoHostDriver;
        m_host->set(QStringLiteral("docker.host=") + m_engine->host());
        openForRemappedRoot(*m_host);
    }

    void cleanupTestCase()
    {
        delete m_host; // its containers go first, while the daemon still runs
        delete m_engine;
    }

    void agentSocketWorksAndRootIsRemapped()
    {
        const QString c = QStringLiteral("remapped");
        const HostRun r = m_host->exec(c, QStringLiteral("id -u; echo hi > owned; cat /proc/self/uid_map"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("1000"));
        // uid_map seen from inside: container 0 is host m_remapRoot, not host root.
        const QStringList map = lines.value(1).simplified().split(QLatin1Char(' '));
        QCOMPARE(map.value(0), QStringLiteral("0"));
        QCOMPARE(map.value(1).toInt(), m_remapRoot);

        // From the host: the container's init runs as an unprivileged host uid.
        QByteArray pid;
        QCOMPARE(m_engine->docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                                   QStringLiteral("{{.State.Pid}}"), m_host->containerOf(c)},
                                  &pid),
                 0);
        QFile status(QStringLiteral("/proc/%1/status").arg(QString::fromLatin1(pid.trimmed())));
        QVERIFY(status.open(QIODevice::ReadOnly));
        QByteArray uidLine;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("Uid:"))
                uidLine = line.simplified();
        QCOMPARE(uidLine.split(' ').value(1).toInt(), m_remapRoot + 1000);

        // What the conversation wrote belongs to that uid on the host, in a workspace only it can enter.
        const QString workspace = m_host->workspacesDir() + QLatin1Char('/') + hako::conversationKey(c);
        QCOMPARE(ownerOf(workspace + QStringLiteral("/owned")), uid_t(m_remapRoot + 1000));
        QCOMPARE(ownerOf(workspace), uid_t(m_remapRoot + 1000));
        QCOMPARE(modeOf(workspace), mode_t(0700));
    }

    void proxySocketAnswers()
    {
        // Any HTTP answer will do (here a refusal: no credentials, no allowed host asked for).
        const HostRun r = m_host->exec(
                QStringLiteral("remapped"),
                QStringLiteral("curl -s -o /dev/null -w '%{http_code}' --unix-socket /var/run/hako/proxy.sock "
                               "http://localhost/ ; echo; ls -ln /var/run/hako"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.split('\n');
        const int code = lines.value(0).toInt();
        qInfo("proxy.sock answered HTTP %d; the socket directory inside:\n%s", code, r.out.constData());
        QVERIFY2(code >= 100 && code < 600, r.out.constData());
        QVERIFY2(r.out.contains("agent.sock") && r.out.contains("proxy.sock"), r.out.constData());
    }

    // The host's socket directory is its own (read-only inside); only the
    // agent's directory belongs to the container's user: the remapped one under
    // userns-remap, uid 1000 on the shared daemon.
    void socketDirectoryFitsTheContainerUser()
    {
        const QString remapped = socketDir(*m_host, QStringLiteral("remapped"));
        QCOMPARE(modeOf(remapped), mode_t(0755));
        QCOMPARE(ownerOf(remapped), uid_t(0));
        QCOMPARE(modeOf(remapped + QStringLiteral("/agent")), mode_t(0700));
        QCOMPARE(ownerOf(remapped + QStringLiteral("/agent")), uid_t(m_remapRoot + 1000));
        if (HakoHostDriver::docker({QStringLiteral("info")}).exitCode != 0)
            QSKIP("the shared docker daemon is not running");
        HakoHostDriver plain;
        const HostRun r = plain.exec(QStringLiteral("plain"), QStringLiteral("id -u"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString own = socketDir(plain, QStringLiteral("plain"));
        QCOMPARE(modeOf(own), mode_t(0755));
        QCOMPARE(modeOf(own + QStringLiteral("/agent")), mode_t(0700));
        QCOMPARE(ownerOf(own + QStringLiteral("/agent")), uid_t(1000));
    }
};

QTEST_GUILESS_MAIN(tst_Userns)
#include "tst_userns.moc"
