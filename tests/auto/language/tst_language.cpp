// One language per message, and a language that can change while the plugin
// runs. Every ErrorCode and every agent error code is built in Japanese: the
// user's message may hold no ASCII word but the tokens a row allows (key
// names, program names, the arguments passed in), the log message nothing
// but printable ASCII. Rows for the places that used to mix the two; the
// settings schema's group headings and durations read as words, not keys and seconds.
#include "language.h"
#include "policy/errors.h"
#include "policy/seccompprofile.h"
#include "policy/settings.h"
#include "policy/settingtext.h"
#include "toolcatalog.h"

#include <hako/protocol/errors.h>

#include <QCoreApplication>
#include <QEvent>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace hako;

namespace {

// Names that are the same in every language: programs, file formats, paths.
const QStringList kTokens = {
        QStringLiteral("ID"),        QStringLiteral("JSON"),
        QStringLiteral("seccomp"),   QStringLiteral("libseccomp"),
        QStringLiteral("AppArmor"),  QStringLiteral("hako"),
        QStringLiteral("agent"),     QStringLiteral("HAKO_AGENT"),
        QStringLiteral("workspace"), QStringLiteral("apparmor_parser"),
        QStringLiteral("r"),         QStringLiteral("W"),
        QStringLiteral("policies"),  QStringLiteral("apparmor"),
        QStringLiteral("host"),      QStringLiteral("verify"), // hako-host verify
};

QStringList strayWords(const QString &message, const QStringList &allowed)
{
    static const QRegularExpression word(QStringLiteral("\\b[A-Za-z][A-Za-z0-9_]*"));
    QStringList stray;
    for (auto it = word.globalMatch(message); it.hasNext();) {
        const QString w = it.next().captured();
        if (!kTokens.contains(w) && !allowed.contains(w))
            stray << w;
    }
    return stray;
}

bool plainAscii(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

bool hasJapanese(const QString &text)
{
    for (const QChar c : text)
        if ((c.unicode() >= 0x3040 && c.unicode() <= 0x30ff) || (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff))
            return true;
    return false;
}

void useLanguage(const char *name)
{
    QLocale::setDefault(QLocale(QLatin1String(name)));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
}

QString settingTitle(const char *key)
{
    return Settings::schema()
            .value(QLatin1String("properties"))
            .toObject()
            .value(QLatin1String(key))
            .toObject()
            .value(QLatin1String("title"))
            .toString();
}

} // namespace

class tst_Language : public QObject
{
    Q_OBJECT

    Language *m_language = nullptr;

    static void check(const Error &error, const QStringList &allowed)
    {
        QVERIFY2(!error.isNull(), "no error");
        QVERIFY2(hasJapanese(error.message), qPrintable(error.message));
        const QStringList stray = strayWords(error.message, allowed);
        QVERIFY2(stray.isEmpty(), qPrintable(stray.join(QLatin1Char(' ')) + QStringLiteral(" in: ") + error.message));
        QVERIFY2(!error.message.contains(QLatin1Char('%')), qPrintable(error.message));
        QVERIFY2(plainAscii(error.logMessage), qPrintable(error.logMessage));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_language = new Language(this);
        useLanguage("ja_JP");
        QCOMPARE(m_language->current(), QStringLiteral("ja_JP"));
    }

    void everyCode_data()
    {
        QTest::addColumn<int>("code");
        for (int code = 0; code < int(ErrorCode::EndOfCodes); ++code)
            QTest::addRow("code %d", code) << code;
    }

    void everyCode()
    {
        QFETCH(int, code);
        const Error error =
                makeError(ErrorCode(code), {QStringLiteral("101"), QStringLiteral("102"), QStringLiteral("103")},
                          QStringLiteral("Permission denied"));
        check(error, {});
        QVERIFY2(error.logMessage.endsWith(QLatin1String(" Permission denied")), qPrintable(error.logMessage));
        QVERIFY2(!error.message.contains(QLatin1String("Permission")), qPrintable(error.message));
    }

    void agentCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("said");
        QTest::addColumn<QJsonObject>("details");
        QTest::addColumn<QString>("expectedCode");
        QTest::addColumn<QStringList>("mustContain");
        using namespace proto::code;
        namespace d = proto::detail;
        const QString english =
                QStringLiteral("No replacement was performed: old_str `x` did not appear in /workspace/a.");
        for (const char *code : {BadRequest, SpawnFailed, PathOutside, NotFound, NoMatch, MultipleMatches, TooLarge,
                                 IoError, NoSpace, Exists, Cancelled})
            QTest::addRow("%s", code) << QString::fromLatin1(code) << english << QJsonObject()
                                      << QString::fromLatin1(code) << QStringList();
        // Codes an agent may not send for a call are its protocol breaking, not words to pass on.
        for (const char *code : {BadFrame, BadChallenge, DuplicateId, UnknownTool, "setting_unknown", "timeout"})
            QTest::addRow("%s is a protocol error", code) << QString::fromLatin1(code) << english << QJsonObject()
                                                          << QStringLiteral("agent_protocol") << QStringList();
        QTest::newRow("multiple matches, lines listed")
                << QString::fromLatin1(MultipleMatches) << english
                << QJsonObject{{QLatin1String(d::Count), 3}, {QLatin1String(d::Lines), QJsonArray{4, 9, 17}}}
                << QString::fromLatin1(MultipleMatches) << QStringList{QStringLiteral("3"), QStringLiteral("4, 9, 17")};
        QTest::newRow("too large, sizes given")
                << QString::fromLatin1(TooLarge) << english
                << QJsonObject{{QLatin1String(d::Size), 5000}, {QLatin1String(d::MaxBytes), 1024}}
                << QString::fromLatin1(TooLarge) << QStringList{QStringLiteral("5000"), QStringLiteral("1024")};
        QTest::newRow("editor line out of range")
                << QString::fromLatin1(BadRequest) << english << QJsonObject{{QLatin1String(d::Lines), 12}}
                << QString::fromLatin1(BadRequest) << QStringList{QStringLiteral("12")};
        // Hostile details fall back to the plain message; nothing of them reaches the user.
        QTest::newRow("hostile: text for a count")
                << QString::fromLatin1(MultipleMatches) << english
                << QJsonObject{{QLatin1String(d::Count), QStringLiteral("%1 pwned")},
                               {QLatin1String(d::Lines), QJsonArray{QStringLiteral("evil")}}}
                << QString::fromLatin1(MultipleMatches) << QStringList();
        QTest::newRow("hostile: negative and fractional sizes")
                << QString::fromLatin1(TooLarge) << english
                << QJsonObject{{QLatin1String(d::Size), -1}, {QLatin1String(d::MaxBytes), 0.5}}
                << QString::fromLatin1(TooLarge) << QStringList();
        QTest::newRow("hostile: lines that are not numbers")
                << QString::fromLatin1(MultipleMatches) << english
                << QJsonObject{{QLatin1String(d::Count), 2}, {QLatin1String(d::Lines), QJsonArray{QStringLiteral("x")}}}
                << QString::fromLatin1(MultipleMatches) << QStringList{QStringLiteral("...")};
        QTest::newRow("hostile: Japanese and a newline in the agent's message")
                << QString::fromLatin1(NotFound) << QStringLiteral("偽の\nログ行") << QJsonObject()
                << QString::fromLatin1(NotFound) << QStringList();
        QTest::newRow("hostile: unknown code with placeholders")
                << QStringLiteral("%1%2_made_up") << QStringLiteral("%1") << QJsonObject()
                << QStringLiteral("agent_protocol") << QStringList();
    }

    void agentCodes()
    {
        QFETCH(QString, code);
        QFETCH(QString, said);
        QFETCH(QJsonObject, details);
        QFETCH(QString, expectedCode);
        QFETCH(QStringList, mustContain);
        const Error error = errorFromAgent(code, said, details);
        QCOMPARE(error.code, expectedCode);
        check(error, {});
        for (const QString &part : mustContain)
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
        QVERIFY2(!error.message.contains(QLatin1String("replacement")), qPrintable(error.message));
        if (plainAscii(said))
            QVERIFY2(error.logMessage.contains(said), qPrintable(error.logMessage));
    }

    // The places that put English in a translated message or translated text in a log.
    void offenders_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QStringList>("allowed");
        QTest::newRow("setting of the wrong type")
                << QStringLiteral("setting type") << QStringList{QStringLiteral("limits"), QStringLiteral("pids")};
        QTest::newRow("list setting of the wrong type")
                << QStringLiteral("list type") << QStringList{QStringLiteral("proxy"), QStringLiteral("allow")};
        QTest::newRow("tool input of the wrong type")
                << QStringLiteral("tool type")
                << QStringList{QStringLiteral("bash"), QStringLiteral("command"), QStringLiteral("string")};
        QTest::newRow("unknown tool field")
                << QStringLiteral("tool field") << QStringList{QStringLiteral("bash"), QStringLiteral("frobnicate")};
        QTest::newRow("seccomp profile not JSON") << QStringLiteral("seccomp") << QStringList();
        QTest::newRow("engine failure with its stderr") << QStringLiteral("docker") << QStringList();
    }

    void offenders()
    {
        QFETCH(QString, what);
        QFETCH(QStringList, allowed);
        Error error;
        QList<Error> errors;
        if (what == QLatin1String("setting type"))
            Settings::fromJson({{QStringLiteral("limits.pids"), QJsonArray()}}, &errors);
        else if (what == QLatin1String("list type"))
            Settings::fromJson({{QStringLiteral("proxy.allow"), true}}, &errors);
        else if (what == QLatin1String("tool type"))
            error = ToolCatalog::validate(QStringLiteral("bash"), {{QStringLiteral("command"), 1}});
        else if (what == QLatin1String("tool field"))
            error = ToolCatalog::validate(QStringLiteral("bash"), {{QStringLiteral("frobnicate"), 1}});
        else if (what == QLatin1String("seccomp"))
            error = validateSeccompProfile("{not json");
        else
            error = makeError(
                    ErrorCode::DockerFailed,
                    {ErrorArg::phrase("hako::Errors", QT_TRANSLATE_NOOP("hako::Errors", "start a container"))},
                    QStringLiteral("Error response from daemon: conflict"));
        if (!errors.isEmpty())
            error = errors.first();
        check(error, allowed);
    }

    // Headings and durations for people: no key prefixes, no bare seconds.
    void schemaIsHuman_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("ninetyMinutes");
        QTest::addColumn<QString>("idleDefault");
        QTest::addColumn<QString>("credentialsHeading");
        QTest::newRow("en") << QStringLiteral("en_US") << QStringLiteral("1 h 30 min")
                            << QStringLiteral("Default: 1 h.") << QStringLiteral("AWS credentials");
        QTest::newRow("ja") << QStringLiteral("ja_JP") << QStringLiteral("1時間30分")
                            << QStringLiteral("既定値: 1時間。") << QStringLiteral("AWS 認証情報");
    }

    void schemaIsHuman()
    {
        QFETCH(QString, language);
        QFETCH(QString, ninetyMinutes);
        QFETCH(QString, idleDefault);
        QFETCH(QString, credentialsHeading);
        useLanguage(language.toLatin1().constData());
        QCOMPARE(formatDuration(5400), ninetyMinutes);
        const QJsonObject schema = Settings::schema();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        QVERIFY(properties.value(QLatin1String("lifecycle.idleTtl"))
                        .toObject()
                        .value(QLatin1String("description"))
                        .toString()
                        .endsWith(idleDefault));
        QMap<QString, QString> headings;
        for (const QJsonValue &g : schema.value(QLatin1String("x-groups")).toArray())
            headings.insert(g.toObject().value(QLatin1String("name")).toString(),
                            g.toObject().value(QLatin1String("title")).toString());
        QCOMPARE(headings.value(QStringLiteral("credentials")), credentialsHeading);
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            const QString group = it.value().toObject().value(QLatin1String("x-group")).toString();
            QVERIFY2(!headings.value(group).isEmpty(), qPrintable(it.key()));
            QVERIFY2(headings.value(group) != group, qPrintable(group)); // a heading, not the key prefix
            if (language.startsWith(QLatin1String("ja")))
                QVERIFY2(hasJapanese(headings.value(group)), qPrintable(headings.value(group)));
        }
    }

    void durationRangeReadsAsTime()
    {
        useLanguage("ja_JP");
        QList<Error> errors;
        Settings::fromJson({{QStringLiteral("lifecycle.idleTtl"), 0}}, &errors);
        QCOMPARE(errors.size(), 1);
        check(errors.first(), {QStringLiteral("lifecycle"), QStringLiteral("idleTtl")});
        QVERIFY2(errors.first().message.contains(QStringLiteral("1秒 から 365日")), qPrintable(errors.first().message));
        QVERIFY2(errors.first().logMessage.contains(QLatin1String("between 1 s and 31536000 s")),
                 qPrintable(errors.first().logMessage));
    }

    void durations_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("seconds") << qint64(45) << QStringLiteral("45 s");
        QTest::newRow("a minute") << qint64(60) << QStringLiteral("1 min");
        QTest::newRow("every unit") << qint64(90061) << QStringLiteral("1 d 1 h 1 min 1 s");
        QTest::newRow("a year") << qint64(31536000) << QStringLiteral("365 d");
    }

    void durations()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        useLanguage("en_US");
        QCOMPARE(formatDuration(seconds), text);
    }

    void switchesAtRunTime()
    {
        for (const char *name : {"en_US", "ja_JP", "en_US", "ja_JP"}) {
            useLanguage(name);
            const bool japanese = QByteArray(name).startsWith("ja");
            QCOMPARE(m_language->current(), QString::fromLatin1(name));
            const QString message = makeError(ErrorCode::NoMatch).message;
            const QString tool =
                    ToolCatalog::definitions().first().toObject().value(QLatin1String("description")).toString();
            const QString title = settingTitle("limits.pids");
            for (const QString &text : {message, tool, title})
                QVERIFY2(hasJapanese(text) == japanese,
                         qPrintable(QString::fromLatin1(name) + QLatin1Char(' ') + text));
        }
        // A language without a catalogue falls back to the source texts.
        useLanguage("C");
        QCOMPARE(makeError(ErrorCode::NoMatch).message, QStringLiteral("The text to replace was not found."));
    }
};

QTEST_GUILESS_MAIN(tst_Language)
#include "tst_language.moc"
