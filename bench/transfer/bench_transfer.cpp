// A large file into and out of a conversation's workspace: the plugin's
// write_file and read_file against `docker cp` of the same file to and from
// the same container (issue 7, must-show 4).
//
//   write_file    FileTransfer::writeFile() from the host file (a QFile)
//                 until finished()
//   docker cp in  `docker cp <host file> <container>:/workspace/...`
//   read_file     FileTransfer::readFile() into a host file until finished()
//   docker cp out `docker cp <container>:/workspace/... <host file>`
//   --json adds the same tools through ToolExecutor::call(), the bytes
//   base64-encoded in the JSON input and result: what a model's tool call
//   pays, for reference.
//
// Every side is timed end to end, from a file on the host to a file in the
// workspace and back. Each copy is checked byte for byte (SHA-256). The
// transfers of a round run in an order that alternates between rounds; the
// reported figure is the median. Every transfer starts after sync(2) and
// creates its target (the previous round's copies are removed, untimed).
//
// Usage: bench_transfer [--mb N] [--rounds R] [--json] [--runtime NAME]   (defaults: 100 MB, 5 rounds, runc)
// Prints a table, then one JSON line (the last line of stdout).
// Exit status: 0 when every transfer was correct, 1 if one failed, 2 if the
// set-up failed.
#include "benchdocker.h"
#include "benchstats.h"
#include "common/pluginhost.h"

#include <hako/filetransfer.h>
#include <hako/toolcall.h>
#include <hako/toolexecutor.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <functional>

using hako::FileTransfer;
using hako::ToolCall;
using hako::ToolExecutor;
using hako::bench::docker;
using hako::bench::msSince;

namespace {

const QString kConversation = QStringLiteral("bench-transfer");
constexpr double kTargetRatio = 3.0;

struct Bench
{
    ToolExecutor *executor = nullptr;
    FileTransfer *transfer = nullptr;
    QString container;
    QString source; // the host file every transfer starts from
    QByteArray sha; // its SHA-256
    QString outDir; // where downloads land on the host
    int calls = 0;
};

QByteArray shaOf(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
}

// Waits for a call to end; empty string on success, else why not.
QString finish(ToolCall *call, QJsonObject *result)
{
    QEventLoop loop;
    QObject::connect(call, &ToolCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QString failure;
    if (call->error())
        failure = call->tool() + QStringLiteral(": ") + call->error().code + QStringLiteral(" ")
                  + call->error().logMessage;
    else if (result)
        *result = call->result();
    delete call;
    return failure;
}

QString runCall(Bench &b, const QString &tool, const QJsonObject &input, QJsonObject *result)
{
    return finish(b.executor->call(kConversation, QStringLiteral("t-%1").arg(++b.calls), tool, input), result);
}

QString bytesWrite(Bench &b)
{
    QFile file(b.source);
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    return finish(b.transfer->writeFile(kConversation, QStringLiteral("t-%1").arg(++b.calls),
                                        QStringLiteral("/workspace/by-bytes.bin"), &file),
                  nullptr);
}

QString bytesRead(Bench &b)
{
    QFile file(b.outDir + QStringLiteral("/by-bytes.bin"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    QJsonObject result;
    const QString failure = finish(b.transfer->readFile(kConversation, QStringLiteral("t-%1").arg(++b.calls),
                                                        QStringLiteral("/workspace/by-bytes.bin"), &file),
                                   &result);
    if (failure.isEmpty() && result.value(QLatin1String("size")).toDouble() != double(QFileInfo(b.source).size()))
        return QStringLiteral("read_file reports size %1").arg(result.value(QLatin1String("size")).toDouble());
    return failure;
}

QString jsonWrite(Bench &b)
{
    QFile file(b.source);
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    const QJsonObject input{{QStringLiteral("path"), QStringLiteral("/workspace/by-json.bin")},
                            {QStringLiteral("encoding"), QStringLiteral("base64")},
                            {QStringLiteral("content"), QString::fromLatin1(file.readAll().toBase64())}};
    return runCall(b, QStringLiteral("write_file"), input, nullptr);
}

QString jsonRead(Bench &b)
{
    QJsonObject result;
    const QString failure = runCall(b, QStringLiteral("read_file"),
                                    {{QStringLiteral("path"), QStringLiteral("/workspace/by-json.bin")},
                                     {QStringLiteral("encoding"), QStringLiteral("base64")}},
                                    &result);
    if (!failure.isEmpty())
        return failure;
    QFile out(b.outDir + QStringLiteral("/by-json.bin"));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return out.errorString();
    out.write(QByteArray::fromBase64(result.value(QLatin1String("content")).toString().toLatin1()));
    return {};
}

QString dockerCp(const QString &from, const QString &to)
{
    bool ok = false;
    docker({QStringLiteral("cp"), from, to}, &ok, 300000);
    return ok ? QString() : QStringLiteral("docker cp %1 %2 failed").arg(from, to);
}

QString dockerIn(Bench &b)
{
    return dockerCp(b.source, b.container + QStringLiteral(":/workspace/by-cp.bin"));
}

QString dockerOut(Bench &b)
{
    return dockerCp(b.container + QStringLiteral(":/workspace/by-cp.bin"), b.outDir + QStringLiteral("/by-cp.bin"));
}

// Every copy of the file, in the workspace and back on the host, must be the source.
QString verify(Bench &b, const QStringList &names)
{
    QJsonObject result;
    const QString failure = runCall(
            b, QStringLiteral("bash"),
            {{QStringLiteral("command"), QStringLiteral("cd /workspace && sha256sum ") + names.join(QLatin1Char(' '))}},
            &result);
    if (!failure.isEmpty())
        return failure;
    const QString hex = QString::fromLatin1(b.sha.toHex());
    if (result.value(QLatin1String("stdout")).toString().count(hex) != names.size())
        return QStringLiteral("a workspace copy differs: ") + result.value(QLatin1String("stdout")).toString();
    for (const QString &name : names) {
        if (shaOf(b.outDir + QLatin1Char('/') + name) != b.sha)
            return QStringLiteral("the downloaded %1 differs from the source").arg(name);
    }
    return {};
}

struct Side
{
    const char *label;
    std::function<QString(Bench &)> run;
    QList<double> ms;
};

QString prepare(Bench &b, const QString &dir, int mb)
{
    b.source = dir + QStringLiteral("/source.bin");
    b.outDir = dir + QStringLiteral("/out");
    QDir().mkpath(b.outDir);
    QFile file(b.source);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    // Random bytes: neither side can profit from compressible content.
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (int i = 0; i < mb; ++i) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        file.write(chunk);
    }
    file.close();
    b.sha = shaOf(b.source);
    // The first call creates the container.
    if (const QString failure =
                runCall(b, QStringLiteral("bash"), {{QStringLiteral("command"), QStringLiteral("true")}}, nullptr);
        !failure.isEmpty())
        return failure;
    const QString instance = hako::bench::instanceId(dir + QStringLiteral("/run"));
    b.container = docker({QStringLiteral("ps"), QStringLiteral("--filter"), hako::bench::instanceFilter(instance),
                          QStringLiteral("--format"), QStringLiteral("{{.Names}}")});
    return b.container.isEmpty() || b.container.contains(QLatin1Char('\n'))
                   ? QStringLiteral("expected one container, docker ps lists: ") + b.container
                   : QString();
}

// sides: the uploads, then as many downloads in the same order; each
// direction's order is reversed every other round.
QString measure(Bench &b, QList<Side> &sides, int rounds, const QStringList &names)
{
    const qsizetype half = sides.size() / 2;
    for (int round = 0; round < rounds; ++round) {
        // Every upload creates its file and every download its host copy: the
        // previous round's are removed first, untimed, so that neither side
        // pays for replacing a file (rename over it, or unlink and create).
        if (const QString failure =
                    runCall(b, QStringLiteral("bash"),
                            {{QStringLiteral("command"), QStringLiteral("rm -f /workspace/by-*.bin")}}, nullptr);
            !failure.isEmpty())
            return failure;
        for (const QString &name : names)
            QFile::remove(b.outDir + QLatin1Char('/') + name);
        for (qsizetype first : {qsizetype(0), half}) {
            for (qsizetype k = 0; k < half; ++k) {
                Side &side = sides[first + (round % 2 == 0 ? k : half - 1 - k)];
                // Writeback of the previous transfer must not land on this one's clock.
                ::sync();
                QElapsedTimer timer;
                timer.start();
                if (const QString failure = side.run(b); !failure.isEmpty())
                    return QStringLiteral("round %1, %2: %3").arg(round).arg(QLatin1String(side.label), failure);
                side.ms << msSince(timer);
            }
        }
        if (const QString failure = verify(b, names); !failure.isEmpty())
            return QStringLiteral("round %1: %2").arg(round).arg(failure);
    }
    return {};
}

int usage(const char *message)
{
    if (message)
        std::fprintf(stderr, "bench_transfer: %s\n", message);
    std::fprintf(stderr,
                 "usage: bench_transfer [--mb N] [--rounds R] [--json] [--runtime NAME]   (defaults: 100, 5, runc)\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int mb = 100, rounds = 5;
    bool withJson = false;
    QString runtime = QStringLiteral("runc");
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--json")) {
            withJson = true;
            continue;
        }
        // Under gVisor the agent channel's frames are tagged (docs/protocol.md): what that costs.
        if (args[i] == QLatin1String("--runtime") && i + 1 < args.size()) {
            runtime = args[++i];
            continue;
        }
        int *target = args[i] == QLatin1String("--mb") ? &mb : args[i] == QLatin1String("--rounds") ? &rounds : nullptr;
        if (!target || i + 1 >= args.size())
            return usage(qPrintable(QStringLiteral("unknown or incomplete argument %1").arg(args[i])));
        bool ok = false;
        *target = args[++i].toInt(&ok);
        if (!ok || *target < 1)
            return usage("--mb and --rounds need a positive integer");
    }
    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/hako-bench-XXXXXX"));
    hako::host::PluginHost host;
    if (!temp.isValid())
        return usage(qPrintable(temp.errorString()));
    if (const hako::Error e = host.load(QString()))
        return usage(qPrintable(e.logMessage));
    Bench b;
    b.executor = host.executor();
    b.transfer = qobject_cast<FileTransfer *>(host.instance());
    if (!b.transfer)
        return usage("the plugin does not offer " HakoFileTransfer_iid);
    const QString runtimeDir = temp.filePath(QStringLiteral("run"));
    const QList<hako::Error> problems =
            b.executor->configure({{QStringLiteral("paths.runtime"), runtimeDir},
                                   {QStringLiteral("paths.workspaces"), temp.filePath(QStringLiteral("workspaces"))},
                                   {QStringLiteral("tools.transferLimit"), QStringLiteral("%1m").arg(mb + 1)},
                                   {QStringLiteral("runtime"), runtime}});
    for (const hako::Error &e : problems)
        std::fprintf(stderr, "bench_transfer: configure: %s\n", qPrintable(e.logMessage));
    if (!problems.isEmpty())
        return 2;

    QList<Side> sides{{"write_file", bytesWrite, {}}, {"docker cp in", dockerIn, {}}};
    QStringList names{QStringLiteral("by-bytes.bin"), QStringLiteral("by-cp.bin")};
    if (withJson) {
        sides.append({"write_file json", jsonWrite, {}});
        names.append(QStringLiteral("by-json.bin"));
    }
    sides.append({{"read_file", bytesRead, {}}, {"docker cp out", dockerOut, {}}});
    if (withJson)
        sides.append({"read_file json", jsonRead, {}});
    QString failure = prepare(b, temp.path(), mb);
    const bool setUp = failure.isEmpty();
    if (setUp)
        failure = measure(b, sides, rounds, names);
    hako::bench::cleanUp(b.executor, runtimeDir, "bench_transfer");
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "bench_transfer: %s\n", qPrintable(failure));
        return setUp ? 1 : 2;
    }

    std::printf("bench_transfer: %d MB of random bytes, %d rounds, order alternating\n\n", mb, rounds);
    std::printf("  %-16s %10s %10s %10s %10s\n", "median of", "ms", "min ms", "max ms", "MB/s");
    QJsonObject json{{QStringLiteral("mb"), mb}, {QStringLiteral("rounds"), rounds}};
    QList<double> medians;
    for (const Side &side : std::as_const(sides)) {
        const auto s = hako::bench::statsOf(side.ms);
        medians << s.p50;
        std::printf("  %-16s %10.1f %10.1f %10.1f %10.1f\n", side.label, s.p50, s.min, s.max, mb * 1000.0 / s.p50);
        QJsonObject stats = s.toJson();
        QJsonArray samples;
        for (double ms : side.ms)
            samples.append(std::round(ms * 10) / 10);
        stats.insert(QStringLiteral("samples_ms"), samples);
        json.insert(QString::fromLatin1(side.label).replace(QLatin1Char(' '), QLatin1Char('_')), stats);
    }
    const qsizetype half = sides.size() / 2;
    const double up = medians[1] / medians[0], down = medians[half + 1] / medians[half];
    std::printf("\n  write_file is %.2fx docker cp in, read_file %.2fx docker cp out (target %.0fx each): %s\n", up,
                down, kTargetRatio, up >= kTargetRatio && down >= kTargetRatio ? "met" : "NOT met");
    json.insert(QStringLiteral("ratio_write"), up);
    json.insert(QStringLiteral("ratio_read"), down);
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
