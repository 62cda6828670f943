// hako-settings-dialog: the settings dialog a desktop host would show for the
// Hako plugin, built from nothing but the plugin's published schema.
//
//   hako-settings-dialog [--plugin PATH] [--set key=value]... [--apply] [--screenshot FILE]
//
// The plugin is the one installed beside the interface library (hako::pluginPath()),
// unless --plugin or $HAKO_PLUGIN names another.
// --set fills fields before the dialog shows, --apply presses Apply once, and
// --screenshot saves the dialog as an image and quits (docs/settings-dialog*.png).
#include "schemaform.h"
#include "settingsdialog.h"

#include <hako/pluginpath.h>
#include <hako/toolexecutor.h>

#include <QApplication>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPluginLoader>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace hako::example;

namespace {

struct Arguments
{
    QString plugin = qEnvironmentVariable("HAKO_PLUGIN", hako::pluginPath());
    QStringList assignments;
    bool apply = false;
    QString screenshot;
};

Arguments parse(const QStringList &args)
{
    Arguments a;
    for (int i = 1; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args.at(i) == QLatin1String("--plugin") && hasValue)
            a.plugin = args.at(++i);
        else if (args.at(i) == QLatin1String("--set") && hasValue)
            a.assignments << args.at(++i);
        else if (args.at(i) == QLatin1String("--screenshot") && hasValue)
            a.screenshot = args.at(++i);
        else if (args.at(i) == QLatin1String("--apply"))
            a.apply = true;
    }
    return a;
}

// What the integration guide asks of a host before instance(): the metadata,
// read without running any of the plugin's code, names our interface and the
// API version this program was built for (the interface's major version).
hako::ToolExecutor *loadExecutor(QPluginLoader *loader, QString *why)
{
    constexpr int kApiVersion = 1;
    const QJsonObject meta = loader->metaData();
    if (meta.isEmpty()) {
        *why = loader->errorString();
        return nullptr;
    }
    if (meta.value(QLatin1String("IID")).toString() != QLatin1String(HakoToolExecutor_iid)
        || meta.value(QLatin1String("MetaData")).toObject().value(QLatin1String("apiVersion")).toInt() != kApiVersion) {
        *why = SettingsDialog::tr("It is not a Hako plugin of interface %1.").arg(QLatin1String(HakoToolExecutor_iid));
        return nullptr;
    }
    auto *executor = qobject_cast<hako::ToolExecutor *>(loader->instance());
    if (!executor)
        *why = loader->errorString();
    return executor;
}

void saveWhenShown(SettingsDialog *dialog, const QString &file)
{
    QTimer::singleShot(500, dialog, [dialog, file] {
        const bool saved = dialog->grab().save(file);
        std::fprintf(stderr, "%s %s\n", saved ? "saved" : "could not save", qPrintable(file));
        QApplication::exit(saved ? 0 : 1);
    });
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Qt's own strings (standard buttons) in the user's language; the plugin brings its own.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    const Arguments args = parse(app.arguments());
    QPluginLoader loader(args.plugin);
    QString why;
    auto *executor = loadExecutor(&loader, &why);
    if (!executor) {
        QMessageBox::critical(nullptr, QStringLiteral("Hako"),
                              SettingsDialog::tr("The plugin %1 could not be loaded: %2").arg(args.plugin, why));
        return 1;
    }
    SettingsDialog dialog(executor);
    for (const QString &assignment : args.assignments) {
        const int eq = assignment.indexOf(QLatin1Char('='));
        dialog.form()->setValue(assignment.left(eq), assignment.mid(eq + 1));
    }
    if (args.apply)
        dialog.apply();
    dialog.resize(1000, 860);
    dialog.show();
    if (!args.screenshot.isEmpty())
        saveWhenShown(&dialog, args.screenshot);
    return app.exec();
}
