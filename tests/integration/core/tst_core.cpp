// The hako-host command-line contract and the container policy,
// checked against a real docker engine.
#include "hakohostdriver.h"

#include "engine/engineinfo.h"
#include "policy/conversationid.h"

#include <QFileInfo>
#include <QProcess>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

class tst_Core : public QObject
{
    Q_OBJECT

    HakoHostDriver m_host;
    bool m_limitsEnforced = true;

    QJsonObject inspect(const QString &conversation)
    {
        const HostRun r = HakoHostDriver::docker({QStringLiteral("inspect"), m_host.containerOf(conversation)});
        return QJsonDocument::fromJson(r.out).array().at(0).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_host.isValid());
        const hako::EngineInfo engine =
                hako::parseEngineInfo(HakoHostDriver::docker({QStringLiteral("info"), QStringLiteral("--format"),
                                                              QStringLiteral("{{json .}}")})
                                              .out);
        QVERIFY2(engine.known, "the engine answers `info`");
        m_limitsEnforced = engine.limitsEnforced();
        qInfo("engine: %s %s, %s, cgroup v%d, limits %s", qPrintable(engine.engine), qPrintable(engine.version),
              engine.rootless ? "rootless" : "rootful", engine.cgroupVersion,
              m_limitsEnforced ? "enforced" : "ignored");
        // A credential in the host's environment must not travel anywhere.
        m_host.setEnvironment(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAHAKOTESTLEAK0001"));
        m_host.setEnvironment(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("hakotestsecretleak"));
    }

    void filePersistsAcrossProcesses()
    {
        const HostRun write = m_host.exec(QStringLiteral("c1"), QStringLiteral("echo hi > f"));
        QCOMPARE(write.exitCode, 0);
        const HostRun read = m_host.exec(QStringLiteral("c1"), QStringLiteral("cat f"));
        QCOMPARE(read.exitCode, 0);
        QCOMPARE(read.out, QByteArray("hi\n"));
    }

    void exitCodeIsTheCommands_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("code");
        QTest::newRow("true") << "true" << 0;
        QTest::newRow("false") << "false" << 1;
        QTest::newRow("exit 42") << "exit 42" << 42;
        QTest::newRow("not found") << "no-such-command-here" << 127;
    }

    void exitCodeIsTheCommands()
    {
        QFETCH(QString, command);
        QFETCH(int, code);
        QCOMPARE(m_host.exec(QStringLiteral("c1"), command).exitCode, code);
    }

    void jsonResult()
    {
        const HostRun r = m_host.exec(QStringLiteral("c1"), QStringLiteral("echo out; echo err >&2; exit 3"),
                                      {QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 3);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QLatin1String("exit_code")).toInt(), 3);
        QCOMPARE(o.value(QLatin1String("stdout")).toString(), QStringLiteral("out\n"));
        QCOMPARE(o.value(QLatin1String("stderr")).toString(), QStringLiteral("err\n"));
        QCOMPARE(o.value(QLatin1String("timed_out")).toBool(true), false);
        QVERIFY(o.value(QLatin1String("duration_ms")).isDouble());
    }

    void shellStatePersists()
    {
        QCOMPARE(m_host.exec(QStringLiteral("c1"), QStringLiteral("mkdir -p sub && cd sub && export HAKO_T=v1"))
                         .exitCode,
                 0);
        QCOMPARE(m_host.exec(QStringLiteral("c1"), QStringLiteral("echo $PWD:$HAKO_T")).out,
                 QByteArray("/workspace/sub:v1\n"));
        const QByteArray restartInput = "{\"restart\":true}";
        const HostRun restart = m_host.tool(QStringLiteral("c1"), QStringLiteral("bash"), restartInput);
        QCOMPARE(restart.exitCode, 0);
        QCOMPARE(m_host.exec(QStringLiteral("c1"), QStringLiteral("echo $PWD:$HAKO_T")).out,
                 QByteArray("/workspace:\n"));
    }

    void toolsListsDefinitions()
    {
        const HostRun r = m_host.run({QStringLiteral("tools")});
        QCOMPARE(r.exitCode, 0);
        QStringList names;
        for (const QJsonValue &d : QJsonDocument::fromJson(r.out).array())
            names << d.toObject().value(QLatin1String("name")).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("bash"), QStringLiteral("str_replace_based_edit_tool"),
                                     QStringLiteral("read_file"), QStringLiteral("write_file")}));
    }

    void editorAndFiles()
    {
        const QString c = QStringLiteral("c1");
        const QString editor = QStringLiteral("str_replace_based_edit_tool");
        const QByteArray create = "{\"command\":\"create\",\"path\":\"e.py\",\"file_text\":\"print(1)\\n\"}";
        const QByteArray replace =
                "{\"command\":\"str_replace\",\"path\":\"/workspace/e.py\",\"old_str\":\"1\",\"new_str\":\"2\"}";
        const QByteArray missing =
                "{\"command\":\"str_replace\",\"path\":\"e.py\",\"old_str\":\"xyz\",\"new_str\":\"q\"}";
        QCOMPARE(m_host.tool(c, editor, create).exitCode, 0);
        QCOMPARE(m_host.tool(c, editor, replace).exitCode, 0);
        QCOMPARE(m_host.exec(c, QStringLiteral("python3 e.py")).out, QByteArray("2\n"));
        const HostRun noMatch = m_host.tool(c, editor, missing);
        QCOMPARE(noMatch.exitCode, 1);
        const QString code =
                noMatch.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
        QCOMPARE(code, QStringLiteral("no_match"));
        const QByteArray binary = QByteArray("\0\1\2\xff\xfe", 5).toBase64();
        const QByteArray write = "{\"path\":\"b.bin\",\"encoding\":\"base64\",\"content\":\"" + binary + "\"}";
        QCOMPARE(m_host.tool(c, QStringLiteral("write_file"), write).exitCode, 0);
        const QByteArray readInput = "{\"path\":\"b.bin\"}";
        const QJsonObject read = m_host.tool(c, QStringLiteral("read_file"), readInput).json();
        QCOMPARE(read.value(QLatin1String("encoding")).toString(), QStringLiteral("base64"));
        QCOMPARE(read.value(QLatin1String("content")).toString().toLatin1(), binary);
    }

    void inspectMatchesThePolicy()
    {
        QCOMPARE(m_host.exec(QStringLiteral("c1"), QStringLiteral("true")).exitCode, 0);
        const QJsonObject c = inspect(QStringLiteral("c1"));
        const QJsonObject host = c.value(QLatin1String("HostConfig")).toObject();
        const QJsonObject config = c.value(QLatin1String("Config")).toObject();
        QCOMPARE(host.value(QLatin1String("NetworkMode")).toString(), QStringLiteral("none"));
        QCOMPARE(host.value(QLatin1String("ReadonlyRootfs")).toBool(), true);
        // Rootless Podman on cgroup v1 drops every cgroup limit (docs/rootless.md); elsewhere they hold.
        if (m_limitsEnforced) {
            // gVisor: the cgroup bounds the sandbox's host tasks, RLIMIT_NPROC the tasks inside (containerpolicy.cpp).
            QCOMPARE(host.value(QLatin1String("PidsLimit")).toInt(), HakoHostDriver::isGvisor() ? 32 * 100 + 512 : 100);
            if (HakoHostDriver::isGvisor()) {
                const QJsonArray ulimits = host.value(QLatin1String("Ulimits")).toArray();
                bool nproc = false;
                for (const QJsonValue &u : ulimits)
                    nproc = nproc
                            || (u[QLatin1String("Name")].toString() == QLatin1String("nproc")
                                && u[QLatin1String("Hard")].toInt() == 100);
                QVERIFY2(nproc, QJsonDocument(ulimits).toJson().constData());
            }
            QCOMPARE(host.value(QLatin1String("CpuPeriod")).toInt(), 100000);
            QCOMPARE(host.value(QLatin1String("CpuQuota")).toInt(), 200000);
            QCOMPARE(host.value(QLatin1String("Memory")).toDouble(), 2147483648.0);
            QCOMPARE(host.value(QLatin1String("MemorySwap")).toDouble(), 2147483648.0);
        }
        // Podman spells out the dropped capabilities; the bounding set inside says the same for both.
        if (!HakoHostDriver::isPodman())
            QCOMPARE(host.value(QLatin1String("CapDrop")).toArray(), QJsonArray{QStringLiteral("ALL")});
        QCOMPARE(m_host.exec(QStringLiteral("c1"), QStringLiteral("grep CapBnd /proc/self/status")).out,
                 QByteArray("CapBnd:\t0000000000000000\n"));
        QVERIFY(host.value(QLatin1String("CapAdd")).toArray().isEmpty());
        QCOMPARE(host.value(QLatin1String("Privileged")).toBool(), false);
        const QString runtime = HakoHostDriver::isPodman() ? c.value(QLatin1String("OCIRuntime")).toString()
                                                           : host.value(QLatin1String("Runtime")).toString();
        QCOMPARE(runtime,
                 HakoHostDriver::testRuntime().isEmpty() ? QStringLiteral("runc") : HakoHostDriver::testRuntime());
        // Only /tmp: no writable tmpfs beside it (Podman adds /run and /var/tmp unless told not to).
        const QJsonObject tmpfs = host.value(QLatin1String("Tmpfs")).toObject();
        QCOMPARE(tmpfs.keys(), QStringList{QStringLiteral("/tmp")});
        const QString tmp = tmpfs.value(QLatin1String("/tmp")).toString();
        for (const char *option : {"noexec", "nosuid", "nodev", "size=536870912"})
            QVERIFY2(tmp.contains(QLatin1String(option)), qPrintable(tmp));
        const QJsonArray securityOpt = host.value(QLatin1String("SecurityOpt")).toArray();
        QVERIFY(securityOpt.contains(QStringLiteral("no-new-privileges")));
        bool seccomp = false;
        for (const QJsonValue &opt : securityOpt)
            seccomp = seccomp
                      || (opt.toString().startsWith(QLatin1String("seccomp="))
                          && !opt.toString().contains(QLatin1String("unconfined")));
        QVERIFY2(seccomp, "a seccomp profile is in force");
        QCOMPARE(config.value(QLatin1String("User")).toString(), QStringLiteral("1000:1000"));
        const QJsonObject labels = config.value(QLatin1String("Labels")).toObject();
        QCOMPARE(labels.value(QLatin1String("org.hako.managed")).toString(), QStringLiteral("true"));
        QCOMPARE(labels.value(QLatin1String("org.hako.instance")).toString(), m_host.instanceId());
        QVERIFY(labels.value(QLatin1String("org.hako.conversation")).toString().size() == 32);
        QVERIFY(labels.value(QLatin1String("org.hako.created")).toString().toLongLong() > 1700000000);
        for (const QJsonValue &env : config.value(QLatin1String("Env")).toArray())
            QVERIFY2(!env.toString().startsWith(QLatin1String("AWS_")), qPrintable(env.toString()));
        // Writable: the workspace and the agent's own socket directory, nothing else.
        QStringList targets;
        QStringList writable;
        for (const QJsonValue &m : c.value(QLatin1String("Mounts")).toArray()) {
            const QString target = m.toObject().value(QLatin1String("Destination")).toString();
            targets << target;
            if (m.toObject().value(QLatin1String("RW")).toBool())
                writable << target;
        }
        targets.sort();
        writable.sort();
        QCOMPARE(targets, (QStringList{QStringLiteral("/opt/hako/hako-agent"), QStringLiteral("/opt/hako/seccomp.json"),
                                       QStringLiteral("/var/run/hako"), QStringLiteral("/var/run/hako/agent"),
                                       QStringLiteral("/workspace")}));
        QCOMPARE(writable, (QStringList{QStringLiteral("/var/run/hako/agent"), QStringLiteral("/workspace")}));
    }

    void noCredentialInsideTheContainer()
    {
        const HostRun r =
                m_host.exec(QStringLiteral("c1"), QStringLiteral("env; cat /proc/1/environ | tr '\\0' '\\n'"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains("AWS_"));
        QVERIFY(!r.out.contains("hakotestsecretleak"));
    }

    void laterExecFindsTheSameContainer()
    {
        const QString id1 = QString::fromUtf8(
                m_host.exec(QStringLiteral("c1"), QStringLiteral("hostname; cat /proc/1/cmdline | head -c 20")).out);
        const HostRun before =
                HakoHostDriver::docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                                        QStringLiteral("{{.Id}}"), m_host.containerOf(QStringLiteral("c1"))});
        m_host.exec(QStringLiteral("c1"), QStringLiteral("true"));
        const HostRun after =
                HakoHostDriver::docker({QStringLiteral("inspect"), QStringLiteral("--format"),
                                        QStringLiteral("{{.Id}}"), m_host.containerOf(QStringLiteral("c1"))});
        QVERIFY(!id1.isEmpty());
        QCOMPARE(after.out, before.out);
    }

    void endKeepsOrDeletesTheWorkspace()
    {
        const QString c = QStringLiteral("ending");
        // A directory of the container's own: under rootless Podman its owner is a subordinate uid.
        QCOMPARE(m_host.exec(c, QStringLiteral("echo kept > k && mkdir -p d/e && echo x > d/e/f && chmod 500 d/e"))
                         .exitCode,
                 0);
        QCOMPARE(m_host.run({QStringLiteral("end"), QStringLiteral("--conversation"), c}).exitCode, 0);
        QVERIFY(HakoHostDriver::docker({QStringLiteral("inspect"), m_host.containerOf(c)}).exitCode != 0);
        QCOMPARE(m_host.exec(c, QStringLiteral("cat k")).out, QByteArray("kept\n"));
        QCOMPARE(m_host.run({QStringLiteral("end"), QStringLiteral("--conversation"), c,
                             QStringLiteral("--delete-workspace")})
                         .exitCode,
                 0);
        QVERIFY2(!QFileInfo::exists(m_host.workspacesDir() + QLatin1Char('/') + hako::conversationKey(c)),
                 "the workspace is gone from the host, the container's subdirectories included");
        QCOMPARE(m_host.exec(c, QStringLiteral("test -e k")).exitCode, 1);
        m_host.run({QStringLiteral("end"), QStringLiteral("--conversation"), c, QStringLiteral("--delete-workspace")});
    }

    // SIGTERM (as Ctrl-C's SIGINT) cancels an exec: the cancelled call's one
    // shape, status 130, and the command is gone from the container.
    void interruptedExecIsCancelled()
    {
        const QString c = QStringLiteral("interrupted");
        const std::unique_ptr<QProcess> exec(
                m_host.spawn({QStringLiteral("exec"), QStringLiteral("--conversation"), c, QStringLiteral("--"),
                              QStringLiteral("echo started; sleep 300")}));
        QVERIFY(exec->waitForStarted());
        QByteArray out;
        QVERIFY2(QTest::qWaitFor([&] { return (out += exec->readAllStandardOutput()).contains("started"); }, 120000),
                 exec->readAllStandardError().constData());
        exec->terminate();
        QVERIFY(exec->waitForFinished(30000));
        QCOMPARE(exec->exitStatus(), QProcess::NormalExit);
        QCOMPARE(exec->exitCode(), 130);
        QVERIFY(exec->readAllStandardError().contains("cancelled"));
        QCOMPARE(m_host.exec(c, QStringLiteral("grep -lx sleep /proc/[0-9]*/comm 2>/dev/null | wc -l")).out,
                 QByteArray("0\n"));
    }

    // An end names something that exists: a conversation never used here is an error, not a silent success.
    void endOfAnUnknownConversationFails()
    {
        const HostRun r =
                m_host.run({QStringLiteral("end"), QStringLiteral("--conversation"), QStringLiteral("never")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no such conversation"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Core)
#include "tst_core.moc"
