#include "toolcatalog.h"

#include "policy/errors.h"

#include <QCoreApplication>

#include <optional>

namespace hako {
namespace {

constexpr char kTools[] = "hako::Tools";

QJsonObject prop(const char *type, const QString &description)
{
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("description"), description}};
}

// Not named tr(): lupdate would take it for a translation call and miss the QT_TRANSLATE_NOOP inside.
QString translated(const char *text)
{
    return QCoreApplication::translate(kTools, text);
}

QJsonObject schema(const QJsonObject &properties, const QStringList &required)
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"), QJsonArray::fromStringList(required)},
            {QStringLiteral("additionalProperties"), false}};
}

QJsonObject bashDefinition()
{
    QJsonObject timeout =
            prop("integer", translated(QT_TRANSLATE_NOOP("hako::Tools", "Seconds before the command is killed.")));
    timeout.insert(QStringLiteral("minimum"), 1);
    timeout.insert(QStringLiteral("maximum"), 86400);
    return {{QStringLiteral("name"), QLatin1String(tool::kBash)},
            {QStringLiteral("description"),
             translated(QT_TRANSLATE_NOOP(
                     "hako::Tools", "Run a command in a persistent bash session inside the conversation's sandbox. "
                                    "The working directory and exported variables persist between calls. "
                                    "There is no network access. Files live in /workspace."))},
            {QStringLiteral("input_schema"),
             schema({{QStringLiteral("command"),
                      prop("string", translated(QT_TRANSLATE_NOOP("hako::Tools", "The command to run.")))},
                     {QStringLiteral("restart"),
                      prop("boolean", translated(QT_TRANSLATE_NOOP("hako::Tools", "Start a fresh session first.")))},
                     {QStringLiteral("timeout"), timeout}},
                    {})}};
}

QJsonObject editorDefinition()
{
    QJsonObject command = prop("string", translated(QT_TRANSLATE_NOOP("hako::Tools", "The edit to perform.")));
    command.insert(QStringLiteral("enum"), QJsonArray{QStringLiteral("view"), QStringLiteral("create"),
                                                      QStringLiteral("str_replace"), QStringLiteral("insert")});
    QJsonObject range = prop(
            "array", translated(QT_TRANSLATE_NOOP("hako::Tools", "For view: [first, last] line; -1 means the end.")));
    range.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}});
    return {{QStringLiteral("name"), QLatin1String(tool::kEditor)},
            {QStringLiteral("description"),
             translated(QT_TRANSLATE_NOOP(
                     "hako::Tools", "View, create and edit files under /workspace. str_replace needs old_str to occur "
                                    "exactly once; insert adds new_str after line insert_line (0 for the top)."))},
            {QStringLiteral("input_schema"),
             schema({{QStringLiteral("command"), command},
                     {QStringLiteral("path"),
                      prop("string", translated(QT_TRANSLATE_NOOP("hako::Tools", "Path under /workspace.")))},
                     {QStringLiteral("file_text"),
                      prop("string", translated(QT_TRANSLATE_NOOP("hako::Tools", "For create: the content.")))},
                     {QStringLiteral("old_str"),
                      prop("string",
                           translated(QT_TRANSLATE_NOOP("hako::Tools", "For str_replace: the text to replace.")))},
                     {QStringLiteral("new_str"),
                      prop("string",
                           translated(QT_TRANSLATE_NOOP("hako::Tools", "For str_replace and insert: the new text.")))},
                     {QStringLiteral("insert_line"),
                      prop("integer", translated(QT_TRANSLATE_NOOP("hako::Tools",
                                                                   "For insert: the line after which to insert.")))},
                     {QStringLiteral("view_range"), range}},
                    {QStringLiteral("command"), QStringLiteral("path")})}};
}

QJsonObject encodingProperty()
{
    QJsonObject encoding =
            prop("string", translated(QT_TRANSLATE_NOOP("hako::Tools", "utf-8 for text, base64 for any bytes.")));
    encoding.insert(QStringLiteral("enum"), QJsonArray{QStringLiteral("utf-8"), QStringLiteral("base64")});
    return encoding;
}

QJsonObject readDefinition()
{
    return {{QStringLiteral("name"), QLatin1String(tool::kReadFile)},
            {QStringLiteral("description"),
             translated(QT_TRANSLATE_NOOP("hako::Tools",
                                          "Read a file from /workspace, as text or base64 for binary content."))},
            {QStringLiteral("input_schema"),
             schema({{QStringLiteral("path"),
                      prop("string", translated(QT_TRANSLATE_NOOP("hako::Tools", "Path under /workspace.")))},
                     {QStringLiteral("encoding"), encodingProperty()}},
                    {QStringLiteral("path")})}};
}

QJsonObject writeDefinition()
{
    return {{QStringLiteral("name"), QLatin1String(tool::kWriteFile)},
            {QStringLiteral("description"),
             translated(QT_TRANSLATE_NOOP("hako::Tools", "Write a file under /workspace, replacing it atomically."))},
            {QStringLiteral("input_schema"),
             schema({{QStringLiteral("path"),
                      prop("string", translated(QT_TRANSLATE_NOOP("hako::Tools", "Path under /workspace.")))},
                     {QStringLiteral("content"),
                      prop("string",
                           translated(QT_TRANSLATE_NOOP("hako::Tools", "The content, encoded as said by encoding.")))},
                     {QStringLiteral("encoding"), encodingProperty()}},
                    {QStringLiteral("path"), QStringLiteral("content")})}};
}

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("integer"))
        return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
    return false;
}

std::optional<ErrorArg> checkProperty(const QString &key, const QJsonValue &value, const QJsonObject &spec)
{
    const QString type = spec.value(QLatin1String("type")).toString();
    if (!hasType(value, type))
        return ErrorArg::phrase(kTools, QT_TRANSLATE_NOOP("hako::Tools", "\"%1\" must be of type %2."), {key, type});
    const QJsonArray allowed = spec.value(QLatin1String("enum")).toArray();
    if (!allowed.isEmpty() && !allowed.contains(value))
        return ErrorArg::phrase(kTools, QT_TRANSLATE_NOOP("hako::Tools", "\"%1\" has a value that is not allowed."),
                                {key});
    const QJsonValue minimum = spec.value(QLatin1String("minimum"));
    const QJsonValue maximum = spec.value(QLatin1String("maximum"));
    if ((minimum.isDouble() && value.toDouble() < minimum.toDouble())
        || (maximum.isDouble() && value.toDouble() > maximum.toDouble()))
        return ErrorArg::phrase(kTools, QT_TRANSLATE_NOOP("hako::Tools", "\"%1\" is out of range."), {key});
    const QString itemType = spec.value(QLatin1String("items")).toObject().value(QLatin1String("type")).toString();
    for (const QJsonValue &item : value.toArray())
        if (!hasType(item, itemType))
            return ErrorArg::phrase(kTools, QT_TRANSLATE_NOOP("hako::Tools", "\"%1\" must contain only %2 values."),
                                    {key, itemType});
    return std::nullopt;
}

} // namespace

QJsonArray ToolCatalog::definitions()
{
    return {bashDefinition(), editorDefinition(), readDefinition(), writeDefinition()};
}

Error ToolCatalog::validate(const QString &name, const QJsonObject &input)
{
    QJsonObject inputSchema;
    for (const QJsonValue &d : definitions())
        if (d.toObject().value(QLatin1String("name")).toString() == name)
            inputSchema = d.toObject().value(QLatin1String("input_schema")).toObject();
    if (inputSchema.isEmpty())
        return makeError(ErrorCode::UnknownTool, {name});
    const QJsonObject properties = inputSchema.value(QLatin1String("properties")).toObject();
    for (const QJsonValue &required : inputSchema.value(QLatin1String("required")).toArray())
        if (!input.contains(required.toString()))
            return makeError(ErrorCode::BadInput,
                             {name, ErrorArg::phrase(kTools, QT_TRANSLATE_NOOP("hako::Tools", "\"%1\" is required."),
                                                     {required.toString()})});
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (!properties.contains(it.key()))
            return makeError(
                    ErrorCode::BadInput,
                    {name, ErrorArg::phrase(kTools, QT_TRANSLATE_NOOP("hako::Tools", "\"%1\" is not a known field."),
                                            {it.key()})});
        if (const auto problem = checkProperty(it.key(), it.value(), properties.value(it.key()).toObject()))
            return makeError(ErrorCode::BadInput, {name, *problem});
    }
    if (name == QLatin1String(tool::kBash) && !input.contains(QLatin1String("command"))
        && !input.value(QLatin1String("restart")).toBool())
        return makeError(
                ErrorCode::BadInput,
                {name, ErrorArg::phrase(kTools, QT_TRANSLATE_NOOP("hako::Tools", "\"command\" is required."))});
    return {};
}

} // namespace hako
