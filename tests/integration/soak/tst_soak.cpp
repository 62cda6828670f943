// The soak of bench_load, short: six conversations for about 75 s, each a mix
// of bash, edits, file transfers and model requests through the credential
// proxy, ending after a few calls (one in ten with a call still in flight),
// half of them quiet past a 5 s idle TTL so that GC reaps their
// container, then back to their files or ended next to a sweep they asked
// for. Afterwards: no failure the driver did not force, every call through
// the proxy signed, and no container, socket directory or workspace left
// before shutdown(). How fast it goes is not checked.
#include "loaddriver.h"
#include "loadsetup.h"
#include "memprobe.h"
#include "pluginsession.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace hako::bench;

class tst_Soak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortSoak()
    {
        constexpr int kSeconds = 60;
        LoadSetup setup;
        const QString problem = setup.open(true);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        PluginSession session;
        QJsonObject settings = setup.settings();
        settings.insert(QStringLiteral("limits.memory"), QStringLiteral("256m"));
        settings.insert(QStringLiteral("limits.workspaceSize"), QStringLiteral("64m"));
        settings.insert(QStringLiteral("lifecycle.idleTtl"), 5);
        settings.insert(QStringLiteral("lifecycle.gcInterval"), 2);
        settings.insert(QStringLiteral("lifecycle.absoluteTtl"), 40);
        const QString configured = session.open(settings);
        QVERIFY2(configured.isEmpty(), qPrintable(configured));
        session.executor()->start();
        const QString instance = session.executor()->health().value(QLatin1String("instance")).toString();
        QVERIFY(!instance.isEmpty());

        LoadConfig config;
        config.conversations = 6;
        config.rate = 6;
        config.churn = true;
        config.minCalls = 6;
        config.maxCalls = 20;
        config.expireShare = 0.5;
        config.idleTtlS = 5;
        config.gcIntervalS = 2;
        config.proxy = true;
        config.callDeadlineMs = 120000;
        config.prefix = QStringLiteral("soaktest");
        LoadDriver driver(session.executor(), config);
        bool drained = false;
        connect(&driver, &LoadDriver::finished, this, [&] { drained = true; });
        driver.start();
        PluginSession::waitFor([] { return false; }, kSeconds * 1000);
        driver.stop();
        QVERIFY2(PluginSession::waitFor([&] { return drained; }, 180000), "the driver did not drain");
        // Expired conversations were ended; a sweep may still be removing the last one.
        PluginSession::waitFor([] { return false; }, 4000);

        const LoadStats &st = driver.stats();
        const QByteArray summary = QJsonDocument(st.toJson(kSeconds)).toJson(QJsonDocument::Compact);
        qInfo("%s", summary.constData());
        QVERIFY2(st.unforcedTotal() == 0, summary.constData());
        // The run did what a soak is for: conversations came and went, some expired.
        QVERIFY2(st.conversationsEnded >= config.conversations, summary.constData());
        QVERIFY2(st.expiries > 0, summary.constData());
        QVERIFY2(st.calls > 0 && !st.latency.isEmpty(), summary.constData());
        int verified = 0;
        const int proxied = setup.standInRequests(&verified);
        QVERIFY(proxied > 0);
        QCOMPARE(verified, proxied);

        const Leftovers left = leftovers(instance, setup.runtimeDir(), setup.workspacesDir());
        QVERIFY2(left.clean(), QJsonDocument(left.toJson()).toJson(QJsonDocument::Compact).constData());
        session.executor()->shutdown();
    }
};

QTEST_GUILESS_MAIN(tst_Soak)
#include "tst_soak.moc"
