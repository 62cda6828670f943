#include "cli.h"
#include "commands.h"
#include "doctor.h"
#include "pluginhost.h"
#include "verify.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

using namespace hako::host;

namespace {

void printError(const QString &message) { std::fprintf(stderr, "hako-host: %s\n", qPrintable(message)); }

int configure(hako::ToolExecutor *executor, const Options &options)
{
    QJsonObject settings;
    QString error;
    if (!loadSettings(options, &settings, &error)) {
        printError(error);
        return kExitUsage;
    }
    const QList<hako::Error> problems = executor->configure(settings);
    for (const hako::Error &e : problems)
        printError(e.message);
    return problems.isEmpty() ? 0 : kExitUsage;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hako-host"));
    // The command line's own messages come before the plugin brings its translations.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("hako"), QStringLiteral("_"), QStringLiteral(":/hako-host/i18n")))
        QCoreApplication::installTranslator(&translator);
    Options options;
    QString error;
    if (!parseCommandLine(app.arguments(), &options, &error)) {
        printError(error);
        std::fputs(qPrintable(usage()), stderr);
        return kExitUsage;
    }
    // One-shot commands print the command's own output; the plugin's progress
    // notes stay quiet there (QT_LOGGING_RULES still overrides this).
    if (options.command != QLatin1String("serve"))
        QLoggingCategory::setFilterRules(QStringLiteral("hako.*.info=false"));
    PluginHost host;
    if (!host.load(options.pluginPath, &error)) {
        printError(error);
        return options.command == QLatin1String("doctor") ? runDoctor(nullptr, options) : kExitToolError;
    }
    if (const int status = configure(host.executor(), options))
        return status;
    if (options.command == QLatin1String("exec"))
        return runExec(host.executor(), options);
    if (options.command == QLatin1String("tool"))
        return runTool(host.executor(), options);
    if (options.command == QLatin1String("tools"))
        return runTools(host.executor());
    if (options.command == QLatin1String("end"))
        return runEnd(host.executor(), options);
    if (options.command == QLatin1String("serve"))
        return runServe(host.executor(), options);
    if (options.command == QLatin1String("verify"))
        return runVerify(host.executor(), options);
    return runDoctor(host.executor(), options);
}
