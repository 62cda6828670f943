#include "cli/audit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "common/pluginhost.h"
#include "doctor/doctor.h"
#include "verify/verify.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QLocale>
#include <QLibraryInfo>
#include <QTranslator>

#include <cstdio>
#include <sys/resource.h>

using namespace hako::host;

namespace {

// Each conversation holds a few descriptors (agent channel, proxy listener,
// proxy connections up to proxy.maxConnections): the usual soft limit of 1024
// would let a few dozen busy sandboxes starve the rest. The hard limit is the
// operator's bound.
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

void printError(const QString &message)
{
    std::fprintf(stderr, "hako-host: %s\n", qPrintable(message));
}

// Settings the plugin refused; a file or --set that cannot be read is one too.
QList<hako::Error> configure(hako::ToolExecutor *executor, const Options &options)
{
    QJsonObject settings;
    if (const hako::Error e = loadSettings(options, &settings))
        return {e};
    return executor->configure(settings);
}

// The command line's messages, and Qt's own (a plugin loader's or a JSON parser's error) in the
// same language when Qt's catalogues are installed (qt6-translations-l10n).
void useLanguage(QTranslator *translator, QTranslator *qtTranslator)
{
    QCoreApplication::removeTranslator(translator);
    if (translator->load(QLocale(), QStringLiteral("hako"), QStringLiteral("_"), QStringLiteral(":/hako-host/i18n")))
        QCoreApplication::installTranslator(translator);
    QCoreApplication::removeTranslator(qtTranslator);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
}

} // namespace

int main(int argc, char **argv)
{
    raiseDescriptorLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hako-host"));
    // The command line's own messages come before the plugin brings its translations.
    QTranslator translator;
    QTranslator qtTranslator;
    useLanguage(&translator, &qtTranslator);
    Options options;
    if (const hako::Error e = parseCommandLine(app.arguments(), &options)) {
        printError(e.message);
        std::fputs(qPrintable(usage()), stderr);
        return kExitUsage;
    }
    // Before the plugin loads: it takes the default locale's language.
    if (!options.language.isEmpty()) {
        QLocale::setDefault(QLocale(options.language));
        useLanguage(&translator, &qtTranslator);
    }
    if (options.help) {
        std::fputs(qPrintable(usage()), stdout);
        return 0;
    }
    // The audit log is checked and exported without the plugin.
    if (options.command == QLatin1String("audit"))
        return runAudit(options);
    // One-shot commands print the command's own output; the plugin's progress
    // notes stay quiet there (QT_LOGGING_RULES still overrides this).
    if (options.command != QLatin1String("serve"))
        QLoggingCategory::setFilterRules(QStringLiteral("hako.*.info=false"));
    // The doctor's report says what the plugin's warnings would.
    if (options.command == QLatin1String("doctor"))
        QLoggingCategory::setFilterRules(QStringLiteral("hako.*=false"));
    const bool doctor = options.command == QLatin1String("doctor");
    PluginHost host;
    if (const hako::Error e = host.load(options.pluginPath)) {
        printError(e.message);
        return doctor ? runDoctor(nullptr, options, {}) : kExitToolError;
    }
    // The schema and the tool catalogue are the same whatever the settings; printing them touches nothing.
    if (options.command == QLatin1String("schema"))
        return runSchema(host.executor());
    if (options.command == QLatin1String("tools"))
        return runTools(host.executor());
    const QList<hako::Error> problems = configure(host.executor(), options);
    if (doctor)
        return runDoctor(host.executor(), options, problems);
    for (const hako::Error &e : problems)
        printError(e.message);
    if (!problems.isEmpty())
        return kExitUsage;
    if (options.command == QLatin1String("exec"))
        return runExec(host.executor(), options);
    if (options.command == QLatin1String("tool"))
        return runTool(host.executor(), options);
    if (options.command == QLatin1String("end"))
        return runEnd(host.executor(), options);
    if (options.command == QLatin1String("verify"))
        return runVerify(host.executor(), options);
    if (options.command == QLatin1String("gc"))
        return runGc(host.executor());
    return runServe(host.executor(), options);
}
