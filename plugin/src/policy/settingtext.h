// What the settings schema says to people beyond each key's title and help:
// the headings of the key groups and durations in hours and minutes, both in
// the user's language; and sizes as people write them.
#pragma once

#include <QJsonArray>
#include <QString>

namespace hako {

// The group a key belongs to: the part before its first dot, "general" without one.
QString settingGroupOf(const QString &key);

// [{name, title}] in the order a dialog shows them; titles translated.
QJsonArray settingGroups();

// "512m" -> 536870912; -1 when malformed.
qint64 parseSize(const QString &text);

// "1 h 30 min", "1時間30分": whole days, hours, minutes and seconds, zero parts left out.
QString formatDuration(qint64 seconds);

} // namespace hako
