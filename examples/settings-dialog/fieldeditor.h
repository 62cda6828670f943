// One editor widget for one property of a JSON schema, chosen by its type:
// a combo box for an enum, hours, minutes and seconds for a duration in
// seconds, spin boxes within minimum and maximum, a check box for a boolean, a masked
// line for a writeOnly secret, one line per item for a string array, and a
// plain line otherwise. Reads and writes the value as JSON.
#pragma once

#include <QJsonObject>
#include <QJsonValue>

class QWidget;

namespace hako::example {

QWidget *createFieldEditor(const QJsonObject &property, QWidget *parent);
QJsonValue fieldValue(const QWidget *editor);
void setFieldValue(QWidget *editor, const QJsonValue &value);

} // namespace hako::example
