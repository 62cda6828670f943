// The example dialog over the real plugin's schema: every key gets an editor
// of its type holding its default, the defaults pass the plugin's validation,
// and bad values come back as the plugin's translated errors, marked on the
// fields they name. Run under LANG=C and LANG=ja_JP.UTF-8.
#include "schemaform.h"
#include "settingsdialog.h"

#include <hako/pluginpath.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPluginLoader>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace hako::example;

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

    QPluginLoader m_loader{hako::pluginPath()};
    hako::ToolExecutor *m_executor = nullptr;
    QTemporaryDir m_dir;

    QJsonObject properties() const
    {
        return m_executor->settingsSchema().value(QLatin1String("properties")).toObject();
    }
    static bool japanese() { return QLocale().language() == QLocale::Japanese; }

private Q_SLOTS:
    void initTestCase()
    {
        m_executor = qobject_cast<hako::ToolExecutor *>(m_loader.instance());
        QVERIFY2(m_executor, qPrintable(m_loader.errorString()));
        QVERIFY(m_dir.isValid());
    }

    void everyKeyHasAnEditorHoldingItsDefault()
    {
        SettingsDialog dialog(m_executor);
        const QJsonObject props = properties();
        QVERIFY(props.size() > 20);
        QJsonObject defaults;
        for (auto it = props.begin(); it != props.end(); ++it) {
            QVERIFY2(dialog.findChild<QWidget *>(it.key()), qPrintable(it.key()));
            defaults.insert(it.key(), it.value().toObject().value(QLatin1String("default")));
        }
        QCOMPARE(dialog.form()->values(), defaults);

        auto *runtime = dialog.findChild<QComboBox *>(QStringLiteral("runtime"));
        QVERIFY(runtime);
        QCOMPARE(runtime->count(), 2);
        auto *pids = dialog.findChild<QSpinBox *>(QStringLiteral("limits.pids"));
        QVERIFY(pids);
        QCOMPARE(pids->minimum(), 10);
        QCOMPARE(pids->maximum(), 100000);
        auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("credentials.secretAccessKey"));
        QVERIFY(secret);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        auto *allow = dialog.findChild<QPlainTextEdit *>(QStringLiteral("proxy.allow"));
        QVERIFY(allow);
        QCOMPARE(allow->toPlainText(), QStringLiteral("bedrock-runtime.*.amazonaws.com"));
    }

    void apply_data()
    {
        QTest::addColumn<QStringList>("assignments");
        QTest::addColumn<QStringList>("marked");
        QTest::addColumn<QString>("inEnglish");
        QTest::addColumn<QString>("inJapanese");
        QTest::newRow("defaults") << QStringList() << QStringList() << "The settings were applied."
                                  << QString::fromUtf8("設定を適用しました。");
        QTest::newRow("bad size") << QStringList{QStringLiteral("limits.memory=lots")}
                                  << QStringList{QStringLiteral("limits.memory")}
                                  << "Setting \"limits.memory\" must be a size such as 512m or 2g, not \"lots\"."
                                  << QString::fromUtf8(
                                             "設定 \"limits.memory\" には 512m や 2g のようなサイズを指定してください");
        QTest::newRow("empty docker CLI")
                << QStringList{QStringLiteral("docker.binary=")} << QStringList{QStringLiteral("docker.binary")}
                << "Setting \"docker.binary\" cannot be \"\"."
                << QString::fromUtf8("設定 \"docker.binary\" に \"\" は指定できません。");
        QTest::newRow("two problems") << QStringList{QStringLiteral("docker.binary="),
                                                     QStringLiteral("limits.tmpSize=big")}
                                      << QStringList{QStringLiteral("docker.binary"), QStringLiteral("limits.tmpSize")}
                                      << "Setting \"limits.tmpSize\" must be a size"
                                      << QString::fromUtf8("設定 \"limits.tmpSize\" には");
    }

    void apply()
    {
        QFETCH(QStringList, assignments);
        QFETCH(QStringList, marked);
        QFETCH(QString, inEnglish);
        QFETCH(QString, inJapanese);
        SettingsDialog dialog(m_executor);
        dialog.form()->setValue(QStringLiteral("paths.workspaces"), m_dir.filePath(QStringLiteral("workspaces")));
        dialog.form()->setValue(QStringLiteral("paths.runtime"), m_dir.filePath(QStringLiteral("run")));
        for (const QString &a : assignments)
            dialog.form()->setValue(a.section(QLatin1Char('='), 0, 0), a.section(QLatin1Char('='), 1));
        QCOMPARE(dialog.apply(), marked.isEmpty());
        const QString status = dialog.findChild<QLabel *>(QStringLiteral("status"))->text();
        QVERIFY2(status.contains(japanese() ? inJapanese : inEnglish), qPrintable(status));
        const QJsonObject props = properties();
        for (auto it = props.begin(); it != props.end(); ++it) {
            const bool isMarked = !dialog.findChild<QWidget *>(it.key())->styleSheet().isEmpty();
            QVERIFY2(isMarked == marked.contains(it.key()), qPrintable(it.key()));
        }
    }
};

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
