#include "policy/apparmor.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(hako::AppArmorState)

namespace {

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class tst_AppArmor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void state_data()
    {
        QTest::addColumn<QByteArray>("enabled");  // null: the module file is absent
        QTest::addColumn<QByteArray>("profiles"); // null: the profiles file is absent
        QTest::addColumn<hako::AppArmorState>("expected");
        using S = hako::AppArmorState;
        QTest::newRow("no AppArmor module") << QByteArray() << QByteArray() << S::Unavailable;
        QTest::newRow("module present, switched off") << QByteArray("N\n") << QByteArray() << S::Unavailable;
        QTest::newRow("on, profile enforced")
                << QByteArray("Y\n") << QByteArray("docker-default (enforce)\nhako-workspace (enforce)\n") << S::Loaded;
        QTest::newRow("on, profile only complaining")
                << QByteArray("Y\n") << QByteArray("hako-workspace (complain)\n") << S::NotLoaded;
        QTest::newRow("on, a profile with a longer name")
                << QByteArray("Y\n") << QByteArray("hako-workspace-old (enforce)\n") << S::NotLoaded;
        QTest::newRow("on, profiles unreadable") << QByteArray("Y\n") << QByteArray() << S::NotLoaded;
    }

    void state()
    {
        QFETCH(QByteArray, enabled);
        QFETCH(QByteArray, profiles);
        QFETCH(hako::AppArmorState, expected);
        QTemporaryDir sysfs;
        QVERIFY(sysfs.isValid());
        if (!enabled.isNull())
            QVERIFY(writeFile(sysfs.path() + QStringLiteral("/module/apparmor/parameters/enabled"), enabled));
        if (!profiles.isNull())
            QVERIFY(writeFile(sysfs.path() + QStringLiteral("/kernel/security/apparmor/profiles"), profiles));
        QCOMPARE(hako::appArmorState(sysfs.path()), expected);
    }
};

QTEST_GUILESS_MAIN(tst_AppArmor)
#include "tst_apparmor.moc"
