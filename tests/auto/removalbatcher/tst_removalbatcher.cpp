// What each end sharing one `docker rm` is told, from the engine's answer
// for the whole batch: its own names that went, and an error only when one of
// its own may still be there.
#include "lifecycle/removalbatcher.h"
#include "policy/errors.h"

#include <QTest>

using namespace hako;

class tst_RemovalBatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answer_data()
    {
        QTest::addColumn<QList<QStringList>>("requests");
        QTest::addColumn<bool>("engineFailed");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QList<QStringList>>("told"); // per request: the names it is told went
        QTest::addColumn<QList<bool>>("failed");      // per request: whether it gets the error
        const QStringList a = {QStringLiteral("a")}, b = {QStringLiteral("b")};
        const QStringList cd = {QStringLiteral("c"), QStringLiteral("d")};
        QTest::newRow("all went") << QList<QStringList>{a, b, cd} << false
                                  << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                                 QStringLiteral("d")}
                                  << QList<QStringList>{a, b, cd} << QList<bool>{false, false, false};
        QTest::newRow("one was gone already")
                << QList<QStringList>{a, b} << false << b << QList<QStringList>{{}, b} << QList<bool>{false, false};
        QTest::newRow("another's failure is not mine")
                << QList<QStringList>{a, b} << true << a << QList<QStringList>{a, {}} << QList<bool>{false, true};
        QTest::newRow("half of mine stayed") << QList<QStringList>{cd} << true << QStringList{QStringLiteral("c")}
                                             << QList<QStringList>{{QStringLiteral("c")}} << QList<bool>{true};
        QTest::newRow("a name in two requests")
                << QList<QStringList>{a, a} << false << a << QList<QStringList>{a, a} << QList<bool>{false, false};
        QTest::newRow("a removed name nobody asked for")
                << QList<QStringList>{a} << false << QStringList{QStringLiteral("a"), QStringLiteral("z")}
                << QList<QStringList>{a} << QList<bool>{false};
    }

    void answer()
    {
        QFETCH(QList<QStringList>, requests);
        QFETCH(bool, engineFailed);
        QFETCH(QStringList, removed);
        QFETCH(QList<QStringList>, told);
        QFETCH(QList<bool>, failed);
        QObject context;
        QList<QStringList> gotNames(requests.size());
        QList<bool> gotError(requests.size(), false);
        QList<int> answers(requests.size(), 0);
        QList<RemovalBatcher::Request> batch;
        for (qsizetype i = 0; i < requests.size(); ++i)
            batch.append({requests[i], &context, [&, i](const Error &error, const QStringList &names) {
                              gotNames[i] = names;
                              gotError[i] = bool(error);
                              ++answers[i];
                          }});
        const Error error = engineFailed ? makeError(ErrorCode::DockerFailed, {QStringLiteral("rm")}) : Error();
        RemovalBatcher::answer(batch, error, removed);
        QCOMPARE(answers, QList<int>(requests.size(), 1));
        QCOMPARE(gotNames, told);
        QCOMPARE(gotError, failed);
    }

    // A request whose context is gone is not answered.
    void goneContextIsNotAnswered()
    {
        auto context = std::make_unique<QObject>();
        bool answered = false;
        QList<RemovalBatcher::Request> batch = {
                {{QStringLiteral("a")}, context.get(), [&](const Error &, const QStringList &) { answered = true; }}};
        context.reset();
        RemovalBatcher::answer(batch, {}, {QStringLiteral("a")});
        QVERIFY(!answered);
    }
};

QTEST_GUILESS_MAIN(tst_RemovalBatcher)
#include "tst_removalbatcher.moc"
