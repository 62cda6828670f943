// The activity files GC relies on: a call counts as in flight from admission
// to finished(), its start and end are recorded, and a sweep's claim holds
// calls back while the container goes.
#include "lifecycle/activitystore.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace hako;

class tst_ActivityStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QString m_key = QStringLiteral("0123456789abcdef0123456789abcdef");

    QString runtime() const { return m_dir.path(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init() { QFile::remove(ActivityStore::path(runtime(), m_key)); }

    void unknownUntilFirstCall()
    {
        QCOMPARE(ActivityStore::lastActivity(runtime(), m_key), 0);
        // A sweep's claim on a conversation never seen must not invent activity.
        const FileLock claim = ActivityStore::claim(runtime(), m_key);
        QVERIFY(claim.isHeld());
        QCOMPARE(ActivityStore::lastActivity(runtime(), m_key), 0);
    }

    void callIsInFlightUntilFinished()
    {
        ActivityStore store;
        ToolCall call(QStringLiteral("c"), QStringLiteral("1"), QStringLiteral("bash"));
        bool proceeded = false;
        store.admit(&call, runtime(), m_key, [&] { proceeded = true; });
        QVERIFY(proceeded);
        QCOMPARE(store.inFlight(), QSet<QString>{m_key});
        QVERIFY(qAbs(ActivityStore::lastActivity(runtime(), m_key) - QDateTime::currentSecsSinceEpoch()) <= 1);
        QVERIFY(!ActivityStore::claim(runtime(), m_key).isHeld()); // the lock works within one process too
        call.finishWithResult({});
        QVERIFY(store.inFlight().isEmpty());
        QVERIFY(ActivityStore::claim(runtime(), m_key).isHeld());
    }

    void destroyedCallIsNoLongerInFlight()
    {
        ActivityStore store;
        auto *call = new ToolCall(QStringLiteral("c"), QStringLiteral("1"), QStringLiteral("bash"));
        store.admit(call, runtime(), m_key, [] {});
        delete call;
        QVERIFY(store.inFlight().isEmpty());
        QVERIFY(ActivityStore::claim(runtime(), m_key).isHeld());
    }

    void claimHoldsCallsBack()
    {
        ActivityStore store;
        FileLock claim = ActivityStore::claim(runtime(), m_key);
        QVERIFY(claim.isHeld());
        ToolCall call(QStringLiteral("c"), QStringLiteral("1"), QStringLiteral("bash"));
        bool proceeded = false;
        store.admit(&call, runtime(), m_key, [&] { proceeded = true; });
        QTest::qWait(200);
        QVERIFY(!proceeded);
        claim = FileLock();
        QTRY_VERIFY_WITH_TIMEOUT(proceeded, 2000);
        QCOMPARE(store.inFlight(), QSet<QString>{m_key});
    }

    void cancelledWhileHeldBack()
    {
        ActivityStore store;
        FileLock claim = ActivityStore::claim(runtime(), m_key);
        ToolCall call(QStringLiteral("c"), QStringLiteral("1"), QStringLiteral("bash"));
        bool proceeded = false;
        store.admit(&call, runtime(), m_key, [&] { proceeded = true; });
        call.finishWithError({QStringLiteral("cancelled"), QString(), QString()});
        claim = FileLock();
        QTest::qWait(200);
        QVERIFY(!proceeded);
        QVERIFY(store.inFlight().isEmpty());
    }

    void unwritableRuntimeFailsTheCall()
    {
        ActivityStore store;
        ToolCall call(QStringLiteral("c"), QStringLiteral("1"), QStringLiteral("bash"));
        bool proceeded = false;
        store.admit(&call, QStringLiteral("/proc/hako-none"), m_key, [&] { proceeded = true; });
        QVERIFY(!proceeded);
        QVERIFY(call.isFinished());
        QCOMPARE(call.error().code, QStringLiteral("host_io"));
    }
};

QTEST_GUILESS_MAIN(tst_ActivityStore)
#include "tst_activitystore.moc"
