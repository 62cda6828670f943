#include "cli.h"

#include "common/translate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace hako::host {
namespace {

const QStringList kCommands = {QStringLiteral("exec"),   QStringLiteral("tool"),  QStringLiteral("tools"),
                               QStringLiteral("end"),    QStringLiteral("serve"), QStringLiteral("doctor"),
                               QStringLiteral("verify"), QStringLiteral("gc"),    QStringLiteral("schema"),
                               QStringLiteral("audit")};
const QStringList kFormats = {QStringLiteral("text"), QStringLiteral("markdown"), QStringLiteral("json")};
const QStringList kAuditActions = {QStringLiteral("verify"), QStringLiteral("export"), QStringLiteral("key")};
const QStringList kValueOptions = {
        QStringLiteral("--conversation"), QStringLiteral("--plugin"),  QStringLiteral("--config"),
        QStringLiteral("--set"),          QStringLiteral("--admin"),   QStringLiteral("--runtime"),
        QStringLiteral("--format"),       QStringLiteral("--timeout"), QStringLiteral("--lang"),
        QStringLiteral("--key"),          QStringLiteral("--check")};

Error usageError(const char *text, const QStringList &args = {})
{
    return failure(QStringLiteral("usage"), kTrContext, text, args);
}

// One of kValueOptions, and the field it fills.
Error takeValue(const QString &flag, const QString &value, Options *o)
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
    else if (flag == QLatin1String("--lang"))
        o->language = value;
    else if (flag == QLatin1String("--key"))
        o->publicKeyFile = value;
    else if (flag == QLatin1String("--check"))
        o->checkReport = value;
    else if (flag == QLatin1String("--format"))
        o->format = value;
    else if (flag == QLatin1String("--timeout")) {
        bool ok = false;
        o->timeoutSeconds = value.toInt(&ok);
        if (!ok || o->timeoutSeconds < 1 || o->timeoutSeconds > 86400)
            return usageError(QT_TR_NOOP("--timeout needs a number of seconds between 1 and 86400."));
    }
    return {};
}

bool takeSwitch(const QString &flag, Options *o)
{
    if (flag == QLatin1String("--json"))
        o->json = true;
    else if (flag == QLatin1String("--delete-workspace"))
        o->deleteWorkspace = true;
    else if (flag == QLatin1String("--mcp"))
        o->mcp = true;
    else if (flag == QLatin1String("--static"))
        o->staticChecks = true;
    else if (flag == QLatin1String("--help") || flag == QLatin1String("-h"))
        o->help = true;
    else
        return false;
    return true;
}

// audit ACTION [FILE...]: export names its format, and the files are what verify and export read.
Error checkAudit(Options *o, const QStringList &positional)
{
    o->auditAction = positional.value(0);
    o->files = positional.mid(1);
    if (!kAuditActions.contains(o->auditAction))
        return usageError(QT_TR_NOOP("audit needs verify, export or key."));
    if (o->auditAction == QLatin1String("export") && o->format != QLatin1String("ocsf"))
        return usageError(QT_TR_NOOP("audit export needs --format ocsf."));
    if (o->auditAction == QLatin1String("key") && !o->files.isEmpty())
        return usageError(QT_TR_NOOP("Unexpected argument \"%1\"."), {o->files.first()});
    if (o->auditAction != QLatin1String("key") && o->files.isEmpty())
        return usageError(QT_TR_NOOP("audit %1 needs at least one log file."), {o->auditAction});
    return {};
}

Error checkRequired(Options *o, const QStringList &positional)
{
    const QString &c = o->command;
    if (c == QLatin1String("audit"))
        return checkAudit(o, positional);
    if (!kFormats.contains(o->format))
        return usageError(QT_TR_NOOP("--format takes text, markdown or json."));
    const bool needsConversation =
            c == QLatin1String("exec") || c == QLatin1String("tool") || c == QLatin1String("end");
    if (needsConversation && o->conversation.isNull())
        return usageError(QT_TR_NOOP("%1 needs --conversation ID."), {c});
    if (c == QLatin1String("exec") && o->commandLine.isEmpty())
        return usageError(QT_TR_NOOP("exec needs a command after --."));
    if (c == QLatin1String("tool")) {
        if (positional.size() != 2)
            return usageError(QT_TR_NOOP("tool needs a tool name and its input as JSON."));
        o->toolName = positional.at(0);
        o->toolInput = positional.at(1);
        return {};
    }
    if (!positional.isEmpty())
        return usageError(QT_TR_NOOP("Unexpected argument \"%1\"."), {positional.first()});
    return {};
}

Error settingsError(const char *text, const QStringList &args)
{
    return failure(QStringLiteral("settings"), kTrContext, text, args);
}

} // namespace

Error parseCommandLine(const QStringList &arguments, Options *o)
{
    QStringList positional;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (arg == QLatin1String("--")) {
            o->commandLine = arguments.mid(i + 1);
            break;
        }
        if (takeSwitch(arg, o))
            continue;
        if (arg.startsWith(QLatin1String("--"))) {
            if (!kValueOptions.contains(arg) || i + 1 == arguments.size())
                return usageError(QT_TR_NOOP("Unknown option \"%1\", or it lacks its value."), {arg});
            if (const Error e = takeValue(arg, arguments.at(++i), o))
                return e;
            continue;
        }
        if (!o->command.isEmpty())
            positional << arg;
        else if (kCommands.contains(arg))
            o->command = arg;
        else
            return usageError(QT_TR_NOOP("Unknown command \"%1\"."), {arg});
    }
    if (o->help)
        return {};
    if (o->command.isEmpty())
        return usageError(QT_TR_NOOP("No command given."));
    return checkRequired(o, positional);
}

Error loadSettings(const Options &options, QJsonObject *settings)
{
    if (!options.configFile.isEmpty()) {
        QFile file(options.configFile);
        if (!file.open(QIODevice::ReadOnly))
            return settingsError(QT_TR_NOOP("Cannot read the settings file %1."), {options.configFile});
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject()) {
            return settingsError(QT_TR_NOOP("The settings file %1 is not a JSON object: %2"),
                                 {options.configFile, parseError.errorString()});
        }
        *settings = doc.object();
    }
    for (const QString &assignment : options.assignments) {
        const int eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return settingsError(QT_TR_NOOP("--set needs key=value, not \"%1\"."), {assignment});
        // JSON when it parses as JSON (numbers, lists), text otherwise; the
        // plugin checks the value against the key's type.
        const QByteArray text = assignment.mid(eq + 1).toUtf8();
        const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]");
        const QJsonValue value =
                doc.isArray() && doc.array().size() == 1 ? doc.array().at(0) : QJsonValue(QString::fromUtf8(text));
        settings->insert(assignment.left(eq), value);
    }
    if (!options.admin.isEmpty())
        settings->insert(QStringLiteral("admin.listen"), options.admin);
    return {};
}

QString usage()
{
    return tr("Usage:\n"
              "  hako-host exec --conversation ID [--timeout S] [--json] -- COMMAND...\n"
              "  hako-host tool --conversation ID NAME JSON\n"
              "  hako-host tools\n"
              "  hako-host end --conversation ID [--delete-workspace]\n"
              "  hako-host serve [--mcp] [--admin HOST:PORT]\n"
              "  hako-host doctor [--static]  --static: only the checks that need no container engine\n"
              "  hako-host verify [--runtime runc|runsc] [--format text|markdown|json]\n"
              "  hako-host verify --check REPORT.json [--key PUBLIC.pem]\n"
              "  hako-host gc\n"
              "  hako-host schema      every setting's type, default, limits and help, as JSON Schema\n"
              "  hako-host audit verify FILE... [--key PUBLIC.pem]\n"
              "  hako-host audit export --format ocsf FILE...\n"
              "  hako-host audit key\n"
              "Common options: --config FILE, --set key=value, --plugin PATH, --help\n"
              "  --lang LANG           messages and the schema's titles in LANG (en, ja); default: the locale's\n");
}

} // namespace hako::host
