#include "cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>


namespace hako::host {
namespace {

// The context lupdate gives tr() in namespace hako::host.
QString tr(const char *text) { return QCoreApplication::translate("hako::host", text); }

const QStringList kCommands = {QStringLiteral("exec"),  QStringLiteral("tool"),   QStringLiteral("tools"),
                               QStringLiteral("end"),   QStringLiteral("serve"),  QStringLiteral("doctor"),
                               QStringLiteral("verify"), QStringLiteral("gc")};
const QStringList kFormats = {QStringLiteral("text"), QStringLiteral("markdown"), QStringLiteral("json")};

// Options taking a value, and the field each fills.
bool takeValue(const QString &flag, const QString &value, Options *o, QString *error)
{
    if (flag == QLatin1String("--conversation"))
        o->conversation = value;
    else if (flag == QLatin1String("--plugin"))
        o->pluginPath = value;
    else if (flag == QLatin1String("--config"))
        o->configFile = value;
    else if (flag == QLatin1String("--set"))
        o->assignments << value;
    else if (flag == QLatin1String("--admin"))
        o->admin = value;
    else if (flag == QLatin1String("--runtime"))
        o->runtime = value;
    else if (flag == QLatin1String("--format")) {
        if (!kFormats.contains(value)) {
            *error = tr("--format takes text, markdown or json.");
            return false;
        }
        o->format = value;
    }
    else if (flag == QLatin1String("--timeout")) {
        bool ok = false;
        o->timeoutSeconds = value.toInt(&ok);
        if (!ok || o->timeoutSeconds < 1 || o->timeoutSeconds > 86400) {
            *error = tr("--timeout needs a number of seconds between 1 and 86400.");
            return false;
        }
    } else
        return false;
    return true;
}

bool takeSwitch(const QString &flag, Options *o)
{
    if (flag == QLatin1String("--json"))
        o->json = true;
    else if (flag == QLatin1String("--delete-workspace"))
        o->deleteWorkspace = true;
    else if (flag == QLatin1String("--mcp"))
        o->mcp = true;
    else
        return false;
    return true;
}

bool checkRequired(Options *o, const QStringList &positional, QString *error)
{
    const QString &c = o->command;
    const bool needsConversation = c == QLatin1String("exec") || c == QLatin1String("tool") || c == QLatin1String("end");
    if (needsConversation && o->conversation.isNull()) {
        *error = tr("%1 needs --conversation ID.").arg(c);
        return false;
    }
    if (c == QLatin1String("exec") && o->commandLine.isEmpty()) {
        *error = tr("exec needs a command after --.");
        return false;
    }
    if (c == QLatin1String("tool")) {
        if (positional.size() != 2) {
            *error = tr("tool needs a tool name and its input as JSON.");
            return false;
        }
        o->toolName = positional.at(0);
        o->toolInput = positional.at(1);
        return true;
    }
    if (!positional.isEmpty()) {
        *error = tr("Unexpected argument \"%1\".").arg(positional.first());
        return false;
    }
    return true;
}

} // namespace

bool parseCommandLine(const QStringList &arguments, Options *o, QString *error)
{
    QStringList positional;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (arg == QLatin1String("--")) {
            o->commandLine = arguments.mid(i + 1);
            break;
        }
        if (arg.startsWith(QLatin1String("--"))) {
            if (takeSwitch(arg, o))
                continue;
            if (i + 1 < arguments.size() && takeValue(arg, arguments.at(i + 1), o, error)) {
                ++i;
                continue;
            }
            if (error->isEmpty())
                *error = tr("Unknown option \"%1\", or it lacks its value.").arg(arg);
            return false;
        }
        if (o->command.isEmpty()) {
            if (!kCommands.contains(arg)) {
                *error = tr("Unknown command \"%1\".").arg(arg);
                return false;
            }
            o->command = arg;
        } else {
            positional << arg;
        }
    }
    if (o->command.isEmpty()) {
        *error = tr("No command given.");
        return false;
    }
    return checkRequired(o, positional, error);
}

bool loadSettings(const Options &options, QJsonObject *settings, QString *error)
{
    if (!options.configFile.isEmpty()) {
        QFile file(options.configFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read the settings file %1.").arg(options.configFile);
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject()) {
            *error = tr("The settings file %1 is not a JSON object: %2")
                         .arg(options.configFile, parseError.errorString());
            return false;
        }
        *settings = doc.object();
    }
    for (const QString &assignment : options.assignments) {
        const int eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = tr("--set needs key=value, not \"%1\".").arg(assignment);
            return false;
        }
        // JSON when it parses as JSON (numbers, lists), text otherwise; the
        // plugin checks the value against the key's type.
        const QByteArray text = assignment.mid(eq + 1).toUtf8();
        const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]");
        const QJsonValue value = doc.isArray() && doc.array().size() == 1 ? doc.array().at(0)
                                                                          : QJsonValue(QString::fromUtf8(text));
        settings->insert(assignment.left(eq), value);
    }
    if (!options.admin.isEmpty())
        settings->insert(QStringLiteral("admin.listen"), options.admin);
    return true;
}

QString usage()
{
    return tr("Usage:\n"
              "  hako-host exec --conversation ID [--timeout S] [--json] -- COMMAND...\n"
              "  hako-host tool --conversation ID NAME JSON\n"
              "  hako-host tools\n"
              "  hako-host end --conversation ID [--delete-workspace]\n"
              "  hako-host serve [--mcp] [--admin HOST:PORT]\n"
              "  hako-host doctor\n"
              "  hako-host verify [--runtime runc|runsc] [--format text|markdown|json]\n"
              "  hako-host gc\n"
              "Common options: --config FILE, --set key=value, --plugin PATH\n");
}

} // namespace hako::host
