#include "poolclaims.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <cstdio>

namespace hako::poolclaims {
namespace {

QString directory(const QString &runtimeDir)
{
    return runtimeDir + QStringLiteral("/pool/claims");
}

// Only what a Sandbox writes is read back: these names end up in docker commands.
bool isSafe(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,200}$"));
    return pattern.match(text).hasMatch();
}

} // namespace

bool write(const QString &runtimeDir, const QString &key, const QString &container)
{
    const QString dir = directory(runtimeDir);
    const QString scratch = dir + QStringLiteral("/.") + key;
    QFile file(scratch);
    // Written then renamed: a reader sees the whole name or nothing. No fsync:
    // after a host crash the containers are gone too.
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(container.toLatin1()) != container.size())
        return false;
    file.close();
    return ::rename(QFile::encodeName(scratch).constData(), QFile::encodeName(dir + QLatin1Char('/') + key).constData())
           == 0;
}

QString read(const QString &runtimeDir, const QString &key)
{
    QFile file(directory(runtimeDir) + QLatin1Char('/') + key);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString name = QString::fromLatin1(file.read(256)).trimmed();
    return isSafe(name) ? name : QString();
}

void remove(const QString &runtimeDir, const QString &key)
{
    QFile::remove(directory(runtimeDir) + QLatin1Char('/') + key);
}

QHash<QString, QString> all(const QString &runtimeDir)
{
    QHash<QString, QString> claims;
    for (const QString &key : QDir(directory(runtimeDir)).entryList(QDir::Files)) {
        const QString name = read(runtimeDir, key);
        if (!name.isEmpty() && isSafe(key))
            claims.insert(name, key);
    }
    return claims;
}

} // namespace hako::poolclaims
