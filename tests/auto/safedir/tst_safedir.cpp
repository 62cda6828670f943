// The host's file operations in directories a sandbox can write, against what
// a process in the sandbox can plant there: symlinks to host files and
// directories, other file types under a socket's name, deep trees, mounts.
#include "engine/containerpolicy.h"
#include "lifecycle/sandboxpaths.h"
#include "lifecycle/socketdir.h"
#include "proxy/unixlistener.h"
#include "safedir.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <memory>
#include <vector>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace hako;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode : 0;
}

uid_t ownerOf(const QString &path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_uid : uid_t(-1);
}

// A bound (not listening) Unix socket at `path`.
void bindSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()) + 1);
    QVERIFY(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0);
    ::close(fd);
}

void writeFile(const QString &path, const QByteArray &content, mode_t mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode) == 0);
}

// Host files a sandbox would like root to change: a root-only file and a
// root-only directory with something in it.
struct Canaries
{
    explicit Canaries(const QString &root)
        : file(root + QStringLiteral("/canary-file")), dir(root + QStringLiteral("/canary-dir"))
    {
        writeFile(file, "secret", 0600);
        QDir().mkpath(dir);
        writeFile(dir + QStringLiteral("/keep"), "keep", 0600);
        ::chmod(QFile::encodeName(dir).constData(), 0700);
    }
    // Mode, owner and contents: a host that follows a link may chmod, chown or empty.
    bool intact() const
    {
        return (modeOf(file) & 07777) == 0600 && ownerOf(file) == ::geteuid() && (modeOf(dir) & 07777) == 0700
               && ownerOf(dir) == ::geteuid() && QFile::exists(dir + QStringLiteral("/keep"));
    }
    QString file;
    QString dir;
};

// The address of a Unix socket at `path` (short enough in a temporary directory).
sockaddr_un unixAddress(const QString &path)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()) + 1);
    return address;
}

} // namespace

class tst_SafeDir : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openSocketAt_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expectedErrno"); // 0: opened
        QTest::newRow("socket") << "socket" << 0;
        QTest::newRow("symlink to a socket") << "symlink" << ELOOP;
        QTest::newRow("regular file") << "file" << ENOTSOCK;
        QTest::newRow("fifo") << "fifo" << ENOTSOCK;
        QTest::newRow("directory") << "directory" << ENOTSOCK;
        QTest::newRow("nothing") << "missing" << ENOENT;
    }

    void openSocketAt()
    {
        QFETCH(QString, kind);
        QFETCH(int, expectedErrno);
        QTemporaryDir tmp;
        const QString name = tmp.filePath(QStringLiteral("agent.sock"));
        const QByteArray native = QFile::encodeName(name);
        bindSocket(tmp.filePath(QStringLiteral("elsewhere.sock")));
        if (kind == QLatin1String("socket"))
            bindSocket(name);
        else if (kind == QLatin1String("symlink"))
            QVERIFY(::symlink("elsewhere.sock", native.constData()) == 0);
        else if (kind == QLatin1String("file"))
            writeFile(name, "x", 0644);
        else if (kind == QLatin1String("fifo"))
            QVERIFY(::mkfifo(native.constData(), 0644) == 0);
        else if (kind == QLatin1String("directory"))
            QVERIFY(QDir().mkdir(name));
        const safedir::UniqueFd dir = safedir::openDirectory(tmp.path());
        QVERIFY(dir.valid());
        errno = 0;
        const safedir::UniqueFd fd = safedir::openSocketAt(dir.get(), "agent.sock");
        QCOMPARE(fd.valid() ? 0 : errno, expectedErrno);
    }

    void openDirectoryRefusesASymlink()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir().mkdir(tmp.filePath(QStringLiteral("real"))));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("real")), tmp.filePath(QStringLiteral("link"))));
        QVERIFY(!safedir::openDirectory(tmp.filePath(QStringLiteral("link"))).valid());
        const safedir::UniqueFd dir = safedir::openDirectory(tmp.path());
        QVERIFY(!safedir::openDirectoryAt(dir.get(), "link").valid());
        QVERIFY(!safedir::openDirectoryAt(dir.get(), "../").valid());
        QVERIFY(safedir::openDirectoryAt(dir.get(), "real").valid());
    }

    // Links to host files and directories inside the tree are removed, never followed.
    void removeAtLeavesWhatLinksPointTo()
    {
        QTemporaryDir tmp;
        const Canaries canaries(tmp.path());
        const QString tree = tmp.filePath(QStringLiteral("tree"));
        QVERIFY(QDir().mkpath(tree + QStringLiteral("/a/b/c")));
        QVERIFY(QFile::link(canaries.dir, tree + QStringLiteral("/a/to-dir")));
        QVERIFY(QFile::link(canaries.file, tree + QStringLiteral("/a/b/to-file")));
        QVERIFY(QFile::link(canaries.dir, tree + QStringLiteral("/a/b/c/deeper")));
        writeFile(tree + QStringLiteral("/a/b/c/file"), "x", 0);
        QVERIFY(safedir::removePath(tree));
        QVERIFY(!QFileInfo::exists(tree));
        QVERIFY(canaries.intact());
    }

    void removeAtGivesUpBelowItsDepth()
    {
        QTemporaryDir tmp;
        QString deep = tmp.filePath(QStringLiteral("tree"));
        for (int i = 0; i < 12; ++i)
            deep += QStringLiteral("/d");
        QVERIFY(QDir().mkpath(deep));
        QVERIFY(!safedir::removePath(tmp.filePath(QStringLiteral("tree")), 10));
        QVERIFY(QFileInfo::exists(deep));
    }

    void removeAtStopsAtAMount()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a tmpfs needs root (CI runs as root)");
        QTemporaryDir tmp;
        const QString inner = tmp.filePath(QStringLiteral("tree/mnt"));
        QVERIFY(QDir().mkpath(inner));
        QVERIFY(::mount("t", QFile::encodeName(inner).constData(), "tmpfs", 0, "size=16k") == 0);
        writeFile(inner + QStringLiteral("/keep"), "x", 0644);
        const bool removed = safedir::removePath(tmp.filePath(QStringLiteral("tree")));
        const bool kept = QFile::exists(inner + QStringLiteral("/keep"));
        ::umount2(QFile::encodeName(inner).constData(), MNT_DETACH);
        QVERIFY(!removed);
        QVERIFY(kept);
    }

    // What an earlier container (or an earlier layout, whose directory the
    // sandbox could write) left is removed without following it.
    void prepareOverAHostileDirectory_data()
    {
        QTest::addColumn<QString>("plant");
        QTest::newRow("proxy.sock -> host file") << "proxy.sock>file";
        QTest::newRow("agent -> host directory") << "agent>dir";
        QTest::newRow("agent.sock -> host file") << "agent.sock>file";
        QTest::newRow("the directory itself -> host directory") << ".>dir";
    }

    void prepareOverAHostileDirectory()
    {
        QFETCH(QString, plant);
        QTemporaryDir tmp;
        const Canaries canaries(tmp.path());
        const SandboxPaths paths = SandboxPaths::conversation(tmp.path(), QString(), QStringLiteral("key"));
        const QString dir = paths.socketDir;
        const QString name = plant.section(QLatin1Char('>'), 0, 0);
        const QString target = plant.endsWith(QLatin1String("file")) ? canaries.file : canaries.dir;
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("sockets"))));
        if (name == QLatin1String("."))
            QVERIFY(QFile::link(target, dir));
        else {
            QVERIFY(QDir().mkpath(dir));
            ::chmod(QFile::encodeName(dir).constData(), 0777);
            QVERIFY(QFile::link(target, dir + QLatin1Char('/') + name));
        }
        QVERIFY2(!socketdir::prepare(paths, 1000), "prepare failed");
        QVERIFY(canaries.intact());
        QCOMPARE(modeOf(dir) & 07777, mode_t(0755));
        QVERIFY(S_ISDIR(modeOf(dir)));
        QCOMPARE(ownerOf(dir), ::geteuid());
        QCOMPARE(QFile::symLinkTarget(dir + QStringLiteral("/agent.sock")), paths.agentSocket);
        const QString &agent = paths.agentDir;
        QVERIFY(S_ISDIR(modeOf(agent)));
        if (::geteuid() == 0) {
            QCOMPARE(ownerOf(agent), uid_t(1000));
            QCOMPARE(modeOf(agent) & 07777, mode_t(0700));
        }
        QVERIFY(socketdir::remove(paths));
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(canaries.intact());
    }

    void listenerRefusesADirectoryOthersCanWrite()
    {
        QTemporaryDir tmp;
        ::chmod(QFile::encodeName(tmp.path()).constData(), 0777);
        QString error;
        QVERIFY(!proxy::UnixListener::listen(tmp.filePath(QStringLiteral("proxy.sock")), &error));
        QVERIFY(!error.isEmpty());
    }

    // A link at the socket's name is replaced, not followed; the socket is
    // open to the container's user; a file that took the socket's place by the
    // time the listener goes is left alone.
    void listenerActsOnlyOnItsOwnSocket()
    {
        QTemporaryDir tmp;
        const Canaries canaries(tmp.path());
        const QString dir = tmp.filePath(QStringLiteral("own"));
        QVERIFY(QDir().mkdir(dir));
        ::chmod(QFile::encodeName(dir).constData(), 0755);
        const QString path = dir + QStringLiteral("/proxy.sock");
        QVERIFY(QFile::link(canaries.file, path));
        QString error;
        std::unique_ptr<proxy::UnixListener> listener(proxy::UnixListener::listen(path, &error));
        QVERIFY2(listener, qPrintable(error));
        QVERIFY(canaries.intact());
        QVERIFY(S_ISSOCK(modeOf(path)));
        QCOMPARE(modeOf(path) & 0777, mode_t(0666));

        QLocalSocket client;
        QLocalSocket *accepted = nullptr;
        connect(listener.get(), &proxy::UnixListener::accepted, this, [&](QLocalSocket *s) { accepted = s; });
        client.connectToServer(path);
        QVERIFY(client.waitForConnected(2000));
        QTRY_VERIFY(accepted);
        delete accepted;

        QVERIFY(QFile::remove(path));
        writeFile(path, "someone else's", 0644);
        listener.reset();
        QVERIFY(QFile::exists(path));
    }

    // Another host process serves the conversation (`serve`, while an
    // operator runs `hako-host exec`): a second listener must not take the
    // name over, or the first one's socket is gone when the second exits.
    void listenerLeavesALiveSocketAlone()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("proxy.sock"));
        ::chmod(QFile::encodeName(tmp.path()).constData(), 0755);
        QString error;
        std::unique_ptr<proxy::UnixListener> serving(proxy::UnixListener::listen(path, &error));
        QVERIFY2(serving, qPrintable(error));
        QVERIFY(proxy::UnixListener::isServed(path));
        std::unique_ptr<proxy::UnixListener> second(proxy::UnixListener::listen(path, &error));
        QVERIFY(!second);
        QVERIFY(!error.isEmpty());
        second.reset();
        QLocalSocket client;
        client.connectToServer(path);
        QVERIFY(client.waitForConnected(2000));
        // A socket whose process is gone (bound, never removed) is stale: it is replaced.
        client.abort();
        serving.reset();
        const int stale = ::socket(AF_UNIX, SOCK_STREAM, 0);
        const sockaddr_un address = unixAddress(path);
        QVERIFY(::bind(stale, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0);
        ::close(stale);
        QVERIFY(!proxy::UnixListener::isServed(path));
        second.reset(proxy::UnixListener::listen(path, &error));
        QVERIFY2(second, qPrintable(error));
    }

    // A sandbox that fills the host's descriptor table leaves a connection the
    // listener cannot accept; waiting for it must not spin the event loop (the
    // proxy thread serves every sandbox), and it is accepted once descriptors
    // are free again.
    void listenerOutOfDescriptors()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("proxy.sock"));
        ::chmod(QFile::encodeName(tmp.path()).constData(), 0755);
        QString error;
        std::unique_ptr<proxy::UnixListener> listener(proxy::UnixListener::listen(path, &error));
        QVERIFY2(listener, qPrintable(error));
        QLocalSocket *accepted = nullptr;
        connect(listener.get(), &proxy::UnixListener::accepted, this, [&](QLocalSocket *s) { accepted = s; });

        const int client = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(client >= 0);
        rlimit saved{};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
        rlimit low = saved;
        low.rlim_cur = qMin<rlim_t>(saved.rlim_cur, 512);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &low) == 0);
        std::vector<int> filler;
        for (int fd; (fd = ::dup(client)) >= 0;)
            filler.push_back(fd);
        QCOMPARE(errno, EMFILE);
        const sockaddr_un address = unixAddress(path);
        QVERIFY(::connect(client, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0);

        const auto cpuMs = [] {
            rusage usage{};
            ::getrusage(RUSAGE_SELF, &usage);
            return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
                   + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
        };
        const long before = cpuMs();
        QTest::qWait(1000);
        const long spent = cpuMs() - before;
        for (const int fd : filler)
            ::close(fd);
        ::setrlimit(RLIMIT_NOFILE, &saved);
        QVERIFY2(!accepted, "accepted without a descriptor");
        QVERIFY2(spent < 200, qPrintable(QStringLiteral("%1 ms of CPU in 1 s of waiting").arg(spent)));
        QTRY_VERIFY(accepted);
        delete accepted;
        ::close(client);
    }
};

QTEST_MAIN(tst_SafeDir)
#include "tst_safedir.moc"
