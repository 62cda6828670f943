#include "containerrecord.h"

#include "../channel/agentproof.h"
#include "../logging.h"
#include "../safedir.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako::containerrecord {
namespace {

// A name of up to 200 characters, a nonce, two newlines: far below this.
constexpr qsizetype kMaxBytes = 512;

bool isSafeName(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,200}$"));
    return pattern.match(text).hasMatch();
}

// What the host may take as its own: this user's, and nobody else's to change.
bool isOwn(const struct stat &st, mode_t forbidden)
{
    return st.st_uid == ::geteuid() && (st.st_mode & forbidden) == 0;
}

// The records' directory, when it is the host's own (made on the first write).
safedir::UniqueFd openDirectory(const QString &runtimeDir, bool create)
{
    const QByteArray path = QFile::encodeName(directory(runtimeDir));
    if (create && ::mkdir(path.constData(), 0700) != 0 && errno != EEXIST)
        return {};
    safedir::UniqueFd dir = safedir::openDirectory(QFile::decodeName(path));
    struct stat st
    {};
    if (!dir.valid() || ::fstat(dir.get(), &st) != 0 || !isOwn(st, S_IWGRP | S_IWOTH))
        return {};
    return dir;
}

void refuse(const QString &key, const char *why)
{
    qCWarning(lcDocker).noquote() << "container record of" << key << "ignored:" << why;
}

// The name and the nonce, each on a line of its own; empty when malformed.
QList<QByteArray> parse(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (lines.size() != 3 || !lines.at(2).isEmpty() || !isSafeName(QString::fromLatin1(lines.at(0)))
        || !isAgentKeyNonce(lines.at(1)))
        return {};
    return lines.mid(0, 2);
}

} // namespace

QString directory(const QString &runtimeDir)
{
    return runtimeDir + QStringLiteral("/containers");
}

bool write(const QString &runtimeDir, const QString &key, const QString &container, const QByteArray &nonce)
{
    const safedir::UniqueFd dir = openDirectory(runtimeDir, true);
    if (!dir.valid())
        return false;
    const QByteArray text = container.toLatin1() + '\n' + nonce + '\n';
    const QByteArray name = QFile::encodeName(key);
    const QByteArray scratch = '.' + name + '.' + QByteArray::number(QRandomGenerator::global()->generate(), 16);
    // Written then renamed: a reader sees a whole record or none.
    safedir::UniqueFd fd(
            ::openat(dir.get(), scratch.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.valid())
        return false;
    const bool written = agent::writeAll(fd.get(), text.constData(), size_t(text.size()));
    fd.reset();
    if (written && ::renameat(dir.get(), scratch.constData(), dir.get(), name.constData()) == 0)
        return true;
    ::unlinkat(dir.get(), scratch.constData(), 0);
    return false;
}

QByteArray nonceFor(const QString &runtimeDir, const QString &key, const QString &container)
{
    const safedir::UniqueFd dir = openDirectory(runtimeDir, false);
    if (!dir.valid())
        return {};
    const safedir::UniqueFd fd(
            ::openat(dir.get(), QFile::encodeName(key).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (!fd.valid()) {
        if (errno != ENOENT)
            refuse(key, errno == ELOOP ? "a symbolic link" : "cannot be opened");
        return {};
    }
    struct stat st
    {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        refuse(key, "not a regular file");
        return {};
    }
    if (!isOwn(st, S_IRWXG | S_IRWXO)) {
        refuse(key, "not this user's alone");
        return {};
    }
    QByteArray text(kMaxBytes + 1, Qt::Uninitialized);
    const ssize_t n = ::read(fd.get(), text.data(), size_t(text.size()));
    const QList<QByteArray> record = n > 0 && n <= kMaxBytes ? parse(text.left(n)) : QList<QByteArray>();
    if (record.isEmpty()) {
        refuse(key, "malformed or too long");
        return {};
    }
    if (record.at(0) != container.toLatin1()) {
        refuse(key, "names another container");
        return {};
    }
    return record.at(1);
}

void remove(const QString &runtimeDir, const QString &key)
{
    if (const safedir::UniqueFd dir = openDirectory(runtimeDir, false); dir.valid())
        ::unlinkat(dir.get(), QFile::encodeName(key).constData(), 0);
}

} // namespace hako::containerrecord
