#include "engine/containerpolicy.h"

#include <QTest>

using namespace hako;

class tst_ContainerPolicy : public QObject
{
    Q_OBJECT

    static ContainerSpec seedSpec()
    {
        ContainerSpec spec;
        spec.name = QStringLiteral("hako-0123");
        spec.image = QStringLiteral("hako/workspace-base:latest");
        spec.seccompProfile = QStringLiteral("/run/hako/workspace-seccomp.json");
        spec.workspaceDir = QStringLiteral("/var/lib/hako/workspaces/0123");
        spec.socketDir = QStringLiteral("/run/hako/sockets/0123");
        spec.agentBinary = QStringLiteral("/opt/build/bin/hako-agent");
        spec.labels = {{QStringLiteral("org.hako.managed"), QStringLiteral("true")}};
        return spec;
    }

    // The value that follows `flag` at any position where it occurs.
    static QStringList valuesOf(const QStringList &args, const QString &flag)
    {
        QStringList values;
        for (int i = 0; i + 1 < args.size(); ++i)
            if (args.at(i) == flag)
                values << args.at(i + 1);
        return values;
    }

private Q_SLOTS:
    void seedFlags_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("value");
        QTest::newRow("network") << "--network"
                                 << "none";
        QTest::newRow("pids") << "--pids-limit"
                              << "100";
        QTest::newRow("cpu period") << "--cpu-period"
                                    << "100000";
        QTest::newRow("cpu quota") << "--cpu-quota"
                                   << "200000";
        QTest::newRow("memory") << "--memory"
                                << "2147483648";
        QTest::newRow("no extra swap") << "--memory-swap"
                                       << "2147483648";
        QTest::newRow("tmpfs") << "--tmpfs"
                               << "/tmp:rw,noexec,nosuid,nodev,size=536870912";
        QTest::newRow("capabilities") << "--cap-drop"
                                      << "ALL";
        QTest::newRow("user") << "--user"
                              << "1000:1000";
        QTest::newRow("no-new-privileges") << "--security-opt"
                                           << "no-new-privileges";
        QTest::newRow("seccomp") << "--security-opt"
                                 << "seccomp=/run/hako/workspace-seccomp.json";
        QTest::newRow("runtime") << "--runtime"
                                 << "runc";
        QTest::newRow("never pull") << "--pull"
                                    << "never";
        QTest::newRow("workspace") << "--mount"
                                   << "type=bind,source=/var/lib/hako/workspaces/0123,target=/workspace";
        QTest::newRow("sockets read-only") << "--mount"
                                           << "type=bind,source=/run/hako/sockets/0123,target=/var/run/hako,readonly";
        QTest::newRow("agent's own directory")
                << "--mount"
                << "type=bind,source=/run/hako/sockets/0123/agent,target=/var/run/hako/agent";
        QTest::newRow("agent socket") << "--socket"
                                      << "/var/run/hako/agent/agent.sock";
        QTest::newRow("agent read-only")
                << "--mount"
                << "type=bind,source=/opt/build/bin/hako-agent,target=/opt/hako/hako-agent,readonly";
        QTest::newRow("label") << "--label"
                               << "org.hako.managed=true";
        QTest::newRow("entrypoint") << "--entrypoint"
                                    << "/opt/hako/hako-agent";
    }

    void seedFlags()
    {
        QFETCH(QString, flag);
        QFETCH(QString, value);
        const QStringList args = runArguments(seedSpec());
        QVERIFY2(valuesOf(args, flag).contains(value), qPrintable(args.join(QLatin1Char(' '))));
    }

    void readOnlyRootfs() { QVERIFY(runArguments(seedSpec()).contains(QStringLiteral("--read-only"))); }

    // Podman gets the same policy plus the flag that keeps /run and /var/tmp read-only;
    // Docker does not know that flag and must not get it.
    void podmanKeepsTheSamePolicy()
    {
        const QStringList docker = runArguments(seedSpec(), CliDialect::Docker);
        QStringList podman = runArguments(seedSpec(), CliDialect::Podman);
        QVERIFY(!docker.contains(QStringLiteral("--read-only-tmpfs=false")));
        QCOMPARE(podman.removeAll(QStringLiteral("--read-only-tmpfs=false")), 1);
        QCOMPARE(podman, docker);
    }

    // Only the negative-control seam (tests/security/negative) clears it.
    void writableRootfsOnlyWhenAsked()
    {
        ContainerSpec spec = seedSpec();
        spec.readOnlyRootfs = false;
        QVERIFY(!runArguments(spec).contains(QStringLiteral("--read-only")));
    }

    // Only the negative-control seam clears it; the agent's directory stays as it is.
    void writableSocketDirOnlyWhenAsked()
    {
        ContainerSpec spec = seedSpec();
        spec.socketDirReadOnly = false;
        const QStringList mounts = valuesOf(runArguments(spec), QStringLiteral("--mount"));
        QVERIFY(mounts.contains(QStringLiteral("type=bind,source=/run/hako/sockets/0123,target=/var/run/hako")));
        QVERIFY(mounts.contains(
                QStringLiteral("type=bind,source=/run/hako/sockets/0123/agent,target=/var/run/hako/agent")));
    }

    void processLimitByRuntime_data()
    {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<int>("pids");
        QTest::addColumn<QStringList>("pidsLimit");
        QTest::addColumn<QStringList>("ulimits");
        const QStringList core = {QStringLiteral("core=0")};
        // runc: the pids cgroup counts the container's tasks, and nproc would count the host's uid 1000.
        QTest::newRow("runc") << "runc" << 100 << QStringList{QStringLiteral("100")} << core;
        QTest::newRow("runc, 10") << "runc" << 10 << QStringList{QStringLiteral("10")} << core;
        // gVisor: nproc inside the sandbox, the cgroup sized for the Sentry's threads.
        QTest::newRow("runsc") << "runsc" << 100 << QStringList{QStringLiteral("3712")}
                               << core + QStringList{QStringLiteral("nproc=100:100")};
        QTest::newRow("runsc, 10") << "runsc" << 10 << QStringList{QStringLiteral("832")}
                                   << core + QStringList{QStringLiteral("nproc=10:10")};
        QTest::newRow("no limit: seam only") << "runc" << 0 << QStringList{} << core;
        QTest::newRow("no limit under runsc") << "runsc" << 0 << QStringList{} << core;
    }

    void processLimitByRuntime()
    {
        QFETCH(QString, runtime);
        QFETCH(int, pids);
        QFETCH(QStringList, pidsLimit);
        QFETCH(QStringList, ulimits);
        ContainerSpec spec = seedSpec();
        spec.runtime = runtime;
        spec.pids = pids;
        const QStringList args = runArguments(spec);
        QCOMPARE(valuesOf(args, QStringLiteral("--pids-limit")), pidsLimit);
        QCOMPARE(valuesOf(args, QStringLiteral("--ulimit")), ulimits);
    }

    // docs/process-limits.md: one fork bomb at the limit peaked at 38 idle
    // host tasks plus 12.5 per task inside; the bound must allow two of them.
    void gvisorBoundCoversTheMeasurement_data()
    {
        QTest::addColumn<int>("pids");
        for (int pids : {10, 100, 1000, 100000})
            QTest::addRow("%d", pids) << pids;
    }

    void gvisorBoundCoversTheMeasurement()
    {
        QFETCH(int, pids);
        QVERIFY(gvisorHostPidsLimit(pids) > 2 * (38 + 12.5 * pids));
    }

    void imageBeforeAgentArguments()
    {
        const QStringList args = runArguments(seedSpec());
        const int image = args.indexOf(QStringLiteral("hako/workspace-base:latest"));
        QVERIFY(image > 0);
        QCOMPARE(args.mid(image + 1).first(), QStringLiteral("--socket"));
    }

    void noSeccompFlagWithoutProfile()
    {
        ContainerSpec spec = seedSpec();
        spec.seccompProfile.clear();
        for (const QString &opt : valuesOf(runArguments(spec), QStringLiteral("--security-opt")))
            QVERIFY(!opt.startsWith(QLatin1String("seccomp")));
    }

    // The AppArmor profile is named only where one is loaded; the agent's seccomp
    // layer is mounted read-only and handed to the agent.
    void optionalLayers_data()
    {
        QTest::addColumn<QString>("appArmor");
        QTest::addColumn<QString>("agentRules");
        QTest::newRow("neither") << QString() << QString();
        QTest::newRow("both") << QStringLiteral("hako-workspace") << QStringLiteral("/run/hako/agent-seccomp.json");
    }

    void optionalLayers()
    {
        QFETCH(QString, appArmor);
        QFETCH(QString, agentRules);
        ContainerSpec spec = seedSpec();
        spec.appArmorProfile = appArmor;
        spec.agentSeccompRules = agentRules;
        const QStringList args = runArguments(spec);
        QCOMPARE(valuesOf(args, QStringLiteral("--security-opt")).contains(QStringLiteral("apparmor=") + appArmor),
                 !appArmor.isEmpty());
        for (const QString &opt : valuesOf(args, QStringLiteral("--security-opt")))
            QVERIFY(appArmor.isEmpty() || !opt.startsWith(QLatin1String("apparmor=unconfined")));
        const QString mount =
                QStringLiteral("type=bind,source=%1,target=/opt/hako/seccomp.json,readonly").arg(agentRules);
        QCOMPARE(valuesOf(args, QStringLiteral("--mount")).contains(mount), !agentRules.isEmpty());
        const QStringList agentArgs = args.mid(args.indexOf(QStringLiteral("hako/workspace-base:latest")) + 1);
        QCOMPARE(agentArgs.contains(QStringLiteral("--seccomp")), !agentRules.isEmpty());
    }

    // The host's socket directory is never writable inside; only the agent's own is.
    void onlyTheAgentDirectoryIsWritable()
    {
        const QStringList mounts = valuesOf(runArguments(seedSpec()), QStringLiteral("--mount"));
        QStringList writable;
        for (const QString &m : mounts)
            if (!m.endsWith(QLatin1String(",readonly")))
                writable << m.section(QLatin1String("target="), 1);
        QCOMPARE(writable, QStringList({QStringLiteral("/workspace"), QStringLiteral("/var/run/hako/agent")}));
    }

    // The key reaches the CLI only through its environment: an argument would
    // show in every host user's process list and in the debug log.
    void agentKeyNeverInAnArgument()
    {
        ContainerSpec spec = seedSpec();
        spec.agentKey = QByteArray(64, 'a');
        const QStringList args = runArguments(spec);
        QVERIFY(valuesOf(args, QStringLiteral("--env")).contains(QStringLiteral("HAKO_AGENT_KEY")));
        for (const QString &arg : args)
            QVERIFY2(!arg.contains(QLatin1String(spec.agentKey)), qPrintable(arg));
        QVERIFY(!valuesOf(runArguments(seedSpec()), QStringLiteral("--env"))
                         .contains(QStringLiteral("HAKO_AGENT_KEY")));
    }

    void environmentKeepsSecretsOut_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<bool>("passed");
        QTest::newRow("home") << "HOME=/tmp" << true;
        QTest::newRow("lang") << "LANG=C.UTF-8" << true;
        QTest::newRow("proxy socket") << "HAKO_PROXY_SOCKET=/var/run/hako/proxy.sock" << true;
        QTest::newRow("aws key") << "AWS_ACCESS_KEY_ID=AKIA" << false;
        QTest::newRow("aws secret") << "AWS_SECRET_ACCESS_KEY=x" << false;
        QTest::newRow("aws lower") << "aws_session_token=x" << false;
        QTest::newRow("github token") << "GITHUB_TOKEN=x" << false;
        QTest::newRow("anthropic") << "ANTHROPIC_API_KEY=x" << false;
        QTest::newRow("password") << "DB_PASSWORD=x" << false;
    }

    void environmentKeepsSecretsOut()
    {
        QFETCH(QString, variable);
        QFETCH(bool, passed);
        ContainerSpec spec = seedSpec();
        spec.environment = {variable};
        QCOMPARE(valuesOf(runArguments(spec), QStringLiteral("--env")).contains(variable), passed);
    }
};

QTEST_APPLESS_MAIN(tst_ContainerPolicy)
#include "tst_containerpolicy.moc"
