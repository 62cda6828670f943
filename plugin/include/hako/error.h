// A failure as a value: it crosses the plugin boundary instead of an exception.
#pragma once

#include <QMetaType>
#include <QString>

namespace hako {

struct Error
{
    QString code;       // stable identifier for programs, e.g. "timeout"
    QString message;    // translated, for people
    QString logMessage; // plain English, for logs

    bool isNull() const { return code.isEmpty(); }
    explicit operator bool() const { return !isNull(); }
};

} // namespace hako

Q_DECLARE_METATYPE(hako::Error)
