#include "settingtext.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

#include <limits>

namespace hako {
namespace {

struct Group
{
    const char *name;
    const char *title;
};

const Group kGroups[] = {
        {"general", QT_TRANSLATE_NOOP("hako::Settings", "General")},
        {"docker", QT_TRANSLATE_NOOP("hako::Settings", "Container engine")},
        {"limits", QT_TRANSLATE_NOOP("hako::Settings", "Resource limits")},
        {"lifecycle", QT_TRANSLATE_NOOP("hako::Settings", "Container lifetime")},
        {"pool", QT_TRANSLATE_NOOP("hako::Settings", "Warm pool")},
        {"tools", QT_TRANSLATE_NOOP("hako::Settings", "Tool calls")},
        {"paths", QT_TRANSLATE_NOOP("hako::Settings", "Directories")},
        {"seccomp", QT_TRANSLATE_NOOP("hako::Settings", "System call filter")},
        {"proxy", QT_TRANSLATE_NOOP("hako::Settings", "Credential proxy")},
        {"credentials", QT_TRANSLATE_NOOP("hako::Settings", "AWS credentials")},
        {"admin", QT_TRANSLATE_NOOP("hako::Settings", "Monitoring")},
        {"audit", QT_TRANSLATE_NOOP("hako::Settings", "Audit")},
        {"tripwire", QT_TRANSLATE_NOOP("hako::Settings", "Tripwires")},
        {"verify", QT_TRANSLATE_NOOP("hako::Settings", "Start-up check")},
};

QString translated(const char *text)
{
    return QCoreApplication::translate("hako::Settings", text);
}

} // namespace

QString settingGroupOf(const QString &key)
{
    const qsizetype dot = key.indexOf(QLatin1Char('.'));
    return dot < 0 ? QStringLiteral("general") : key.left(dot);
}

QJsonArray settingGroups()
{
    QJsonArray groups;
    for (const Group &g : kGroups)
        groups.append(QJsonObject{{QStringLiteral("name"), QLatin1String(g.name)},
                                  {QStringLiteral("title"), translated(g.title)}});
    return groups;
}

QString formatDuration(qint64 seconds)
{
    struct Unit
    {
        qint64 seconds;
        const char *text;
    };
    static const Unit kUnits[] = {{86400, QT_TRANSLATE_NOOP("hako::Settings", "%1 d")},
                                  {3600, QT_TRANSLATE_NOOP("hako::Settings", "%1 h")},
                                  {60, QT_TRANSLATE_NOOP("hako::Settings", "%1 min")},
                                  {1, QT_TRANSLATE_NOOP("hako::Settings", "%1 s")}};
    QString text;
    for (const Unit &u : kUnits) {
        if (seconds >= u.seconds || (u.seconds == 1 && text.isEmpty())) {
            const QString part = translated(u.text).arg(seconds / u.seconds);
            // Japanese writes the parts together, English with a space between.
            text = text.isEmpty() ? part : translated(QT_TRANSLATE_NOOP("hako::Settings", "%1 %2")).arg(text, part);
        }
        seconds %= u.seconds;
    }
    return text;
}

qint64 parseSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,15})\\s*([kKmMgGtT]?)[iI]?[bB]?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    qint64 value = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    const int shift = unit.isEmpty() ? 0 : QStringLiteral("kmgt").indexOf(unit) * 10 + 10;
    if (shift > 0 && value > (std::numeric_limits<qint64>::max() >> shift))
        return -1;
    return value << shift;
}

} // namespace hako
