// Parses hako-host's command line into plain data.
#pragma once

#include <hako/error.h>

#include <QJsonObject>
#include <QStringList>

namespace hako::host {

struct Options
{
    QString command; // exec, tool, tools, end, serve, doctor, verify, gc, schema, audit
    QString conversation;
    QString toolName;
    QString toolInput;       // JSON text for `tool`
    QStringList commandLine; // after `--` for `exec`
    int timeoutSeconds = 0;  // 0: the plugin's default
    bool json = false;
    bool deleteWorkspace = false;
    bool mcp = false;
    bool staticChecks = false; // doctor --static: only the checks that need no container engine
    bool help = false;
    QString language;                        // --lang: instead of the locale's
    QString admin;                           // serve --admin HOST:PORT, as admin.listen
    QString runtime;                         // verify: overrides the runtime setting
    QString format = QStringLiteral("text"); // verify: text, markdown or json; audit export: ocsf
    QString auditAction;                     // audit: verify, export or key
    QStringList files;                       // audit verify and export: the log files, oldest first
    QString publicKeyFile;                   // audit verify --key, verify --check --key
    QString checkReport;                     // verify --check REPORT: the report to hold against this host
    QString pluginPath;
    QString configFile;
    QStringList assignments; // --set key=value, in order
};

// What is wrong with the line, if anything ("usage").
Error parseCommandLine(const QStringList &arguments, Options *options);

// Settings from --config and --set, --set winning; a file or value that cannot be read is a "settings" error.
Error loadSettings(const Options &options, QJsonObject *settings);

QString usage();

} // namespace hako::host
