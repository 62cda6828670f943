// Workspaces on the host, without an engine: as root each is an ext4 image
// mounted nodev,nosuid that refuses writes past the cap; it is handed over,
// released, mounted again and deleted without leaving a mount or a loop
// device behind. Not as root, the store says plainly that the cap is off.
#include "lifecycle/loopmount.h"
#include "lifecycle/enginefacts.h"
#include "lifecycle/sandboxpaths.h"
#include "lifecycle/workspacestore.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include <cerrno>
#include <memory>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hako;

namespace {

constexpr qint64 kCap = 16LL << 20;

Error prepare(WorkspaceStore &store, const QString &dir)
{
    Error result;
    bool done = false;
    QEventLoop loop;
    QObject context;
    store.prepare(dir, &context, [&](const Error &e) {
        result = e;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

// Writes `bytes` zeros to `path`; returns the errno that stopped it, 0 if none.
int fill(const QString &path, qint64 bytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    const QByteArray block(1 << 16, '\0');
    int error = 0;
    for (qint64 written = 0; written < bytes && error == 0; written += block.size())
        if (::write(fd, block.constData(), std::size_t(block.size())) < 0)
            error = errno;
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    ::close(fd);
    return error;
}

} // namespace

class tst_WorkspaceStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    const EngineFacts m_facts{nullptr, 1000};

    QString workspaces() const { return m_root.path() + QStringLiteral("/ws"); }
    QString dir(const QString &name) const { return workspaces() + QLatin1Char('/') + name; }
    QString poolDir(const QString &slot) const
    {
        return SandboxPaths::poolSlot(m_root.path(), workspaces(), slot).workspaceDir;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_root.isValid()); }

    void cleanupTestCase()
    {
        for (const QString &point : loopmount::mountPointsUnder(m_root.path()))
            ::umount2(QFile::encodeName(point).constData(), MNT_DETACH);
    }

    void notRootSaysSo()
    {
        const WorkspaceStore store(workspaces(), kCap, m_facts, nullptr);
        const QJsonObject health = store.health();
        QCOMPARE(health.value(QLatin1String("size_cap_bytes")).toDouble(), double(kCap));
        QCOMPARE(health.value(QLatin1String("size_cap_enforced")).toBool(), store.cap().enforced);
        if (::geteuid() == 0)
            QSKIP("running as root: the cap is enforced (the tests below)");
        QVERIFY(!store.cap().enforced);
        QVERIFY(health.value(QLatin1String("reason")).toString().contains(QLatin1String("root")));
        // A plain directory, still.
        QVERIFY(!prepare(*const_cast<WorkspaceStore *>(&store), dir(QStringLiteral("plain"))));
        QVERIFY(QFileInfo(dir(QStringLiteral("plain"))).isDir());
    }

    void capIsEnforced()
    {
        WorkspaceStore store(workspaces(), kCap, m_facts, nullptr);
        if (!store.cap().enforced)
            QSKIP(qPrintable(store.cap().reason));
        const QString ws = dir(QStringLiteral("a"));
        QVERIFY(!prepare(store, ws));
        QVERIFY(loopmount::isMountPoint(ws));
        const QString options = loopmount::mountOptions(ws);
        QVERIFY2(options.contains(QLatin1String("nodev")) && options.contains(QLatin1String("nosuid")),
                 qPrintable(options));
        QVERIFY(QDir(ws).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)); // no lost+found
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(ws).constData(), &st), 0);
        QCOMPARE(st.st_uid, 1000u);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
        QCOMPARE(fill(ws + QStringLiteral("/big"), 2 * kCap), ENOSPC);
        QCOMPARE(::stat(QFile::encodeName(WorkspaceStore::imageOf(ws)).constData(), &st), 0);
        QVERIFY(qint64(st.st_blocks) * 512 <= kCap);
        QVERIFY(QFile::remove(ws + QStringLiteral("/big")));
        QCOMPARE(fill(ws + QStringLiteral("/kept"), 4096), 0);

        // Released (container reaped, host restarted): the next prepare mounts the same files.
        store.release(ws);
        QVERIFY(!loopmount::isMountPoint(ws));
        QVERIFY(!QFile::exists(ws + QStringLiteral("/kept")));
        QVERIFY(!prepare(store, ws));
        QVERIFY(QFile::exists(ws + QStringLiteral("/kept")));
        // Already mounted (a restarted host finds it so): nothing to do.
        QVERIFY(!prepare(store, ws));
        QCOMPARE(loopmount::mountPointsUnder(ws).size(), 1);

        store.remove(ws);
        QVERIFY(!store.exists(ws));
        QVERIFY(loopmount::mountPointsUnder(m_root.path()).isEmpty());
    }

    void handOverMovesTheMount()
    {
        WorkspaceStore store(workspaces(), kCap, m_facts, nullptr);
        if (!store.cap().enforced)
            QSKIP(qPrintable(store.cap().reason));
        const QString from = poolDir(QStringLiteral("0123456789ab"));
        const QString to = dir(QStringLiteral("b"));
        QVERIFY(!prepare(store, from));
        QCOMPARE(fill(from + QStringLiteral("/f"), 10), 0);
        QVERIFY(!store.handOver(from, to));
        QVERIFY(!QFile::exists(from) && !QFile::exists(WorkspaceStore::imageOf(from)));
        QVERIFY(loopmount::isMountPoint(to));
        QVERIFY(QFile::exists(to + QStringLiteral("/f")));
        QVERIFY(loopmount::mountOptions(to).contains(QLatin1String("nosuid")));
        // The target is taken now: a second hand-over to it is refused and changes nothing.
        const QString other = poolDir(QStringLiteral("ba9876543210"));
        QVERIFY(!prepare(store, other));
        QCOMPARE(store.handOver(other, to).code, QStringLiteral("host_io"));
        QVERIFY(loopmount::isMountPoint(other));
        store.remove(other);
        store.remove(to);
        QVERIFY(loopmount::mountPointsUnder(m_root.path()).isEmpty());
    }

    // Ends delete their workspaces off the plugin's thread: the mounts, images
    // and directories go, and each answer comes back on the store's thread.
    void removeInBackground()
    {
        WorkspaceStore store(workspaces(), kCap, m_facts, nullptr);
        if (!store.cap().enforced)
            QSKIP(qPrintable(store.cap().reason));
        const QStringList dirs = {dir(QStringLiteral("r1")), dir(QStringLiteral("r2")), dir(QStringLiteral("r3"))};
        for (const QString &d : dirs) {
            QVERIFY(!prepare(store, d));
            QCOMPARE(fill(d + QStringLiteral("/f"), 4096), 0);
        }
        QObject context;
        int answered = 0;
        bool elsewhere = false;
        for (const QString &d : dirs)
            store.removeInBackground(d, &context, [&](const Error &error) {
                QVERIFY(!error);
                elsewhere = elsewhere || QThread::currentThread() != store.thread();
                ++answered;
            });
        QTRY_COMPARE(answered, int(dirs.size()));
        QVERIFY(!elsewhere);
        for (const QString &d : dirs)
            QVERIFY2(!store.exists(d), qPrintable(d));
        QVERIFY(loopmount::mountPointsUnder(m_root.path()).isEmpty());
    }

    // A store that goes waits for its workers: the files still go, and a
    // caller whose context went is not answered.
    void removeInBackgroundOutlived()
    {
        const QString d = dir(QStringLiteral("r4"));
        bool answered = false;
        {
            WorkspaceStore store(workspaces(), kCap, m_facts, nullptr);
            if (!store.cap().enforced)
                QSKIP(qPrintable(store.cap().reason));
            QVERIFY(!prepare(store, d));
            auto context = std::make_unique<QObject>();
            store.removeInBackground(d, context.get(), [&](const Error &) { answered = true; });
            context.reset();
        }
        QCoreApplication::processEvents();
        QVERIFY(!answered);
        QVERIFY(!QFile::exists(d) && !QFile::exists(WorkspaceStore::imageOf(d)));
        QVERIFY(loopmount::mountPointsUnder(m_root.path()).isEmpty());
    }

    // Files that were never under the cap are not hidden under a new mount.
    void uncappedFilesAreRefused()
    {
        WorkspaceStore store(workspaces(), kCap, m_facts, nullptr);
        if (!store.cap().enforced)
            QSKIP(qPrintable(store.cap().reason));
        const QString ws = dir(QStringLiteral("legacy"));
        QVERIFY(QDir().mkpath(ws));
        QCOMPARE(fill(ws + QStringLiteral("/old"), 10), 0);
        QCOMPARE(prepare(store, ws).code, QStringLiteral("workspace_uncapped"));
        QVERIFY(!loopmount::isMountPoint(ws));
        QVERIFY(QFile::exists(ws + QStringLiteral("/old")));
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceStore)
#include "tst_workspacestore.moc"
