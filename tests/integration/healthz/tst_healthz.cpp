// /healthz follows the engine: up while a real dockerd answers, down within
// one GC interval of it stopping, up again within one interval of its return.
// The dockerd is the test's own; the machine's shared one is never touched.
// It holds no workspace image, so the start-up check cannot start its
// sandbox there and fails: verify.failOpen keeps serving, and "up" is
// degraded with that one problem (without it the host would stay down).
#include "pluginsession.h"
#include "privatedockerd.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

constexpr int kGcIntervalS = 2;
// One interval, plus the probe's own docker call (bounded at 10 s) and the
// scrape: start-up of the CLI on a loaded machine is not Hako's to promise.
constexpr int kWithinMs = kGcIntervalS * 1000 + 10000 + 1000;

} // namespace

class tst_Healthz : public QObject
{
    Q_OBJECT

    PrivateDockerd m_engine;
    PluginSession m_session;
    QString m_admin;

    QJsonObject healthz(int *status)
    {
        return QJsonDocument::fromJson(PluginSession::get(m_admin, QStringLiteral("/healthz"), status)).object();
    }

    // Polls /healthz until it says `wanted`; the milliseconds it took, or -1.
    qint64 waitForStatus(const QString &wanted, int expectedHttp)
    {
        QElapsedTimer clock;
        clock.start();
        QJsonObject last;
        int status = 0;
        const bool reached = PluginSession::waitFor(
                [&] {
            last = healthz(&status);
            return last.value(QLatin1String("status")).toString() == wanted && status == expectedHttp;
                },
                kWithinMs);
        if (!reached)
            qWarning("last /healthz (%d): %s", status, QJsonDocument(last).toJson().constData());
        return reached ? clock.elapsed() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_engine.start(), m_engine.log().constData());
        const QString error =
                m_session.open({{QStringLiteral("docker.host"), m_engine.host()},
                                {QStringLiteral("admin.listen"), QStringLiteral("127.0.0.1:0")},
                                {QStringLiteral("lifecycle.gcInterval"), kGcIntervalS},
                                {QStringLiteral("verify.failOpen"), true},
                                {QStringLiteral("credentials.source"), QStringLiteral("settings")},
                                {QStringLiteral("credentials.accessKeyId"), QStringLiteral("AKIAHAKOTESTKEY00002")},
                                {QStringLiteral("credentials.secretAccessKey"), QStringLiteral("not-a-real-secret")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_session.executor()->start();
        m_admin = m_session.executor()->health().value(QLatin1String("admin")).toString();
        QVERIFY(!m_admin.isEmpty());
    }

    void upWithTheEngine()
    {
        QVERIFY(waitForStatus(QStringLiteral("degraded"), 200) >= 0);
        int status = 0;
        const QJsonObject h = healthz(&status);
        QCOMPARE(h.value(QLatin1String("problems")).toArray(), QJsonArray{QStringLiteral("verify_failed_open")});
        QByteArray version;
        QCOMPARE(m_engine.docker(
                         {QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.Version}}")},
                         &version),
                 0);
        const QJsonObject docker = h.value(QLatin1String("docker")).toObject();
        QCOMPARE(docker.value(QLatin1String("reachable")).toBool(), true);
        QCOMPARE(docker.value(QLatin1String("version")).toString(), QString::fromLatin1(version.trimmed()));
        QVERIFY(h.value(QLatin1String("runtimes"))
                        .toObject()
                        .value(QLatin1String("available"))
                        .toArray()
                        .contains(QStringLiteral("runc")));
        QCOMPARE(h.value(QLatin1String("seccomp")).toObject().value(QLatin1String("in_force")).toBool(), true);
        QCOMPARE(h.value(QLatin1String("seccomp")).toObject().value(QLatin1String("sha256")).toString().size(), 64);
        QVERIFY(h.value(QLatin1String("userns_remap")).isBool());
        QVERIFY(h.value(QLatin1String("apparmor")).toObject().value(QLatin1String("in_force")).isBool());
        QCOMPARE(h.value(QLatin1String("credentials")).toObject().value(QLatin1String("state")).toString(),
                 QStringLiteral("ok"));
        QVERIFY(!h.value(QLatin1String("last_gc")).isNull());
        QVERIFY(!QJsonDocument(h).toJson().contains("not-a-real-secret"));
    }

    void downWhenTheEngineStops()
    {
        QVERIFY(m_engine.stop());
        const qint64 ms = waitForStatus(QStringLiteral("down"), 503);
        QVERIFY2(ms >= 0, "still not down");
        qInfo("down after %lld ms (GC interval %d s)", ms, kGcIntervalS);
        int status = 0;
        const QJsonObject h = healthz(&status);
        QVERIFY(h.value(QLatin1String("problems")).toArray().contains(QStringLiteral("docker_unreachable")));
        QCOMPARE(h.value(QLatin1String("docker")).toObject().value(QLatin1String("reachable")).toBool(), false);
        const QByteArray metrics = PluginSession::get(m_admin, QStringLiteral("/metrics"));
        QVERIFY2(metrics.contains("\nworkspace_docker_up 0\n"), metrics.constData());
    }

    void upWhenItIsBack()
    {
        QVERIFY2(m_engine.start(), m_engine.log().constData());
        const qint64 ms = waitForStatus(QStringLiteral("degraded"), 200);
        QVERIFY2(ms >= 0, "not up again");
        qInfo("up again after %lld ms", ms);
        QVERIFY(PluginSession::get(m_admin, QStringLiteral("/metrics")).contains("\nworkspace_docker_up 1\n"));
    }
};

QTEST_GUILESS_MAIN(tst_Healthz)
#include "tst_healthz.moc"
