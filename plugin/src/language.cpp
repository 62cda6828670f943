#include "language.h"

#include <QCoreApplication>
#include <QEvent>

namespace hako {

Language::Language(QObject *parent) : QObject(parent)
{
    follow(QLocale());
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

// A plugin may outlive the application (its loader unloads it at exit): then there is nothing to remove from.
Language::~Language()
{
    if (m_translator && QCoreApplication::instance())
        QCoreApplication::removeTranslator(m_translator.get());
}

bool Language::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance()
        && (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange))
        follow(QLocale());
    return QObject::eventFilter(watched, event);
}

void Language::follow(const QLocale &locale)
{
    if (locale.name() == m_current && !m_current.isEmpty())
        return;
    // Set first: installing and removing translators send LanguageChange, which lands here again.
    m_current = locale.name();
    auto next = std::make_unique<QTranslator>();
    const bool found = next->load(locale, QStringLiteral("hako"), QStringLiteral("_"), QStringLiteral(":/hako/i18n"));
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = found ? std::move(next) : nullptr;
    if (m_translator)
        QCoreApplication::installTranslator(m_translator.get());
}

} // namespace hako
