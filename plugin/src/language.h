// The plugin's translations follow the host's language at run time.
//
// At construction it loads the catalogue for QLocale() (from the plugin's own
// resources: no file or engine is touched). Whenever the application receives
// QEvent::LanguageChange or QEvent::LocaleChange (Qt sends the former each time
// a translator is installed or removed), it loads the catalogue for QLocale()
// again if that names another language. A host switches language with
// QLocale::setDefault() followed by installing its own translators, or by
// sending QEvent::LanguageChange to the application; every error, tool
// definition and settings schema made afterwards is in the new language.
#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

#include <memory>

namespace hako {

class Language : public QObject
{
    Q_OBJECT

public:
    explicit Language(QObject *parent = nullptr);
    ~Language() override;

    // The language whose messages are in use now ("ja_JP", "en_US", "C" for the source texts).
    QString current() const { return m_current; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(const QLocale &locale);

    std::unique_ptr<QTranslator> m_translator; // null when the source texts (English) are used
    QString m_current;
};

} // namespace hako
