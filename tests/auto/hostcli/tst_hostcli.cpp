// hako-host's command line as a user meets it: --help and -h for every
// subcommand, commands that need no sandbox leave the runtime directory
// untouched (no instance id, no seccomp profile, no secret written), and
// doctor --static asks no engine.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestHostCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    QTemporaryDir m_dir;

    QString runtimeDir() const { return m_dir.filePath(QStringLiteral("runtime")); }

    Run run(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        env.remove(QStringLiteral("LANGUAGE"));
        p.setProcessEnvironment(env);
        const QStringList common = {QStringLiteral("--plugin"), QStringLiteral(HAKO_PLUGIN_FILE),
                                    QStringLiteral("--set"), QStringLiteral("paths.runtime=") + runtimeDir()};
        p.start(QStringLiteral(HAKO_HOST_BINARY), args + common);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit)
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        for (const char *flag : {"--help", "-h"}) {
            QTest::addRow("%s alone", flag) << QStringList{QString::fromLatin1(flag)};
            for (const char *command :
                 {"exec", "tool", "tools", "end", "serve", "doctor", "verify", "gc", "schema", "audit"})
                QTest::addRow("%s %s", command, flag)
                        << QStringList{QString::fromLatin1(command), QString::fromLatin1(flag)};
        }
        // Help wins over what the command would otherwise lack or refuse.
        QTest::addRow("exec without conversation") << QStringList{QStringLiteral("exec"), QStringLiteral("-h")};
        QTest::addRow("audit export without format")
                << QStringList{QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--help")};
        QTest::addRow("flag before command") << QStringList{QStringLiteral("-h"), QStringLiteral("tools")};
    }

    void help()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Usage:\n"), r.out.constData());
        QVERIFY2(r.out.contains("hako-host exec --conversation ID"), r.out.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(!QDir(runtimeDir()).exists());
    }

    // After `--` the words are the command's, not hako-host's.
    void helpAfterDoubleDashIsTheCommands()
    {
        const Run r = run({QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("-h")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("needs --conversation"), r.err.constData());
    }

    void unknownShortOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("-x") << QStringList{QStringLiteral("-x")};
        QTest::addRow("-help") << QStringList{QStringLiteral("tools"), QStringLiteral("-help")};
        QTest::addRow("-H") << QStringList{QStringLiteral("-H")};
    }

    void unknownShortOption()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
    }

    // The catalogue is static: listing it configures nothing.
    void toolsTouchesNothing()
    {
        const Run r = run({QStringLiteral("tools")});
        QCOMPARE(r.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        QVERIFY(doc.isArray());
        QVERIFY(!doc.array().isEmpty());
        QVERIFY2(!QDir(runtimeDir()).exists(), "tools wrote to the runtime directory");
    }

    // doctor --static checks this host alone: where no engine can be had it
    // still passes and asks for none, while the whole doctor fails there.
    void doctorStaticNeedsNoEngine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        const QStringList noEngine = {QStringLiteral("--set"), QStringLiteral("docker.binary=/nonexistent/docker")};
        QTest::newRow("static") << QStringList{QStringLiteral("doctor"), QStringLiteral("--static")} + noEngine << 0;
        QTest::newRow("whole") << QStringList{QStringLiteral("doctor")} + noEngine << 1;
    }

    void doctorStaticNeedsNoEngine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.out.contains("[ok  ] Plugin loads\n"), r.out.constData());
        QVERIFY2(r.out.contains("[ok  ] Settings accepted\n"), r.out.constData());
        QCOMPARE(r.out.contains("[FAIL]"), exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestHostCli)
#include "tst_hostcli.moc"
