#include "schemaform.h"

#include "fieldeditor.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QVBoxLayout>

namespace hako::example {
namespace {

// The plugin names each key's group ("x-group") and titles the groups in the
// user's language ("x-groups"); a schema without them is grouped by key prefix.
QString groupOf(const QString &key, const QJsonObject &property)
{
    const int dot = key.indexOf(QLatin1Char('.'));
    return property.value(QLatin1String("x-group")).toString(dot < 0 ? QString() : key.left(dot));
}

// Plugins name the key in their messages; the plain log text is stable.
bool names(const Error &error, const QString &key)
{
    const QString quoted = QLatin1Char('"') + key + QLatin1Char('"');
    return error.logMessage.contains(quoted) || error.message.contains(quoted);
}

} // namespace

SchemaForm::SchemaForm(const QJsonObject &schema, QWidget *parent) : QWidget(parent)
{
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    QStringList order;
    QMap<QString, QString> titles;
    for (const QJsonValue &g : schema.value(QLatin1String("x-groups")).toArray()) {
        order << g.toObject().value(QLatin1String("name")).toString();
        titles.insert(order.last(), g.toObject().value(QLatin1String("title")).toString());
    }
    QMap<QString, QStringList> keysByGroup;
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QString group = groupOf(it.key(), it.value().toObject());
        if (!order.contains(group))
            order << group;
        keysByGroup[group] << it.key();
    }
    // Two columns; each group goes to the shorter one.
    QVBoxLayout *columns[2] = {new QVBoxLayout, new QVBoxLayout};
    int rows[2] = {0, 0};
    QMap<QString, QFormLayout *> groups;
    for (const QString &group : std::as_const(order)) {
        if (!keysByGroup.contains(group))
            continue;
        const QString title = titles.value(group, group.isEmpty() ? tr("General") : group);
        auto *box = new QGroupBox(title, this);
        groups.insert(group, new QFormLayout(box));
        const int column = rows[0] <= rows[1] ? 0 : 1;
        columns[column]->addWidget(box);
        rows[column] += int(keysByGroup.value(group).size()) + 1;
    }
    auto *row = new QHBoxLayout(this);
    for (QVBoxLayout *column : columns) {
        column->addStretch(1);
        row->addLayout(column, 1);
    }
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = it.value().toObject();
        const QString group = groupOf(it.key(), property);
        const QString title = property.value(QLatin1String("title")).toString(it.key());
        auto *label = new QLabel(title, this);
        QWidget *editor = createFieldEditor(property, this);
        editor->setObjectName(it.key());
        const QString help = property.value(QLatin1String("description")).toString() + QStringLiteral("\n(") + it.key()
                             + QLatin1Char(')');
        label->setToolTip(help);
        editor->setToolTip(help);
        label->setBuddy(editor);
        groups.value(group)->addRow(label, editor);
        m_fields.append({it.key(), property, help, label, editor});
    }
    resetToDefaults();
}

QJsonObject SchemaForm::values() const
{
    QJsonObject out;
    for (const Field &f : m_fields)
        out.insert(f.key, fieldValue(f.editor));
    return out;
}

void SchemaForm::setValue(const QString &key, const QJsonValue &value)
{
    for (const Field &f : std::as_const(m_fields))
        if (f.key == key)
            setFieldValue(f.editor, value);
}

void SchemaForm::resetToDefaults()
{
    for (const Field &f : std::as_const(m_fields))
        setFieldValue(f.editor, f.property.value(QLatin1String("default")));
    markProblems({});
}

void SchemaForm::markProblems(const QList<Error> &errors)
{
    for (const Field &f : std::as_const(m_fields)) {
        QStringList messages;
        for (const Error &e : errors)
            if (names(e, f.key))
                messages << e.message;
        f.editor->setStyleSheet(messages.isEmpty() ? QString() : QStringLiteral("border: 2px solid #c0392b;"));
        f.label->setStyleSheet(messages.isEmpty() ? QString() : QStringLiteral("color: #c0392b; font-weight: bold;"));
        f.editor->setToolTip(messages.isEmpty() ? f.help : messages.join(QLatin1Char('\n')));
    }
}

} // namespace hako::example
