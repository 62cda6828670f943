#include "translate.h"

#include <QCoreApplication>

namespace hako::host {
namespace {

QString filled(QString text, const QStringList &args)
{
    for (const QString &arg : args)
        text = text.arg(arg);
    return text;
}

} // namespace

QString translate(const char *context, const char *text, const QStringList &args)
{
    return filled(QCoreApplication::translate(context, text), args);
}

Error failure(const QString &code, const char *context, const char *text, const QStringList &args)
{
    return {code, translate(context, text, args), filled(QString::fromUtf8(text), args)};
}

} // namespace hako::host
