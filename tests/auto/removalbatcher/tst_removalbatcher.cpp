// What each end sharing one `docker rm` is told, from the engine's answer
// for the whole batch: its own names that went, and an error only when one of
// its own may still be there after the last attempt; before that, the names
// left go back in line. An engine that times out (a loaded host) is tried again.
#include "engine/containerengine.h"
#include "lifecycle/removalbatcher.h"
#include "policy/errors.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace hako;

namespace {

// Fails the first `failures` removals, whatever they hold, with the engine's
// timeout after removing `removedWhenFailing` of the names; then removes all.
class FlakyEngine final : public ContainerEngine
{
public:
    int failures = 0;
    int removedWhenFailing = 0;
    QList<QStringList> commands;

    void remove(const QStringList &names, QObject *, Removed done) override
    {
        commands << names;
        if (int(commands.size()) > failures)
            return done({}, names);
        done(makeError(ErrorCode::DockerTimeout, {QStringLiteral("30")}), names.mid(0, removedWhenFailing));
    }
    void start(const ContainerSpec &, QObject *, Done) override { QFAIL("not used"); }
    void list(const QMap<QString, QString> &, QObject *, Listed) override { QFAIL("not used"); }
    void listNamed(const QStringList &, QObject *, Listed) override { QFAIL("not used"); }
    void rename(const QString &, const QString &, QObject *, Done) override { QFAIL("not used"); }
    void removeHostDirectory(const QString &, QObject *, Done) override { QFAIL("not used"); }
    void probe(int, QObject *, Probed) override { QFAIL("not used"); }
    void setPaused(const QString &, bool, QObject *, Done) override { QFAIL("not used"); }
    void inspect(const QString &, Aspect, QObject *, Output) override { QFAIL("not used"); }
};

} // namespace

class tst_RemovalBatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answer_data()
    {
        QTest::addColumn<QList<QStringList>>("requests");
        QTest::addColumn<int>("attemptsBefore");
        QTest::addColumn<bool>("engineFailed");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QList<QStringList>>("told"); // per request: the names it is told went
        QTest::addColumn<QList<int>>("outcome");      // per request: 0 done, 1 failed, 2 tried again
        const QStringList a = {QStringLiteral("a")}, b = {QStringLiteral("b")};
        const QStringList cd = {QStringLiteral("c"), QStringLiteral("d")};
        const int last = RemovalBatcher::kAttempts - 1;
        QTest::newRow("all went") << QList<QStringList>{a, b, cd} << 0 << false
                                  << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                                 QStringLiteral("d")}
                                  << QList<QStringList>{a, b, cd} << QList<int>{0, 0, 0};
        QTest::newRow("one was gone already")
                << QList<QStringList>{a, b} << 0 << false << b << QList<QStringList>{{}, b} << QList<int>{0, 0};
        QTest::newRow("another's failure is not mine")
                << QList<QStringList>{a, b} << 0 << true << a << QList<QStringList>{a, {}} << QList<int>{0, 2};
        QTest::newRow("another's failure is not mine, last attempt")
                << QList<QStringList>{a, b} << last << true << a << QList<QStringList>{a, {}} << QList<int>{0, 1};
        QTest::newRow("half of mine stayed") << QList<QStringList>{cd} << 0 << true << QStringList{QStringLiteral("c")}
                                             << QList<QStringList>{{}} << QList<int>{2};
        QTest::newRow("half of mine stayed, last attempt")
                << QList<QStringList>{cd} << last << true << QStringList{QStringLiteral("c")}
                << QList<QStringList>{{QStringLiteral("c")}} << QList<int>{1};
        QTest::newRow("timed out, nothing went") << QList<QStringList>{a, cd} << 1 << true << QStringList{}
                                                 << QList<QStringList>{{}, {}} << QList<int>{2, 2};
        QTest::newRow("a name in two requests")
                << QList<QStringList>{a, a} << 0 << false << a << QList<QStringList>{a, a} << QList<int>{0, 0};
        QTest::newRow("a removed name nobody asked for")
                << QList<QStringList>{a} << 0 << false << QStringList{QStringLiteral("a"), QStringLiteral("z")}
                << QList<QStringList>{a} << QList<int>{0};
    }

    void answer()
    {
        QFETCH(QList<QStringList>, requests);
        QFETCH(int, attemptsBefore);
        QFETCH(bool, engineFailed);
        QFETCH(QStringList, removed);
        QFETCH(QList<QStringList>, told);
        QFETCH(QList<int>, outcome);
        QObject context;
        QList<QStringList> gotNames(requests.size());
        QList<int> got(requests.size(), 2);
        QList<int> answers(requests.size(), 0);
        QList<RemovalBatcher::Request> batch;
        for (qsizetype i = 0; i < requests.size(); ++i)
            batch.append({requests[i],
                          &context,
                          [&, i](const Error &error, const QStringList &names) {
                gotNames[i] = names;
                got[i] = error ? 1 : 0;
                ++answers[i];
                          },
                          {},
                          attemptsBefore});
        const Error error = engineFailed ? makeError(ErrorCode::DockerFailed, {QStringLiteral("rm")}) : Error();
        const QList<RemovalBatcher::Request> again = RemovalBatcher::answer(batch, error, removed);
        QCOMPARE(got, outcome);
        QCOMPARE(gotNames, told);
        for (qsizetype i = 0; i < requests.size(); ++i)
            QCOMPARE(answers[i], outcome[i] == 2 ? 0 : 1);
        QCOMPARE(int(again.size()), int(outcome.count(2)));
        for (const RemovalBatcher::Request &request : again) {
            QCOMPARE(request.attempts, attemptsBefore + 1);
            for (const QString &name : request.names)
                QVERIFY2(!removed.contains(name), qPrintable(name)); // only what may still be there
        }
    }

    // A request whose context is gone is not answered, nor tried again.
    void goneContextIsNotAnswered()
    {
        auto context = std::make_unique<QObject>();
        bool answered = false;
        QList<RemovalBatcher::Request> batch = {{{QStringLiteral("a")},
                                                 context.get(),
                                                 [&](const Error &, const QStringList &) { answered = true; },
                                                 {},
                                                 0}};
        context.reset();
        QVERIFY(RemovalBatcher::answer(batch, makeError(ErrorCode::DockerTimeout, {QStringLiteral("30")}), {})
                        .isEmpty());
        QVERIFY(!answered);
    }

    // Through the batcher: failed commands are repeated for the names left,
    // each end is answered once, and only an engine that refuses every attempt fails it.
    void retriesThroughTheEngine_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("removedWhenFailing");
        QTest::addColumn<bool>("endsFail");
        QTest::newRow("no failure") << 0 << 0 << false;
        QTest::newRow("one timeout") << 1 << 0 << false;
        QTest::newRow("timeouts that removed some") << RemovalBatcher::kAttempts - 1 << 3 << false;
        QTest::newRow("the engine refuses every attempt") << 1000 << 0 << true;
    }

    void retriesThroughTheEngine()
    {
        QFETCH(int, failures);
        QFETCH(int, removedWhenFailing);
        QFETCH(bool, endsFail);
        FlakyEngine engine;
        engine.failures = failures;
        engine.removedWhenFailing = removedWhenFailing;
        RemovalBatcher batcher(engine);
        QObject context;
        const int ends = 25;
        QList<int> answers(ends, 0), errors(ends, 0);
        QSet<QString> told;
        for (int i = 0; i < ends; ++i)
            batcher.remove({QStringLiteral("c%1").arg(i)}, &context,
                           [&, i](const Error &error, const QStringList &names) {
                ++answers[i];
                errors[i] += error ? 1 : 0;
                for (const QString &name : names)
                    told << name;
            });
        QCOMPARE(answers, QList<int>(ends, 1));
        QCOMPARE(errors.count(1), endsFail ? ends - int(told.size()) : 0);
        QSet<QString> asked;
        for (const QStringList &command : std::as_const(engine.commands)) {
            QVERIFY(command.size() <= RemovalBatcher::kMaxNamesPerBatch);
            for (const QString &name : command)
                asked << name;
        }
        QCOMPARE(int(asked.size()), ends);
        if (!endsFail)
            QCOMPARE(int(told.size()), ends);
        // Never more attempts per name than allowed.
        for (int i = 0; i < ends; ++i) {
            const QString name = QStringLiteral("c%1").arg(i);
            const auto tries = std::count_if(engine.commands.begin(), engine.commands.end(),
                                             [&](const QStringList &c) { return c.contains(name); });
            QVERIFY2(tries >= 1 && tries <= RemovalBatcher::kAttempts, qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(tst_RemovalBatcher)
#include "tst_removalbatcher.moc"
