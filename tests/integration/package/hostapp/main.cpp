// The smallest host: loads the installed plugin, configures it, runs one bash
// call in a container while streaming its output, ends the conversation.
//
//   hostapp WORKSPACES_DIR RUNTIME_DIR
#include <hako/toolexecutor.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QPluginLoader>

#include <cstdio>
#include <memory>

namespace {

int fail(const QString &why)
{
    std::fprintf(stderr, "hostapp: %s\n", qPrintable(why));
    return 1;
}

std::unique_ptr<hako::ToolCall> await(hako::ToolCall *call)
{
    std::unique_ptr<hako::ToolCall> owned(call);
    if (!call->isFinished()) {
        QEventLoop loop;
        QObject::connect(call, &hako::ToolCall::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return owned;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return fail(QStringLiteral("usage: hostapp WORKSPACES_DIR RUNTIME_DIR"));
    QPluginLoader loader(QStringLiteral(HAKO_PLUGIN_PATH));
    auto *executor = qobject_cast<hako::ToolExecutor *>(loader.instance());
    if (!executor)
        return fail(loader.errorString());
    const QList<hako::Error> problems =
            executor->configure({{QStringLiteral("paths.workspaces"), QString::fromLocal8Bit(argv[1])},
                                 {QStringLiteral("paths.runtime"), QString::fromLocal8Bit(argv[2])}});
    if (!problems.isEmpty())
        return fail(problems.first().message);
    std::printf("plugin %s\nagent %s\n", qPrintable(loader.fileName()),
                qPrintable(executor->health().value(QLatin1String("agent")).toString()));

    QByteArray streamed;
    hako::ToolCall *call =
            executor->call(QStringLiteral("package-test"), QStringLiteral("call-1"), QStringLiteral("bash"),
                           {{QStringLiteral("command"), QStringLiteral("echo hello from $(id -u)")}});
    QObject::connect(call, &hako::ToolCall::output, call,
                     [&streamed](hako::ToolCall::Stream, const QByteArray &chunk) { streamed += chunk; });
    const auto done = await(call);
    if (done->error())
        return fail(done->error().message);
    std::printf("streamed %s", streamed.constData());
    std::printf("result %s\n", QJsonDocument(done->result()).toJson(QJsonDocument::Compact).constData());

    const auto ended = await(executor->endConversation(QStringLiteral("package-test"), true));
    executor->shutdown();
    return ended->error() ? fail(ended->error().message) : 0;
}
