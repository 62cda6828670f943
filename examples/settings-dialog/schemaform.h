// A form for any settings schema a plugin publishes (an object schema whose
// properties carry type, title, description, default and limits): one group
// per "x-group" the plugin names, under the translated heading "x-groups"
// gives (else per key prefix), one editor per key, named after its key.
#pragma once

#include <hako/error.h>

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLabel;

namespace hako::example {

class SchemaForm final : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaForm(const QJsonObject &schema, QWidget *parent = nullptr);

    QJsonObject values() const; // every key, typed as the schema says
    void setValue(const QString &key, const QJsonValue &value);
    void resetToDefaults();
    // Marks the fields an error names (by key) with its message; clears the rest.
    void markProblems(const QList<Error> &errors);

private:
    struct Field
    {
        QString key;
        QJsonObject property;
        QString help;
        QLabel *label;
        QWidget *editor;
    };
    QList<Field> m_fields;
};

} // namespace hako::example
