#include "checkstate.h"

#include <QJsonArray>

namespace hako {

QStringList CheckState::failedRows() const
{
    QStringList failed;
    for (const CheckRow &row : rows)
        if (!row.passed)
            failed << row.id;
    return failed;
}

QJsonObject CheckState::toJson() const
{
    static const char *const kPhases[] = {"off", "pending", "done"};
    QJsonArray list;
    for (const CheckRow &row : rows)
        list.append(QJsonObject{{QStringLiteral("id"), row.id},
                                {QStringLiteral("passed"), row.passed},
                                {QStringLiteral("evidence"), row.evidence}});
    return {{QStringLiteral("phase"), QLatin1String(kPhases[int(phase)])},
            {QStringLiteral("fail_open"), failOpen},
            {QStringLiteral("checked_at"),
             checkedAt.isValid() ? QJsonValue(checkedAt.toUTC().toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("failed"), QJsonArray::fromStringList(failedRows())},
            {QStringLiteral("rows"), list}};
}

} // namespace hako
