// Limits read from a container's cgroup: fake cgroup trees for each layout.
#include "telemetry/cgroupstats.h"

#include "engine/containerpolicy.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hako;
using namespace hako::telemetry;

namespace {

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

ContainerInfo container(const QString &id, qint64 created)
{
    ContainerInfo c;
    c.id = id;
    c.name = id;
    c.state = QStringLiteral("running");
    c.labels.insert(QLatin1String(label::kCreated), QString::number(created));
    return c;
}

EngineInfo engine(const QString &driver, int version)
{
    EngineInfo e;
    e.cgroupDriver = driver;
    e.cgroupVersion = version;
    return e;
}

} // namespace

class tst_CgroupStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyedValue_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<qint64>("value");
        QTest::newRow("pids.events") << QByteArray("max 3\n") << QByteArray("max") << qint64(3);
        QTest::newRow("oom_control") << QByteArray("oom_kill_disable 0\nunder_oom 0\noom_kill 2\n")
                                     << QByteArray("oom_kill") << qint64(2);
        QTest::newRow("memory.events") << QByteArray("low 0\nhigh 0\nmax 9\noom 4\noom_kill 4\noom_group_kill 0\n")
                                       << QByteArray("oom_kill") << qint64(4);
        QTest::newRow("prefix is not the key")
                << QByteArray("oom_kill_disable 1\n") << QByteArray("oom_kill") << qint64(-1);
        QTest::newRow("absent") << QByteArray("") << QByteArray("max") << qint64(-1);
        QTest::newRow("not a number") << QByteArray("max lots\n") << QByteArray("max") << qint64(-1);
    }

    void keyedValue()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, key);
        QFETCH(qint64, value);
        QCOMPARE(hako::telemetry::keyedValue(content, key), value);
    }

    void layouts_data()
    {
        QTest::addColumn<QString>("driver");
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("pidsDir");
        QTest::newRow("v1 cgroupfs") << "cgroupfs" << 1 << "pids/docker/ID";
        QTest::newRow("v1 systemd") << "systemd" << 1 << "pids/system.slice/docker-ID.scope";
        QTest::newRow("v2 cgroupfs") << "cgroupfs" << 2 << "docker/ID";
        QTest::newRow("v2 systemd") << "systemd" << 2 << "system.slice/docker-ID.scope";
    }

    void layouts()
    {
        QFETCH(QString, driver);
        QFETCH(int, version);
        QFETCH(QString, pidsDir);
        QTemporaryDir root;
        const QString dir = root.filePath(QString(pidsDir).replace(QLatin1String("ID"), QLatin1String("c1")));
        QVERIFY(QDir().mkpath(dir));
        CgroupStats stats(root.path());
        QCOMPARE(stats.directory(QStringLiteral("pids"), QStringLiteral("c1"), engine(driver, version)), dir);
        QVERIFY(stats.directory(QStringLiteral("pids"), QStringLiteral("c2"), engine(driver, version)).isEmpty());
    }

    void countsSinceLastLook()
    {
        QTemporaryDir root;
        const EngineInfo e = engine(QStringLiteral("cgroupfs"), 1);
        const qint64 start = QDateTime::currentSecsSinceEpoch();
        auto set = [&](const QString &id, int current, int max, int hits, int ooms) {
            write(root.filePath(QStringLiteral("pids/docker/%1/pids.current").arg(id)), QByteArray::number(current));
            write(root.filePath(QStringLiteral("pids/docker/%1/pids.max").arg(id)),
                  max ? QByteArray::number(max) : "max");
            write(root.filePath(QStringLiteral("pids/docker/%1/pids.events").arg(id)),
                  "max " + QByteArray::number(hits));
            write(root.filePath(QStringLiteral("memory/docker/%1/memory.oom_control").arg(id)),
                  "oom_kill_disable 0\nunder_oom 0\noom_kill " + QByteArray::number(ooms) + "\n");
        };
        set(QStringLiteral("old"), 5, 100, 7, 2);   // adopted: its history is not ours
        set(QStringLiteral("new"), 100, 100, 4, 1); // started since: all of it counts
        set(QStringLiteral("free"), 3, 0, 0, 0);    // no limit at all
        const QList<ContainerInfo> running = {container(QStringLiteral("old"), start - 3600),
                                              container(QStringLiteral("new"), start),
                                              container(QStringLiteral("free"), start),
                                              container(QStringLiteral("gvisor"), start)}; // no cgroup files
        CgroupStats stats(root.path());
        CgroupSample s = stats.sample(running, e, start);
        QCOMPARE(s.atPidsLimit, 1);
        QCOMPARE(s.newPidsLimitHits, qint64(4));
        QCOMPARE(s.newOomKills, qint64(1));
        set(QStringLiteral("old"), 100, 100, 10, 3);
        s = stats.sample(running, e, start);
        QCOMPARE(s.atPidsLimit, 2);
        QCOMPARE(s.newPidsLimitHits, qint64(3));
        QCOMPARE(s.newOomKills, qint64(1));
        s = stats.sample(running, e, start); // nothing new
        QCOMPARE(s.newPidsLimitHits, qint64(0));
        QCOMPARE(s.newOomKills, qint64(0));
    }
};

QTEST_APPLESS_MAIN(tst_CgroupStats)
#include "tst_cgroupstats.moc"
