// The GC decision (lifecycle/reappolicy.h) without an engine: which container
// goes, and why, for every combination that matters.
#include "lifecycle/reappolicy.h"

#include <QTest>

using namespace hako;

namespace {

constexpr qint64 kNow = 1700000000;
constexpr int kIdle = 60;
constexpr int kAbsolute = 600;
const QString kOurs = QStringLiteral("ours");
const QString kOther = QStringLiteral("other");

ContainerInfo container(const QString &name, const QString &instance, const QString &state, qint64 createdAgo)
{
    ContainerInfo c;
    c.id = name + QStringLiteral("-id");
    c.name = name;
    c.state = state;
    c.labels = {{QLatin1String(label::kManaged), QStringLiteral("true")}, {QLatin1String(label::kConversation), name}};
    if (!instance.isEmpty())
        c.labels.insert(QLatin1String(label::kInstance), instance);
    if (createdAgo >= 0)
        c.labels.insert(QLatin1String(label::kCreated), QString::number(kNow - createdAgo));
    return c;
}

SweepInput baseInput()
{
    SweepInput in;
    in.now = kNow;
    in.instance = kOurs;
    in.idleTtl = kIdle;
    in.absoluteTtl = kAbsolute;
    return in;
}

} // namespace

Q_DECLARE_METATYPE(hako::OwnerState)

class tst_Reaper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reason_data()
    {
        QTest::addColumn<QString>("instance"); // "" for no label
        QTest::addColumn<QString>("state");
        QTest::addColumn<qint64>("createdAgo");  // -1: no created label
        QTest::addColumn<qint64>("activityAgo"); // -1: no activity recorded
        QTest::addColumn<bool>("inFlight");
        QTest::addColumn<OwnerState>("owner"); // for other instances
        QTest::addColumn<QString>("expected"); // "" stays

        const auto U = OwnerState::Unknown;
        const auto A = OwnerState::Alive;
        const auto G = OwnerState::Gone;
        // Our own containers.
        QTest::newRow("fresh") << kOurs << "running" << 10LL << 5LL << false << U << "";
        QTest::newRow("idle by activity") << kOurs << "running" << 300LL << 61LL << false << U << "idle_ttl";
        QTest::newRow("idle exactly at ttl stays") << kOurs << "running" << 300LL << 60LL << false << U << "";
        QTest::newRow("old but active") << kOurs << "running" << 500LL << 5LL << false << U << "";
        QTest::newRow("no activity: created decides") << kOurs << "running" << 61LL << -1LL << false << U << "idle_ttl";
        QTest::newRow("no activity, young") << kOurs << "running" << 30LL << -1LL << false << U << "";
        QTest::newRow("activity before creation ignored") << kOurs << "running" << 10LL << 100LL << false << U << "";
        QTest::newRow("absolute though busy") << kOurs << "running" << 601LL << 1LL << false << U << "absolute_ttl";
        QTest::newRow("absolute beats idle") << kOurs << "running" << 700LL << 650LL << false << U << "absolute_ttl";
        QTest::newRow("in flight past every ttl") << kOurs << "running" << 9000LL << 9000LL << true << U << "";
        QTest::newRow("exited") << kOurs << "exited" << 10LL << 5LL << false << U << "exited";
        QTest::newRow("never started") << kOurs << "created" << 10LL << 5LL << false << U << "exited";
        QTest::newRow("dead") << kOurs << "dead" << 10LL << 5LL << false << U << "exited";
        QTest::newRow("exited but in flight") << kOurs << "exited" << 10LL << 5LL << true << U << "";
        QTest::newRow("paused counts as running") << kOurs << "paused" << 10LL << 5LL << false << U << "";
        QTest::newRow("no times at all") << kOurs << "running" << -1LL << -1LL << false << U << "";
        // Other instances.
        QTest::newRow("alive owner, ancient") << kOther << "running" << 99999LL << 99999LL << false << A << "";
        QTest::newRow("alive owner, exited") << kOther << "exited" << 99999LL << -1LL << false << A << "";
        QTest::newRow("gone owner, idle") << kOther << "running" << 61LL << -1LL << false << G << "orphan";
        QTest::newRow("gone owner, young") << kOther << "running" << 30LL << -1LL << false << G << "";
        QTest::newRow("gone owner, recent activity") << kOther << "running" << 300LL << 10LL << false << G << "";
        QTest::newRow("gone owner, stale activity") << kOther << "running" << 300LL << 200LL << false << G << "orphan";
        QTest::newRow("gone owner, exited and young") << kOther << "exited" << 30LL << -1LL << false << G << "";
        QTest::newRow("unknown owner, past idle") << kOther << "running" << 300LL << -1LL << false << U << "";
        QTest::newRow("unknown owner, past absolute") << kOther << "running" << 601LL << -1LL << false << U << "orphan";
        QTest::newRow("no instance label") << ""
                                           << "running" << 601LL << -1LL << false << U << "orphan";
        QTest::newRow("no instance, no created") << ""
                                                 << "running" << -1LL << -1LL << false << U << "";
    }

    void reason()
    {
        QFETCH(QString, instance);
        QFETCH(QString, state);
        QFETCH(qint64, createdAgo);
        QFETCH(qint64, activityAgo);
        QFETCH(bool, inFlight);
        QFETCH(OwnerState, owner);
        QFETCH(QString, expected);

        const ContainerInfo c = container(QStringLiteral("c1"), instance, state, createdAgo);
        SweepInput in = baseInput();
        in.containers = {c};
        if (activityAgo >= 0)
            in.lastActivity.insert(c.name, kNow - activityAgo);
        if (inFlight)
            in.inFlight.insert(c.name);
        if (instance != kOurs && !instance.isEmpty())
            in.owners.insert(instance, owner);
        QCOMPARE(reapReason(c, in), expected);
        const QList<Reaping> chosen = chooseContainersToReap(in);
        QCOMPARE(chosen.size(), expected.isEmpty() ? 0 : 1);
    }

    // A container listed while it was being started reads "created": if its
    // conversation had a call end since the listing was asked for, the listing
    // is older than what it says, and the container stays for the next sweep.
    // (Reaped, it was killed after its first call had been answered.)
    void stoppedWhenListed_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<qint64>("listedAgo");
        QTest::addColumn<qint64>("activityAgo"); // -1: no activity recorded
        QTest::addColumn<QString>("expected");
        QTest::newRow("created, a call ended since the listing") << "created" << 20LL << 5LL << "";
        QTest::newRow("created, a call ended as the listing began") << "created" << 20LL << 20LL << "";
        QTest::newRow("exited, a call ended since the listing") << "exited" << 20LL << 1LL << "";
        QTest::newRow("created, the last call before the listing") << "created" << 20LL << 21LL << "exited";
        QTest::newRow("exited, no call at all") << "exited" << 20LL << -1LL << "exited";
        QTest::newRow("running, a call since: idle rules as ever") << "running" << 20LL << 5LL << "";
    }

    void stoppedWhenListed()
    {
        QFETCH(QString, state);
        QFETCH(qint64, listedAgo);
        QFETCH(qint64, activityAgo);
        QFETCH(QString, expected);
        const ContainerInfo c = container(QStringLiteral("c1"), kOurs, state, 30);
        SweepInput in = baseInput();
        in.containers = {c};
        in.listedAt = kNow - listedAgo;
        if (activityAgo >= 0)
            in.lastActivity.insert(c.name, kNow - activityAgo);
        QCOMPARE(reapReason(c, in), expected);
    }

    // Our warm pool containers that no conversation took: no idle TTL while
    // their pool holds them; gone when it does not, or when stopped or too old.
    void poolReason_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<qint64>("createdAgo");
        QTest::addColumn<bool>("held");
        QTest::addColumn<QString>("expected");
        QTest::newRow("held, idle for ages") << "running" << 500LL << true << "";
        QTest::newRow("held, fresh") << "running" << 1LL << true << "";
        QTest::newRow("pool gone") << "running" << 1LL << false << "pool_stale";
        QTest::newRow("held, past absolute") << "running" << 601LL << true << "absolute_ttl";
        QTest::newRow("held, exited") << "exited" << 1LL << true << "exited";
    }

    void poolReason()
    {
        QFETCH(QString, state);
        QFETCH(qint64, createdAgo);
        QFETCH(bool, held);
        QFETCH(QString, expected);
        ContainerInfo c = container(QStringLiteral("pool-1"), kOurs, state, createdAgo);
        c.labels.remove(QLatin1String(label::kConversation));
        c.labels.insert(QLatin1String(label::kPool), QStringLiteral("1"));
        SweepInput in = baseInput();
        in.containers = {c};
        in.waitingPool = {c.name};
        if (held)
            in.heldPool = {c.name};
        QCOMPARE(reapReason(c, in), expected);
        // Taken by a conversation, the same container follows the conversation's rules.
        in.waitingPool.clear();
        in.lastActivity.insert(c.name, kNow - 1);
        QCOMPARE(reapReason(c, in).isEmpty(), state == QLatin1String("running") && createdAgo <= kAbsolute);
    }

    void createdLabel_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("number") << "1700000000" << 1700000000LL;
        QTest::newRow("missing") << QString() << 0LL;
        QTest::newRow("garbage") << "soon" << 0LL;
        QTest::newRow("negative") << "-5" << 0LL;
    }

    void createdLabel()
    {
        QFETCH(QString, value);
        QFETCH(qint64, expected);
        ContainerInfo c;
        if (!value.isNull())
            c.labels.insert(QLatin1String(label::kCreated), value);
        QCOMPARE(createdAt(c), expected);
    }

    // One sweep over a mixed list picks exactly the due ones, each with its reason.
    void mixedSweep()
    {
        SweepInput in = baseInput();
        in.containers = {
                container(QStringLiteral("busy"), kOurs, QStringLiteral("running"), 9000),
                container(QStringLiteral("idle"), kOurs, QStringLiteral("running"), 100),
                container(QStringLiteral("fresh"), kOurs, QStringLiteral("running"), 100),
                container(QStringLiteral("stopped"), kOurs, QStringLiteral("exited"), 100),
                container(QStringLiteral("orphan"), kOther, QStringLiteral("running"), 100),
                container(QStringLiteral("neighbour"), QStringLiteral("alive"), QStringLiteral("running"), 9000)};
        in.inFlight = {QStringLiteral("busy")};
        in.lastActivity = {{QStringLiteral("idle"), kNow - 90}, {QStringLiteral("fresh"), kNow - 1}};
        in.owners = {{kOther, OwnerState::Gone}, {QStringLiteral("alive"), OwnerState::Alive}};
        QMap<QString, QString> got;
        for (const Reaping &r : chooseContainersToReap(in))
            got.insert(r.container.name, r.reason);
        const QMap<QString, QString> expected = {{QStringLiteral("idle"), QStringLiteral("idle_ttl")},
                                                 {QStringLiteral("stopped"), QStringLiteral("exited")},
                                                 {QStringLiteral("orphan"), QStringLiteral("orphan")}};
        QCOMPARE(got, expected);
    }
};

QTEST_APPLESS_MAIN(tst_Reaper)
#include "tst_reaper.moc"
