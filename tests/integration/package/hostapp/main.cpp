// A host written from docs/host-integration.md alone and built out of tree
// against the installed package: it finds and checks the plugin the guide's
// way, runs a bash call while streaming its output, and ends the conversation.
//
//   hostapp WORKSPACES_DIR RUNTIME_DIR
#include <hako/pluginpath.h>
#include <hako/toolexecutor.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QPluginLoader>

#include <cstdio>
#include <functional>

namespace {

int fail(const QString &why)
{
    std::fprintf(stderr, "hostapp: %s\n", qPrintable(why));
    return 1;
}

// The guide's section 2: metadata first, instance() only for our interface.
hako::ToolExecutor *load(QPluginLoader *loader)
{
    const QJsonObject meta = loader->metaData();
    if (meta.value(QLatin1String("IID")).toString() != QLatin1String(HakoToolExecutor_iid)
        || meta.value(QLatin1String("MetaData")).toObject().value(QLatin1String("apiVersion")).toInt() != 1)
        return nullptr;
    return qobject_cast<hako::ToolExecutor *>(loader->instance());
}

// Section 4: the handle is released with deleteLater() in its finished() slot;
// the loop only keeps this one-shot program alive until then.
void runToEnd(hako::ToolCall *call, const std::function<void(hako::ToolCall *)> &done)
{
    QEventLoop loop;
    QObject::connect(call, &hako::ToolCall::finished, &loop, [call, &done, &loop] {
        done(call);
        call->deleteLater();
        loop.quit();
    });
    loop.exec();
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

    QByteArray streamed;
    hako::Error failure;
    hako::ToolCall *call =
            executor->call(QStringLiteral("package-test"), QStringLiteral("call-1"), QStringLiteral("bash"),
                           {{QStringLiteral("command"), QStringLiteral("echo hello from $(id -u)")}});
    QObject::connect(call, &hako::ToolCall::output, &app,
                     [&streamed](hako::ToolCall::Stream, const QByteArray &chunk) { streamed += chunk; });
    runToEnd(call, [&](hako::ToolCall *done) {
        failure = done->error();
        std::printf("streamed %sresult %s\n", streamed.constData(),
                    QJsonDocument(done->result()).toJson(QJsonDocument::Compact).constData());
    });
    runToEnd(executor->endConversation(QStringLiteral("package-test"), true), [&](hako::ToolCall *done) {
        if (!failure)
            failure = done->error();
    });
    executor->shutdown();
    return failure ? fail(failure.message) : 0;
}
