// A host written from docs/host-integration.md alone and built out of tree
// against the installed package: it finds and checks the plugin as section 2
// says, runs a bash call while streaming its output and releases the handle
// with deleteLater() in its finished() slot (section 4), deletes the handle of
// a running call to cancel it, and ends the conversation.
//
//   hostapp WORKSPACES_DIR RUNTIME_DIR
#include <hako/pluginpath.h>
#include <hako/toolexecutor.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QPluginLoader>

#include <cstdio>

namespace {

const QString kConversation = QStringLiteral("package-test");

int fail(const QString &why)
{
    std::fprintf(stderr, "hostapp: %s\n", qPrintable(why));
    return 1;
}

// Section 2: metadata first, instance() only for our interface and API version.
hako::ToolExecutor *load(QPluginLoader *loader)
{
    const QJsonObject meta = loader->metaData();
    if (meta.value(QLatin1String("IID")).toString() != QLatin1String(HakoToolExecutor_iid)
        || meta.value(QLatin1String("MetaData")).toObject().value(QLatin1String("apiVersion")).toInt() != 1)
        return nullptr;
    return qobject_cast<hako::ToolExecutor *>(loader->instance());
}

// A one-shot program's event loop, run until `handle` is gone.
void runUntilDestroyed(QObject *handle)
{
    QEventLoop loop;
    QObject::connect(handle, &QObject::destroyed, &loop, &QEventLoop::quit);
    loop.exec();
}

// Section 4: connect after call() returned; in finished(), read the outcome
// and release the handle with deleteLater().
hako::Error bash(hako::ToolExecutor *executor, const QString &callId, const QString &command, QJsonObject *result)
{
    QByteArray streamed;
    hako::Error error;
    hako::ToolCall *call =
            executor->call(kConversation, callId, QStringLiteral("bash"), {{QStringLiteral("command"), command}});
    QObject::connect(call, &hako::ToolCall::output, call,
                     [&streamed](hako::ToolCall::Stream, const QByteArray &chunk) { streamed += chunk; });
    QObject::connect(call, &hako::ToolCall::finished, call, [call, &error, result] {
        error = call->error();
        *result = call->result();
        call->deleteLater();
    });
    runUntilDestroyed(call);
    std::printf("%s streamed %s", qPrintable(callId), streamed.constData());
    return error;
}

// Section 4: deleting the handle of a running call cancels it; the
// conversation is free for the next call.
hako::Error deleteWhileRunning(hako::ToolExecutor *executor)
{
    hako::ToolCall *call =
            executor->call(kConversation, QStringLiteral("long"), QStringLiteral("bash"),
                           {{QStringLiteral("command"), QStringLiteral("echo started; exec sleep 300")}});
    QEventLoop started;
    QObject::connect(call, &hako::ToolCall::output, &started, &QEventLoop::quit);
    QObject::connect(call, &hako::ToolCall::finished, &started, &QEventLoop::quit);
    started.exec();
    if (call->isFinished())
        return call->error() ? call->error() : hako::Error{QStringLiteral("ended"), QStringLiteral("the call ended")};
    delete call;
    // The sleep is gone from the container within half a minute, or the answer is "still".
    QJsonObject result;
    const hako::Error e = bash(executor, QStringLiteral("after-delete"),
                               QStringLiteral("for i in $(seq 300); do grep -qlx sleep /proc/[0-9]*/comm 2>/dev/null "
                                              "|| { echo gone; exit 0; }; sleep 0.1; done; echo still"),
                               &result);
    return e;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return fail(QStringLiteral("usage: hostapp WORKSPACES_DIR RUNTIME_DIR"));
    QPluginLoader loader(hako::pluginPath());
    hako::ToolExecutor *executor = load(&loader);
    if (!executor)
        return fail(QStringLiteral("no usable plugin at %1: %2").arg(loader.fileName(), loader.errorString()));
    const QList<hako::Error> problems =
            executor->configure({{QStringLiteral("paths.workspaces"), QString::fromLocal8Bit(argv[1])},
                                 {QStringLiteral("paths.runtime"), QString::fromLocal8Bit(argv[2])}});
    if (!problems.isEmpty())
        return fail(problems.first().message);
    std::printf("plugin %s\nagent %s\n", qPrintable(loader.fileName()),
                qPrintable(executor->health().value(QLatin1String("agent")).toString()));

    QJsonObject result;
    hako::Error failure = bash(executor, QStringLiteral("hello"), QStringLiteral("echo hello from $(id -u)"), &result);
    std::printf("result %s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    if (!failure)
        failure = deleteWhileRunning(executor);

    // Section 4's end: an auto-deleting handle, its outcome read in finished().
    hako::ToolCall *end = executor->endConversation(kConversation, true);
    end->setAutoDelete(true);
    QObject::connect(end, &hako::ToolCall::finished, end, [end, &failure] {
        if (!failure)
            failure = end->error();
    });
    runUntilDestroyed(end);
    executor->shutdown();
    return failure ? fail(failure.message) : 0;
}
