// The activity files GC relies on: a call counts as in flight from admission
// to finished(), its start and end are recorded, and a sweep's claim holds
// calls back while the container goes.
#include "lifecycle/activitystore.h"

#include <toolcall_p.h>

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

    static std::unique_ptr<ToolCall> newCall()
    {
        return std::unique_ptr<ToolCall>(
                ToolCallPrivate::create(QStringLiteral("c"), QStringLiteral("1"), QStringLiteral("bash")));
    }

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
        const std::unique_ptr<ToolCall> call = newCall();
        bool proceeded = false;
        store.admit(call.get(), runtime(), m_key, [&] { proceeded = true; });
        QVERIFY(proceeded);
        QCOMPARE(store.inFlight(), QSet<QString>{m_key});
        QVERIFY(qAbs(ActivityStore::lastActivity(runtime(), m_key) - QDateTime::currentSecsSinceEpoch()) <= 1);
        QVERIFY(!ActivityStore::claim(runtime(), m_key).isHeld()); // the lock works within one process too
        ToolCallPrivate::get(call.get())->finishWithResult({});
        QTRY_VERIFY(store.inFlight().isEmpty());
        QVERIFY(ActivityStore::claim(runtime(), m_key).isHeld());
    }

    void destroyedCallIsNoLongerInFlight()
    {
        ActivityStore store;
        std::unique_ptr<ToolCall> call = newCall();
        store.admit(call.get(), runtime(), m_key, [] {});
        call.reset();
        QVERIFY(store.inFlight().isEmpty());
        QVERIFY(ActivityStore::claim(runtime(), m_key).isHeld());
    }

    void claimHoldsCallsBack()
    {
        ActivityStore store;
        FileLock claim = ActivityStore::claim(runtime(), m_key);
        QVERIFY(claim.isHeld());
        const std::unique_ptr<ToolCall> call = newCall();
        bool proceeded = false;
        store.admit(call.get(), runtime(), m_key, [&] { proceeded = true; });
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
        const std::unique_ptr<ToolCall> call = newCall();
        bool proceeded = false;
        store.admit(call.get(), runtime(), m_key, [&] { proceeded = true; });
        ToolCallPrivate::get(call.get())->finishWithError({QStringLiteral("cancelled"), QString(), QString()});
        claim = FileLock();
        QTest::qWait(200);
        QVERIFY(!proceeded);
        QVERIFY(store.inFlight().isEmpty());
    }

    void unwritableRuntimeFailsTheCall()
    {
        ActivityStore store;
        const std::unique_ptr<ToolCall> call = newCall();
        bool proceeded = false;
        store.admit(call.get(), QStringLiteral("/proc/hako-none"), m_key, [&] { proceeded = true; });
        QVERIFY(!proceeded);
        QVERIFY(!call->isFinished()); // not inside admit(): from the event loop
        QTRY_VERIFY(call->isFinished());
        QCOMPARE(call->error().code, QStringLiteral("host_io"));
    }
};

QTEST_GUILESS_MAIN(tst_ActivityStore)
#include "tst_activitystore.moc"
