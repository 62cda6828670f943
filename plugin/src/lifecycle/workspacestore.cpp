#include "workspacestore.h"

#include "../logging.h"
#include "../safedir.h"

#include "../engine/containerengine.h"
#include "../policy/errors.h"
#include "enginefacts.h"
#include "loopmount.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako {
namespace {

constexpr int kMkfsTimeoutMs = 60000;
// Unmounts wait on the kernel more than they use a CPU: a few at once.
constexpr int kRemovalThreads = 4;

QString mkfsProgram()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("mkfs.ext4"));
    return onPath.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("mkfs.ext4"),
                                                             {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                            : onPath;
}

WorkspaceStore::Cap decideCap(qint64 bytes)
{
    WorkspaceStore::Cap cap;
    cap.bytes = bytes;
    if (::geteuid() != 0)
        cap.reason = QStringLiteral("not running as root: mounting a workspace image needs CAP_SYS_ADMIN");
    else if (::access("/dev/loop-control", R_OK | W_OK) != 0)
        cap.reason = QStringLiteral("/dev/loop-control is not available");
    else if (mkfsProgram().isEmpty())
        cap.reason = QStringLiteral("mkfs.ext4 was not found (Debian package e2fsprogs)");
    cap.enforced = cap.reason.isEmpty();
    return cap;
}

// The container's user alone (0700); open to all (0777) when that user is
// someone this process cannot chown to (not root).
bool giveToContainerUser(const QString &dir, uint uid)
{
    const safedir::UniqueFd fd = safedir::openDirectory(dir);
    return fd.valid() && safedir::giveTo(fd.get(), uid);
}

bool renameNoReplace(const QString &from, const QString &to)
{
    return ::renameat2(AT_FDCWD, QFile::encodeName(from).constData(), AT_FDCWD, QFile::encodeName(to).constData(),
                       RENAME_NOREPLACE)
           == 0;
}

} // namespace

WorkspaceStore::WorkspaceStore(const QString &root, qint64 capBytes, const EngineFacts &facts, ContainerEngine *engine,
                               QObject *parent)
    : QObject(parent), m_root(root), m_facts(facts), m_engine(engine), m_cap(decideCap(capBytes))
{
    m_removals.setMaxThreadCount(kRemovalThreads);
}

// A format still running when the store goes is abandoned with its scratch image.
WorkspaceStore::~WorkspaceStore()
{
    // Before anything they use goes; the answers they posted are dropped with this object.
    m_removals.waitForDone();
    for (QProcess *mkfs : findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        mkfs->disconnect();
        mkfs->kill();
        mkfs->waitForFinished(1000);
        QFile::remove(mkfs->arguments().constLast());
    }
}

bool WorkspaceStore::exists(const QString &dir) const
{
    return QFileInfo::exists(dir) || QFileInfo::exists(imageOf(dir));
}

Error WorkspaceStore::makeDirectory(const QString &dir) const
{
    if (!QDir().mkpath(dir) || !giveToContainerUser(dir, m_facts.containerHostUid()))
        return makeError(ErrorCode::HostIo, {dir});
    return {};
}

void WorkspaceStore::prepare(const QString &dir, QObject *context, std::function<void(const Error &)> done)
{
    if (!m_cap.enforced)
        return done(makeDirectory(dir));
    if (loopmount::isMountPoint(dir))
        return done({});
    if (QFileInfo::exists(imageOf(dir)))
        return done(mountImage(dir));
    // Mounting over files would hide them; they were never under the cap anyway.
    if (!QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return done(makeError(ErrorCode::WorkspaceUncapped, {dir}));
    // A few at a time: a thousand new conversations formatting at once all
    // finish late and hold the first starts up; in line, the first are ready at once.
    m_formats.submit([this, dir, context = QPointer<QObject>(context), done](CommandQueue::Release release) {
        if (!context)
            return release();
        makeImage(dir, context, release,
                  [this, dir, done](const Error &error) { done(error ? error : mountImage(dir)); });
    });
}

// A sparse file formatted in the background: only what is written takes host disk.
void WorkspaceStore::makeImage(const QString &dir, QObject *context, const CommandQueue::Release &release,
                               std::function<void(const Error &)> done)
{
    const QString image = imageOf(dir);
    const QString scratch = image + QStringLiteral(".new");
    const QByteArray path = QFile::encodeName(scratch);
    if (!QDir().mkpath(QFileInfo(image).absolutePath())) {
        release();
        return done(makeError(ErrorCode::HostIo, {image}));
    }
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const bool sized = fd >= 0 && ::ftruncate(fd, m_cap.bytes) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!sized) {
        release();
        return done(makeError(ErrorCode::HostIo, {image}));
    }
    const QString owner = QStringLiteral("%1:%1").arg(m_facts.containerHostUid());
    // The store's, so that it ends (and gives its place in line back) when `context` goes first.
    auto *mkfs = new QProcess(this);
    auto *timer = new QTimer(mkfs);
    timer->setSingleShot(true);
    // A QProcess destroyed while running still signals, from its destructor.
    const QPointer<QObject> guard(context);
    auto finish = [mkfs, timer, scratch, image, done, guard, release](const QString &failure) {
        timer->stop();
        mkfs->disconnect();
        mkfs->deleteLater();
        release();
        if (!guard)
            return void(QFile::remove(scratch));
        if (failure.isEmpty() && QFile::rename(scratch, image))
            return done({});
        QFile::remove(scratch);
        done(makeError(ErrorCode::WorkspaceCap, {}, failure.isEmpty() ? image : failure));
    };
    connect(timer, &QTimer::timeout, mkfs, [mkfs, finish] {
        mkfs->kill();
        finish(QStringLiteral("mkfs.ext4 timed out"));
    });
    connect(mkfs, &QProcess::errorOccurred, mkfs, [finish](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish(QStringLiteral("mkfs.ext4 could not be started"));
    });
    connect(mkfs, &QProcess::finished, mkfs, [mkfs, finish](int code, QProcess::ExitStatus status) {
        const bool ok = status == QProcess::NormalExit && code == 0;
        finish(ok ? QString() : QString::fromLocal8Bit(mkfs->readAllStandardError()).trimmed().left(500));
    });
    // -m 0: no blocks reserved for root, so the container's user gets the whole cap.
    mkfs->start(mkfsProgram(),
                {QStringLiteral("-q"), QStringLiteral("-F"), QStringLiteral("-m"), QStringLiteral("0"),
                 QStringLiteral("-L"), QStringLiteral("hako-workspace"), QStringLiteral("-E"),
                 QStringLiteral("root_owner=%1,lazy_itable_init=1,lazy_journal_init=1").arg(owner), scratch});
    timer->start(kMkfsTimeoutMs);
}

Error WorkspaceStore::mountImage(const QString &dir) const
{
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::WorkspaceCap, {}, dir);
    if (const Error error = loopmount::mountImage(imageOf(dir), dir))
        return loopmount::isMountPoint(dir) ? Error() : error; // mounted by another process a moment ago?
    // A workspace shows only the conversation's files.
    QDir(dir).rmdir(QStringLiteral("lost+found"));
    if (!giveToContainerUser(dir, m_facts.containerHostUid()))
        return makeError(ErrorCode::HostIo, {dir});
    qCDebug(lcWorkspace).noquote() << "mounted" << imageOf(dir) << "at" << dir;
    return {};
}

Error WorkspaceStore::handOver(const QString &from, const QString &to)
{
    if (!m_cap.enforced)
        return renameNoReplace(from, to) ? Error() : makeError(ErrorCode::HostIo, {to});
    if (!renameNoReplace(imageOf(from), imageOf(to)))
        return makeError(ErrorCode::HostIo, {imageOf(to)});
    const Error moved = QFileInfo::exists(to) || !QDir().mkdir(to) ? makeError(ErrorCode::WorkspaceCap, {}, to)
                                                                   : loopmount::moveMount(from, to);
    if (moved) {
        QDir().rmdir(to);
        renameNoReplace(imageOf(to), imageOf(from));
        return moved;
    }
    QDir().rmdir(from);
    return {};
}

void WorkspaceStore::release(const QString &dir)
{
    unmount(dir, loopmount::Contents::Keep);
}

void WorkspaceStore::unmount(const QString &dir, loopmount::Contents contents)
{
    if (!m_cap.enforced || !loopmount::isMountPoint(dir))
        return;
    if (const Error error = loopmount::unmount(dir, contents))
        qCWarning(lcWorkspace).noquote() << "could not unmount" << dir + QLatin1Char(':') << error.logMessage;
}

void WorkspaceStore::remove(const QString &dir, QObject *context, std::function<void(const Error &)> done)
{
    finishRemoval(dir, deleteFiles(dir), context, std::move(done));
}

void WorkspaceStore::removeInBackground(const QString &dir, QObject *context, std::function<void(const Error &)> done)
{
    const QPointer<QObject> guard(context);
    m_removals.start([this, dir, guard, done] {
        const bool gone = deleteFiles(dir);
        QMetaObject::invokeMethod(
                this,
                [this, dir, gone, guard, done] {
            if (guard)
                finishRemoval(dir, gone, guard, done);
                },
                Qt::QueuedConnection);
    });
}

bool WorkspaceStore::deleteFiles(const QString &dir)
{
    // Its image is deleted next: writing it out first (a syncfs per end) would be wasted.
    unmount(dir, loopmount::Contents::Discard);
    QFile::remove(imageOf(dir));
    return safedir::removePath(dir) || !QFileInfo::exists(dir);
}

void WorkspaceStore::finishRemoval(const QString &dir, bool gone, QObject *context,
                                   std::function<void(const Error &)> done)
{
    auto report = [dir, done](const Error &error) {
        if (error)
            qCWarning(lcWorkspace).noquote() << "could not remove" << dir << error.logMessage;
        if (done)
            done(error);
    };
    // Files that belong to a rootless engine's subordinate ids only the engine can delete.
    if (gone || !m_engine)
        return report(QFileInfo::exists(dir) ? makeError(ErrorCode::HostIo, {dir}) : Error());
    m_engine->removeHostDirectory(dir, context ? context : this, report);
}

void WorkspaceStore::releaseAll()
{
    if (!m_cap.enforced)
        return;
    for (const QString &dir : loopmount::mountPointsUnder(m_root))
        release(dir);
}

QJsonObject WorkspaceStore::health() const
{
    QJsonObject json = {{QStringLiteral("size_cap_bytes"), double(m_cap.bytes)},
                        {QStringLiteral("size_cap_enforced"), m_cap.enforced},
                        {QStringLiteral("method"), m_cap.enforced ? QStringLiteral("loop-mounted ext4 image")
                                                                  : QStringLiteral("plain directory")}};
    if (!m_cap.enforced)
        json.insert(QStringLiteral("reason"), m_cap.reason);
    return json;
}

void WorkspaceStore::reportCap() const
{
    if (!m_cap.enforced)
        qCWarning(lcWorkspace).noquote() << "workspace size cap of" << m_cap.bytes
                                         << "bytes is NOT enforced:" << m_cap.reason;
}

} // namespace hako
