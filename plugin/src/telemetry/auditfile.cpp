#include "auditfile.h"

#include "../logging.h"
#include "../policy/errors.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako::telemetry {
namespace {

using agent::UniqueFd;

UniqueFd openLog(const QString &path)
{
    return UniqueFd(
            ::open(QFile::encodeName(path).constData(), O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// The head the file's last line records, when that line is a sound sealed
// line. Reads no more than one line's worth from the end: the file may be
// huge, or written by someone hostile.
std::optional<audit::ChainHead> tailHead(int fd, qint64 size, bool *endsInNewline)
{
    const qint64 window = std::min<qint64>(size, audit::kMaxLineBytes + 2);
    QByteArray tail(window, '\0');
    *endsInNewline = false;
    if (::pread(fd, tail.data(), std::size_t(window), off_t(size - window)) != window)
        return std::nullopt;
    *endsInNewline = tail.endsWith('\n');
    if (!*endsInNewline)
        return std::nullopt;
    tail.chop(1);
    const qsizetype start = tail.lastIndexOf('\n') + 1;
    audit::SealedLine line;
    if ((start == 0 && window < size) || audit::parseLine(tail.mid(start), &line) != audit::LineProblem::None)
        return std::nullopt;
    return audit::ChainHead{line.seq, line.hash};
}

} // namespace

Error AuditFile::open(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    UniqueFd fd = openLog(path);
    struct stat st
    {};
    if (!fd.valid() || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return makeError(ErrorCode::HostIo, {path}, fd.valid() ? QStringLiteral("not a regular file") : systemError());
    m_fd = std::move(fd);
    m_path = path;
    m_end = -1;
    m_head.reset();
    return {};
}

void AuditFile::close()
{
    m_fd.reset();
    m_path.clear();
    m_head.reset();
}

bool AuditFile::append(const Compose &compose)
{
    if (!m_fd.valid())
        return false;
    followRename();
    if (::flock(m_fd.get(), LOCK_EX) != 0) {
        qCWarning(lcAudit).noquote() << "cannot lock" << m_path << systemError();
        return false;
    }
    std::optional<audit::ChainHead> head = currentHead();
    if (!head) {
        // The tail is torn or not ours: start afresh where the damage is plain to see.
        qCWarning(lcAudit).noquote() << "the last line of" << m_path << "is damaged; a new segment starts";
        if (writeSealed({{QStringLiteral("event"), QStringLiteral("segment")},
                         {QStringLiteral("reason"), QStringLiteral("damaged_tail")}},
                        audit::genesis()))
            head = m_head;
    }
    const QJsonObject fields = head ? compose(*head) : QJsonObject();
    const bool written = head && (fields.isEmpty() || writeSealed(fields, *head));
    ::flock(m_fd.get(), LOCK_UN);
    return written;
}

// logrotate (or an operator) renamed the file: the chain goes on in a new one.
void AuditFile::followRename()
{
    const QByteArray name = QFile::encodeName(m_path);
    struct stat byName
    {
    }, byFd{};
    if (::fstat(m_fd.get(), &byFd) == 0 && ::lstat(name.constData(), &byName) == 0 && byName.st_dev == byFd.st_dev
        && byName.st_ino == byFd.st_ino)
        return;
    UniqueFd fresh = openLog(m_path);
    struct stat st
    {};
    if (!fresh.valid() || ::fstat(fresh.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        qCWarning(lcAudit).noquote() << "cannot reopen" << m_path << "after it was moved; writing to the moved file";
        return;
    }
    m_fd = std::move(fresh);
    m_end = -1;
}

std::optional<audit::ChainHead> AuditFile::currentHead()
{
    struct stat st
    {};
    if (::fstat(m_fd.get(), &st) != 0)
        return std::nullopt;
    if (m_head && st.st_size == m_end)
        return m_head;
    if (st.st_size == 0)
        return m_head ? m_head : audit::genesis();
    bool endsInNewline = false;
    std::optional<audit::ChainHead> head = tailHead(m_fd.get(), st.st_size, &endsInNewline);
    // A torn line gets its end, so that the damage stays on a line of its own.
    if (!head && !endsInNewline)
        agent::writeAll(m_fd.get(), "\n", 1);
    return head;
}

bool AuditFile::writeSealed(QJsonObject fields, const audit::ChainHead &previous)
{
    fields.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    audit::ChainHead sealed;
    const QByteArray line = audit::sealLine(fields, previous, &sealed);
    if (!agent::writeAll(m_fd.get(), line.constData(), std::size_t(line.size()))) {
        qCWarning(lcAudit).noquote() << "cannot write to" << m_path << systemError();
        m_head.reset();
        return false;
    }
    m_head = sealed;
    m_end = ::lseek(m_fd.get(), 0, SEEK_END);
    return true;
}

} // namespace hako::telemetry
