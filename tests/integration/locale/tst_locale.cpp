// Messages follow the user's locale (LC_ALL, then LANG): Japanese under
// ja_JP, English under C and en_US. Covers the host's own command line errors
// (parsed before the plugin loads), the plugin's errors and its tool
// descriptions. The expected Japanese is that of translations/hako_ja.ts.
// No row starts a container.
#include "hakohostdriver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

struct Locale
{
    const char *tag;
    const char *lang;
    const char *lcAll; // empty: unset
    bool japanese;
};

const Locale kLocales[] = {
        {"ja LANG", "ja_JP.UTF-8", "", true},
        {"ja LC_ALL", "C", "ja_JP.UTF-8", true},
        {"ja LANG+LC_ALL", "ja_JP.UTF-8", "ja_JP.UTF-8", true},
        {"en C", "C", "", false},
        {"en en_US", "en_US.UTF-8", "", false},
        {"en LC_ALL=C over ja", "ja_JP.UTF-8", "C", false},
};

enum class Stream { Out, Err };

struct Case
{
    const char *tag;
    QStringList args;
    Stream stream;
    int exitCode;
    QString english;
    QString japanese;
};

QList<Case> cases()
{
    return {
            {"empty conversation ID",
             {QStringLiteral("exec"), QStringLiteral("--conversation"), QString(), QStringLiteral("--"),
              QStringLiteral("true")},
             Stream::Err,
             125,
             QStringLiteral("The conversation ID is empty."),
             QStringLiteral("会話 ID が空です。")},
            {"setting out of range",
             {QStringLiteral("exec"), QStringLiteral("--set"), QStringLiteral("limits.pids=0"),
              QStringLiteral("--conversation"), QStringLiteral("c1"), QStringLiteral("--"), QStringLiteral("true")},
             Stream::Err,
             2,
             QStringLiteral("Setting \"limits.pids\" must be between 10 and 100000."),
             QStringLiteral("設定 \"limits.pids\" の値は 10 から 100000 の範囲内でなければなりません。")},
            {"unknown tool",
             {QStringLiteral("tool"), QStringLiteral("--conversation"), QStringLiteral("c1"),
              QStringLiteral("no_such_tool"), QStringLiteral("{}")},
             Stream::Out,
             1,
             QStringLiteral("There is no tool named \\\"no_such_tool\\\"."),
             QStringLiteral("\\\"no_such_tool\\\" という名前のツールはありません。")},
            {"bad tool input",
             {QStringLiteral("tool"), QStringLiteral("--conversation"), QStringLiteral("c1"), QStringLiteral("bash"),
              QStringLiteral("{\"command\": 1}")},
             Stream::Out,
             1,
             QStringLiteral("Invalid input for tool \\\"bash\\\": \\\"command\\\" must be of type string."),
             QStringLiteral(
                     "ツール \\\"bash\\\" への入力が不正です: \\\"command\\\" の型は string でなければなりません。")},
            {"CLI: bad --timeout",
             {QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("abc"),
              QStringLiteral("--conversation"), QStringLiteral("c1"), QStringLiteral("--"), QStringLiteral("true")},
             Stream::Err,
             2,
             QStringLiteral("--timeout needs a number of seconds between 1 and 86400."),
             QStringLiteral("--timeout には 1 から 86400 までの秒数を指定してください。")},
            {"CLI: unknown command",
             {QStringLiteral("frobnicate")},
             Stream::Err,
             2,
             QStringLiteral("Unknown command \"frobnicate\"."),
             QStringLiteral("不明なコマンド \"frobnicate\" です。")},
            {"CLI: usage",
             {QStringLiteral("frobnicate")},
             Stream::Err,
             2,
             QStringLiteral("Common options: --config FILE"),
             QStringLiteral("共通オプション: --config FILE")},
            {"CLI: missing --conversation",
             {QStringLiteral("end")},
             Stream::Err,
             2,
             QStringLiteral("end needs --conversation ID."),
             QStringLiteral("end には --conversation ID が必要です。")},
    };
}

// Kana or kanji anywhere: the whole output is in one language, not just the line checked.
bool hasJapanese(const QString &text)
{
    for (const QChar c : text)
        if ((c.unicode() >= 0x3040 && c.unicode() <= 0x30ff) || (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff))
            return true;
    return false;
}

} // namespace

class tst_Locale : public QObject
{
    Q_OBJECT

    HakoHostDriver m_host;

    void useLocale(const QString &lang, const QString &lcAll)
    {
        m_host.setEnvironment(QStringLiteral("LANG"), lang);
        m_host.setEnvironment(QStringLiteral("LC_ALL"), lcAll); // empty counts as unset
        // Whatever the test runner has, these must not pick the language.
        m_host.setEnvironment(QStringLiteral("LC_MESSAGES"), QString());
        m_host.setEnvironment(QStringLiteral("LANGUAGE"), QString());
    }

    static void addLocaleColumns()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("lcAll");
        QTest::addColumn<bool>("japanese");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_host.isValid()); }

    void errors_data()
    {
        addLocaleColumns();
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("onStdout");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("otherLanguage");
        for (const Locale &l : kLocales) {
            for (const Case &c : cases()) {
                QTest::addRow("%s: %s", l.tag, c.tag)
                        << QString::fromLatin1(l.lang) << QString::fromLatin1(l.lcAll) << l.japanese << c.args
                        << (c.stream == Stream::Out) << c.exitCode << (l.japanese ? c.japanese : c.english)
                        << (l.japanese ? c.english : c.japanese);
            }
        }
    }

    void errors()
    {
        QFETCH(QString, lang);
        QFETCH(QString, lcAll);
        QFETCH(bool, japanese);
        QFETCH(QStringList, args);
        QFETCH(bool, onStdout);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QFETCH(QString, otherLanguage);
        useLocale(lang, lcAll);
        const HostRun r = m_host.run(args);
        const QString text = QString::fromUtf8(onStdout ? r.out : r.err);
        QVERIFY2(text.contains(expected), qPrintable(QStringLiteral("expected «%1» in:\n%2").arg(expected, text)));
        QVERIFY2(!text.contains(otherLanguage), qPrintable(text));
        QCOMPARE(hasJapanese(text), japanese);
        QCOMPARE(r.exitCode, exitCode);
    }

    void toolDescriptions_data()
    {
        addLocaleColumns();
        for (const Locale &l : kLocales)
            QTest::newRow(l.tag) << QString::fromLatin1(l.lang) << QString::fromLatin1(l.lcAll) << l.japanese;
    }

    void toolDescriptions()
    {
        QFETCH(QString, lang);
        QFETCH(QString, lcAll);
        QFETCH(bool, japanese);
        useLocale(lang, lcAll);
        const HostRun r = m_host.run({QStringLiteral("tools")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray tools = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(tools.size(), 4);
        QJsonObject bash, readFile;
        for (const QJsonValue &t : tools) {
            const QString name = t.toObject().value(QLatin1String("name")).toString();
            if (name == QLatin1String("bash"))
                bash = t.toObject();
            else if (name == QLatin1String("read_file"))
                readFile = t.toObject();
        }
        QVERIFY(!bash.isEmpty());
        QVERIFY(!readFile.isEmpty());
        const QString description = bash.value(QLatin1String("description")).toString();
        const QString command = bash.value(QLatin1String("input_schema"))
                                        .toObject()
                                        .value(QLatin1String("properties"))
                                        .toObject()
                                        .value(QLatin1String("command"))
                                        .toObject()
                                        .value(QLatin1String("description"))
                                        .toString();
        const QString read = readFile.value(QLatin1String("description")).toString();
        if (japanese) {
            QVERIFY2(description.startsWith(QStringLiteral(
                             "会話のサンドボックス内の永続的な bash セッションでコマンドを実行します。")),
                     qPrintable(description));
            QVERIFY2(description.contains(QStringLiteral("ネットワークにはアクセスできません。")),
                     qPrintable(description));
            QCOMPARE(command, QStringLiteral("実行するコマンド。"));
            QVERIFY2(read.startsWith(QStringLiteral("/workspace からファイルを読み込みます。")), qPrintable(read));
        } else {
            QVERIFY2(description.startsWith(QStringLiteral("Run a command in a persistent bash session")),
                     qPrintable(description));
            QVERIFY2(description.contains(QStringLiteral("There is no network access.")), qPrintable(description));
            QCOMPARE(command, QStringLiteral("The command to run."));
            QVERIFY2(read.startsWith(QStringLiteral("Read a file from /workspace")), qPrintable(read));
        }
        // Names, types and the schema's structure are never translated.
        QCOMPARE(bash.value(QLatin1String("input_schema")).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("object"));
    }
};

QTEST_GUILESS_MAIN(tst_Locale)
#include "tst_locale.moc"
