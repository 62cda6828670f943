// Loading the plugin does nothing on disk or in the engine: the defaults are
// configured when they are first needed (a call, start()), a host's own
// configure() comes first otherwise, and health() says so until then. The
// test runs in a mount namespace of its own, with empty file systems over the
// default directories, so that it sees every file the plugin makes there.
#include "engine/dockerengine.h"
#include "hakoplugin.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace hako;

class PluginLoadTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_engines = 0;

    QString engineLog() const { return m_dir.filePath(QStringLiteral("engine.log")); }

    // The engine is the docker CLI's client code over a script that records each invocation and fails it.
    std::unique_ptr<HakoPlugin> load()
    {
        return std::make_unique<HakoPlugin>([this](const Settings &, QObject *parent) {
            ++m_engines;
            DockerConfig config;
            config.binary = m_dir.filePath(QStringLiteral("docker"));
            return new DockerEngine(config, parent);
        });
    }

    int engineInvocations() const
    {
        QFile log(engineLog());
        return log.open(QIODevice::ReadOnly) ? int(log.readAll().count('\n')) : 0;
    }

    static bool defaultsTouched()
    {
        return QFileInfo::exists(QStringLiteral("/run/hako")) || QFileInfo::exists(QStringLiteral("/var/lib/hako"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The defaults are root's (/run/hako, /var/lib/hako/workspaces) and shared with every
        // other test: this process gets empty ones of its own.
        QVERIFY2(::geteuid() == 0, "unit.pluginload runs as root (as ./test.sh and CI do)");
        QVERIFY(m_dir.isValid());
        QVERIFY(::unshare(CLONE_NEWNS) == 0);
        QVERIFY(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0);
        QVERIFY(::mount("tmpfs", "/run", "tmpfs", 0, "mode=0755") == 0);
        QVERIFY(::mount("tmpfs", "/var/lib", "tmpfs", 0, "mode=0755") == 0);
        qputenv("HAKO_AGENT", HAKO_AGENT_BINARY);
        QFile script(m_dir.filePath(QStringLiteral("docker")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho \"$*\" >> '" + engineLog().toUtf8() + "'\nexit 1\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void init()
    {
        m_engines = 0;
        QFile::remove(engineLog());
        QVERIFY(QDir(QStringLiteral("/run/hako")).removeRecursively());
        QVERIFY(QDir(QStringLiteral("/var/lib/hako")).removeRecursively());
    }

    void loadingDoesNothing()
    {
        const auto plugin = load();
        QVERIFY(!plugin->toolDefinitions().isEmpty());
        QVERIFY(!plugin->settingsSchema().isEmpty());
        const QJsonObject health = plugin->health();
        QCOMPARE(health.value(QLatin1String("status")).toString(), QStringLiteral("down"));
        QCOMPARE(health.value(QLatin1String("problems")).toArray(), QJsonArray{QStringLiteral("not_configured")});
        QCoreApplication::processEvents();
        QCOMPARE(m_engines, 0);
        QCOMPARE(engineInvocations(), 0);
        QVERIFY(!defaultsTouched());
    }

    void hostConfigurationComesFirst()
    {
        const auto plugin = load();
        const QString runtime = m_dir.filePath(QStringLiteral("run"));
        QVERIFY(plugin->configure({{QStringLiteral("paths.runtime"), runtime},
                                   {QStringLiteral("paths.workspaces"), m_dir.filePath(QStringLiteral("ws"))}})
                        .isEmpty());
        QCOMPARE(m_engines, 1);
        QVERIFY(QFileInfo::exists(runtime + QStringLiteral("/instance-id")));
        QVERIFY(!defaultsTouched());
        QVERIFY(plugin->health()
                        .value(QLatin1String("problems"))
                        .toArray()
                        .contains(QStringLiteral("not_checked_yet")));
    }

    // Without a configure(), what needs one configures the defaults.
    void firstUseConfiguresTheDefaults_data()
    {
        QTest::addColumn<bool>("start");
        QTest::newRow("a call") << false;
        QTest::newRow("start()") << true;
    }

    void firstUseConfiguresTheDefaults()
    {
        QFETCH(bool, start);
        const auto plugin = load();
        if (start) {
            plugin->start();
        } else {
            const std::unique_ptr<ToolCall> call(plugin->call(QStringLiteral("c"), QStringLiteral("1"),
                                                              QStringLiteral("bash"),
                                                              {{QStringLiteral("command"), QStringLiteral("true")}}));
            QTRY_VERIFY(call->isFinished());
            QCOMPARE(call->error().code, QStringLiteral("docker_failed")); // the engine here fails everything
            QVERIFY(engineInvocations() > 0);
        }
        QCOMPARE(m_engines, 1);
        QVERIFY(QFileInfo::exists(QStringLiteral("/run/hako/instance-id")));
        plugin->shutdown();
    }
};

QTEST_GUILESS_MAIN(PluginLoadTest)
#include "tst_pluginload.moc"
