#include "commands.h"

#include "common/signalwatcher.h"
#include "common/translate.h"
#include "mcp/mcpsession.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QUuid>

#include <cstdio>
#include <memory>

namespace hako::host {
namespace {

void printLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

void printJson(const QJsonObject &object)
{
    printLine(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed());
}

QJsonObject errorJson(const Error &error)
{
    return {{QStringLiteral("error"),
             QJsonObject{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}}}};
}

// Waits for the call, cancelling it on SIGINT/SIGTERM. Owns it afterwards.
std::unique_ptr<ToolCall> await(ToolCall *call)
{
    std::unique_ptr<ToolCall> owned(call);
    QEventLoop loop;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, call, &ToolCall::cancel);
    QObject::connect(call, &ToolCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return owned;
}

QString newCallId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int execExitStatus(const QJsonObject &result)
{
    if (result.value(QLatin1String("timed_out")).toBool()) {
        printLine(stderr, tr("hako-host: the command timed out and was killed."));
        return kExitTimeout;
    }
    if (result.value(QLatin1String("oom_killed")).toBool())
        printLine(stderr, tr("hako-host: the command ran out of memory and was killed."));
    return result.value(QLatin1String("exit_code")).toInt(kExitToolError);
}

} // namespace

int runExec(ToolExecutor *executor, const Options &options)
{
    QJsonObject input = {{QStringLiteral("command"), options.commandLine.join(QLatin1Char(' '))}};
    if (options.timeoutSeconds > 0)
        input.insert(QStringLiteral("timeout"), options.timeoutSeconds);
    ToolCall *call = executor->call(options.conversation, newCallId(), QStringLiteral("bash"), input);
    if (!options.json) {
        // Output goes through unchanged, byte for byte, as it arrives.
        QObject::connect(call, &ToolCall::output, call, [](ToolCall::Stream stream, const QByteArray &chunk) {
            FILE *out = stream == ToolCall::Stream::Stdout ? stdout : stderr;
            std::fwrite(chunk.constData(), 1, std::size_t(chunk.size()), out);
            std::fflush(out);
        });
    }
    const auto done = await(call);
    if (const Error error = done->error()) {
        if (options.json)
            printJson(errorJson(error));
        else
            printLine(stderr, QStringLiteral("hako-host: ") + error.message);
        return error.code == QLatin1String("cancelled") ? kExitCancelled : kExitToolError;
    }
    const QJsonObject r = done->result();
    if (options.json) {
        printJson({{QStringLiteral("exit_code"), r.value(QLatin1String("exit_code"))},
                   {QStringLiteral("stdout"), r.value(QLatin1String("stdout"))},
                   {QStringLiteral("stderr"), r.value(QLatin1String("stderr"))},
                   {QStringLiteral("timed_out"), r.value(QLatin1String("timed_out"))},
                   {QStringLiteral("duration_ms"), r.value(QLatin1String("duration_ms"))},
                   {QStringLiteral("oom_killed"), r.value(QLatin1String("oom_killed"))},
                   {QStringLiteral("truncated"), r.value(QLatin1String("truncated"))}});
    }
    return execExitStatus(r);
}

int runTool(ToolExecutor *executor, const Options &options)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(options.toolInput.toUtf8(), &parseError);
    if (!doc.isObject()) {
        printLine(stderr, tr("hako-host: the tool input is not a JSON object: %1").arg(parseError.errorString()));
        return kExitUsage;
    }
    const auto done = await(executor->call(options.conversation, newCallId(), options.toolName, doc.object()));
    if (done->error()) {
        printJson(errorJson(done->error()));
        return 1;
    }
    printJson(done->result());
    return 0;
}

int runTools(ToolExecutor *executor)
{
    printLine(stdout,
              QString::fromUtf8(QJsonDocument(executor->toolDefinitions()).toJson(QJsonDocument::Indented)).trimmed());
    return 0;
}

int runSchema(ToolExecutor *executor)
{
    printJson(executor->settingsSchema());
    return 0;
}

int runEnd(ToolExecutor *executor, const Options &options)
{
    const auto done = await(executor->endConversation(options.conversation, options.deleteWorkspace));
    if (done->error()) {
        printLine(stderr, QStringLiteral("hako-host: ") + done->error().message);
        return 1;
    }
    return 0;
}

int runServe(ToolExecutor *executor, const Options &options)
{
    executor->start();
    QEventLoop loop;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &loop, &QEventLoop::quit);
    std::unique_ptr<McpSession> mcp;
    if (options.mcp) {
        mcp = std::make_unique<McpSession>(executor, options.conversation);
        QObject::connect(mcp.get(), &McpSession::closed, &loop, &QEventLoop::quit);
    }
    loop.exec();
    if (mcp)
        mcp->finish();
    executor->shutdown();
    return 0;
}

int runGc(ToolExecutor *executor)
{
    const auto done = await(executor->collectGarbage());
    if (done->error()) {
        printJson(errorJson(done->error()));
        return 1;
    }
    printJson(done->result());
    return 0;
}

} // namespace hako::host
