// A host's settings dialog for a ToolExecutor plugin: the plugin's schema
// rendered by SchemaForm; Apply hands the values to the plugin's configure(),
// which validates them and answers with translated errors, listed here.
#pragma once

#include <hako/toolexecutor.h>

#include <QDialog>

class QLabel;

namespace hako::example {

class SchemaForm;

class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(ToolExecutor *executor, QWidget *parent = nullptr);

    SchemaForm *form() const { return m_form; }
    // Validates and applies through the plugin; true when it took the values.
    bool apply();

private:
    ToolExecutor *m_executor;
    SchemaForm *m_form;
    QLabel *m_status;
};

} // namespace hako::example
