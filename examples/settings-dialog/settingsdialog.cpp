#include "settingsdialog.h"

#include "schemaform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace hako::example {

SettingsDialog::SettingsDialog(ToolExecutor *executor, QWidget *parent)
    : QDialog(parent), m_executor(executor), m_form(new SchemaForm(executor->settingsSchema())),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("Sandbox settings"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(
            QDialogButtonBox::Apply | QDialogButtonBox::RestoreDefaults | QDialogButtonBox::Close, this);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, m_form,
            &SchemaForm::resetToDefaults);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

bool SettingsDialog::apply()
{
    const QList<Error> errors = m_executor->configure(m_form->values());
    m_form->markProblems(errors);
    QStringList lines;
    for (const Error &e : errors)
        lines << QStringLiteral("• ") + e.message;
    m_status->setStyleSheet(errors.isEmpty() ? QString() : QStringLiteral("color: #c0392b;"));
    m_status->setText(errors.isEmpty() ? tr("The settings were applied.")
                                       : tr("The plugin did not accept these settings:") + QLatin1Char('\n')
                                                 + lines.join(QLatin1Char('\n')));
    return errors.isEmpty();
}

} // namespace hako::example
