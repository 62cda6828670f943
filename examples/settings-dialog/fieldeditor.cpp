#include "fieldeditor.h"

#include "durationedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

#include <climits>

namespace hako::example {
namespace {

QString typeOf(const QJsonObject &p)
{
    return p.value(QLatin1String("type")).toString();
}

double bound(const QJsonObject &p, const char *key, double fallback)
{
    return p.value(QLatin1String(key)).toDouble(fallback);
}

QStringList lines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out;
}

} // namespace

QWidget *createFieldEditor(const QJsonObject &p, QWidget *parent)
{
    const QString type = typeOf(p);
    if (p.contains(QLatin1String("enum"))) {
        auto *box = new QComboBox(parent);
        for (const QJsonValue &v : p.value(QLatin1String("enum")).toArray())
            box->addItem(v.toVariant().toString(), v.toVariant());
        return box;
    }
    if (p.value(QLatin1String("x-unit")).toString() == QLatin1String("seconds"))
        return new DurationEdit(qint64(bound(p, "minimum", 0)), qint64(bound(p, "maximum", INT_MAX)), parent);
    if (type == QLatin1String("integer")) {
        auto *spin = new QSpinBox(parent);
        spin->setRange(int(qMax(bound(p, "minimum", INT_MIN), double(INT_MIN))),
                       int(qMin(bound(p, "maximum", INT_MAX), double(INT_MAX))));
        return spin;
    }
    if (type == QLatin1String("number")) {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(bound(p, "minimum", -1e15), bound(p, "maximum", 1e15));
        spin->setDecimals(2);
        return spin;
    }
    if (type == QLatin1String("boolean"))
        return new QCheckBox(parent);
    if (type == QLatin1String("array")) {
        auto *edit = new QPlainTextEdit(parent);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
        return edit;
    }
    auto *line = new QLineEdit(parent);
    if (p.value(QLatin1String("writeOnly")).toBool())
        line->setEchoMode(QLineEdit::Password);
    return line;
}

QJsonValue fieldValue(const QWidget *editor)
{
    if (const auto *box = qobject_cast<const QComboBox *>(editor))
        return QJsonValue::fromVariant(box->currentData());
    if (const auto *check = qobject_cast<const QCheckBox *>(editor))
        return check->isChecked();
    if (const auto *duration = qobject_cast<const DurationEdit *>(editor))
        return duration->seconds();
    if (const auto *spin = qobject_cast<const QSpinBox *>(editor))
        return spin->value();
    if (const auto *spin = qobject_cast<const QDoubleSpinBox *>(editor))
        return spin->value();
    if (const auto *edit = qobject_cast<const QPlainTextEdit *>(editor))
        return QJsonArray::fromStringList(lines(edit->toPlainText()));
    return qobject_cast<const QLineEdit *>(editor)->text();
}

void setFieldValue(QWidget *editor, const QJsonValue &value)
{
    if (auto *box = qobject_cast<QComboBox *>(editor))
        box->setCurrentIndex(qMax(0, box->findData(value.toVariant())));
    else if (auto *check = qobject_cast<QCheckBox *>(editor))
        check->setChecked(value.toBool());
    else if (auto *duration = qobject_cast<DurationEdit *>(editor))
        duration->setSeconds(value.toVariant().toLongLong());
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(value.toVariant().toInt());
    else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
        spin->setValue(value.toVariant().toDouble());
    else if (auto *edit = qobject_cast<QPlainTextEdit *>(editor))
        edit->setPlainText(value.isArray() ? value.toVariant().toStringList().join(QLatin1Char('\n'))
                                           : value.toString());
    else
        qobject_cast<QLineEdit *>(editor)->setText(value.toVariant().toString());
}

} // namespace hako::example
