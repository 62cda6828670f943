#include "activitystore.h"

#include "../policy/errors.h"

#include <toolcall_p.h>

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako {
namespace {

// A sweep holds its claim only while `docker rm` runs (at most the engine's
// command timeout), so admission polls briefly and gives up after that bound.
constexpr int kRetryMs = 50;
constexpr int kAdmitBoundMs = 60000;

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

bool ensureDirectory(const QString &file)
{
    return QDir().mkpath(file.section(QLatin1Char('/'), 0, -2));
}

// Ends the call's stay in flight when it finishes or is destroyed unfinished.
class CallLease final : public QObject
{
public:
    CallLease(FileLock lock, ToolCall *call, std::function<void()> onEnd)
        : QObject(call), m_lock(std::move(lock)), m_onEnd(std::move(onEnd))
    {
        connect(call, &ToolCall::finished, this, &CallLease::end);
    }
    ~CallLease() override { end(); }

    void end()
    {
        if (!m_lock.isHeld())
            return;
        m_lock.touch();
        m_lock = FileLock();
        m_onEnd();
    }

private:
    FileLock m_lock;
    std::function<void()> m_onEnd;
};

} // namespace

QString ActivityStore::path(const QString &runtimeDir, const QString &key)
{
    return runtimeDir + QStringLiteral("/activity/") + key;
}

qint64 ActivityStore::lastActivity(const QString &runtimeDir, const QString &key)
{
    struct stat st = {};
    if (::stat(encoded(path(runtimeDir, key)).constData(), &st) != 0)
        return 0;
    return st.st_mtim.tv_sec > 0 ? qint64(st.st_mtim.tv_sec) : 0;
}

FileLock ActivityStore::claim(const QString &runtimeDir, const QString &key)
{
    const QString file = path(runtimeDir, key);
    int fd = ::open(encoded(file).constData(), O_RDONLY | O_CLOEXEC);
    bool created = false;
    // Created here, under the lock, so that a call arriving meanwhile waits for
    // this claim instead of locking a file the sweep never looked at.
    if (fd < 0 && errno == ENOENT && ensureDirectory(file)) {
        fd = ::open(encoded(file).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        created = fd >= 0;
        if (fd < 0 && errno == EEXIST)
            fd = ::open(encoded(file).constData(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0)
        return {};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return {};
    }
    if (created) {
        // A new file must not read as activity "now": mtime 0 means unknown.
        const struct timespec unknown[2] = {{0, 0}, {0, 0}};
        ::futimens(fd, unknown);
    }
    return FileLock(fd);
}

QSet<QString> ActivityStore::inFlight() const
{
    QSet<QString> keys;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it)
        if (it.value() > 0)
            keys.insert(it.key());
    return keys;
}

void ActivityStore::admit(ToolCall *call, const QString &runtimeDir, const QString &key, std::function<void()> proceed)
{
    tryAdmit(call, path(runtimeDir, key), key, proceed, 0);
}

void ActivityStore::tryAdmit(ToolCall *call, const QString &file, const QString &key,
                             const std::function<void()> &proceed, int attempt)
{
    ToolCallPrivate *producer = ToolCallPrivate::get(call);
    if (!producer->isOpen())
        return; // cancelled while a sweep held the conversation
    FileLock lock;
    switch (FileLock::tryLock(file, FileLock::Mode::Shared, true, &lock)) {
    case FileLock::Result::Failed: return producer->finishWithError(makeError(ErrorCode::HostIo, {file}));
    case FileLock::Result::Busy: {
        if (attempt * kRetryMs >= kAdmitBoundMs)
            return producer->finishWithError(makeError(ErrorCode::Timeout, {QString::number(kAdmitBoundMs / 1000)}));
        QPointer<ActivityStore> self(this);
        QTimer::singleShot(kRetryMs, call, [self, call, file, key, proceed, attempt] {
            if (self)
                self->tryAdmit(call, file, key, proceed, attempt + 1);
        });
        return;
    }
    case FileLock::Result::Held: break;
    }
    lock.touch();
    ++m_inFlight[key];
    QPointer<ActivityStore> self(this);
    new CallLease(std::move(lock), call, [self, key] {
        if (self)
            self->release(key);
    });
    proceed();
}

void ActivityStore::release(const QString &key)
{
    if (--m_inFlight[key] <= 0)
        m_inFlight.remove(key);
}

} // namespace hako
