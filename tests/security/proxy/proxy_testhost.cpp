// Runs a CredentialProxy on one Unix socket with settings from a JSON file,
// for tests and benchmarks that drive the proxy from another process (or
// from inside a container). Prints "READY" once listening; decisions go to
// stderr through the hako.proxy logging category.
#include "credentialproxy.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() != 3) {
        err << "usage: proxy-testhost SOCKET SETTINGS.json\n";
        return 2;
    }
    QFile file(args[2]);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "cannot read " << args[2] << '\n';
        return 2;
    }
    hako::proxy::ProxyConfig config;
    hako::proxy::CredentialConfig credentials;
    const QList<hako::Error> errors =
            hako::proxy::configFromSettings(QJsonDocument::fromJson(file.readAll()).object(), &config, &credentials);
    for (const hako::Error &e : errors)
        err << e.logMessage << '\n';
    if (!errors.isEmpty())
        return 2;
    hako::proxy::CredentialProxy proxy(config, credentials);
    if (const hako::Error error = proxy.listen(args[1])) {
        err << error.logMessage << '\n';
        return 1;
    }
    QTextStream(stdout) << "READY" << Qt::endl;
    return app.exec();
}
