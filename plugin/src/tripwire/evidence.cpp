#include "evidence.h"

#include "../policy/conversationid.h"
#include "../policy/errors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako {

EvidenceBundle EvidenceBundle::create(const QString &root, const QString &key, const QDateTime &when, Error *error)
{
    EvidenceBundle bundle;
    static const QRegularExpression keyShape(QStringLiteral("^[0-9a-f]{32}$"));
    const QByteArray name =
            (key + QLatin1Char('-') + when.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"))).toLatin1();
    safedir::UniqueFd rootFd;
    if (keyShape.match(key).hasMatch() && QDir().mkpath(root))
        rootFd = safedir::openDirectory(root);
    // Root's alone whatever it was made with; a bundle is never shared with a sandbox.
    if (!rootFd.valid() || ::fchmod(rootFd.get(), 0700) != 0 || ::mkdirat(rootFd.get(), name.constData(), 0700) != 0
        || !(bundle.m_dir = safedir::openDirectoryAt(rootFd.get(), name.constData())).valid()) {
        *error = makeError(ErrorCode::HostIo, {root});
        return {};
    }
    bundle.m_path = root + QLatin1Char('/') + QString::fromLatin1(name);
    return bundle;
}

bool EvidenceBundle::write(const char *name, const QByteArray &content) const
{
    agent::UniqueFd file(::openat(m_dir.get(), name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    return file.valid() && agent::writeAll(file.get(), content.constData(), std::size_t(content.size()));
}

QString evidenceRoot(const QString &workspacesDir)
{
    return QFileInfo(workspacesDir).absolutePath() + QStringLiteral("/evidence");
}

QByteArray auditLinesOf(const QString &path, const QString &key, qint64 maxBytes)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    const qint64 start = qMax<qint64>(0, file.size() - maxBytes);
    file.seek(start);
    QByteArrayList lines = file.read(maxBytes).split('\n');
    if (start > 0 && !lines.isEmpty())
        lines.removeFirst(); // begun mid-line
    QByteArray out;
    for (const QByteArray &line : lines) {
        const QString conversation =
                QJsonDocument::fromJson(line).object().value(QLatin1String("conversation")).toString();
        if (!conversation.isEmpty() && (conversation == key || conversationKey(conversation) == key))
            out += line + '\n';
    }
    return out;
}

} // namespace hako
