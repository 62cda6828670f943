// Parses hako-host's command line into plain data.
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace hako::host {

struct Options
{
    QString command;          // exec, tool, tools, end, serve, doctor, verify
    QString conversation;
    QString toolName;
    QString toolInput;        // JSON text for `tool`
    QStringList commandLine;  // after `--` for `exec`
    int timeoutSeconds = 0;   // 0: the plugin's default
    bool json = false;
    bool deleteWorkspace = false;
    bool mcp = false;
    QString admin;            // serve --admin HOST:PORT, as admin.listen
    QString runtime;          // verify: overrides the runtime setting
    QString format = QStringLiteral("text"); // verify: text, markdown or json
    QString pluginPath;
    QString configFile;
    QStringList assignments;  // --set key=value, in order
};

// Returns false with a translated message in `error` when the line is not valid.
bool parseCommandLine(const QStringList &arguments, Options *options, QString *error);

// Settings from --config and --set, --set winning; false with a message on error.
bool loadSettings(const Options &options, QJsonObject *settings, QString *error);

QString usage();

} // namespace hako::host
