// The OCSF export of a real audit log, validated against the schema subset
// shipped beside this test (ocsf-1.1-subset.json, which names its source):
// required attributes present with their types, no attribute the schema does
// not know, class, category and type IDs consistent with each other.
#include "auditfixture.h"

#include "audit/auditchain.h"
#include "audit/ocsfexport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace hako;
using namespace hako::test;

namespace {

class Validator
{
public:
    explicit Validator(const QJsonObject &schema) : m_schema(schema) {}

    // What is wrong with `event`, or empty.
    QString check(const QJsonObject &event) const
    {
        const QJsonObject base = m_schema.value(QLatin1String("base")).toObject();
        const int classUid = event.value(QLatin1String("class_uid")).toInt();
        const QJsonObject cls =
                m_schema.value(QLatin1String("classes")).toObject().value(QString::number(classUid)).toObject();
        if (cls.isEmpty())
            return QStringLiteral("unknown class_uid %1").arg(classUid);
        const int activity = event.value(QLatin1String("activity_id")).toInt();
        if (event.value(QLatin1String("category_uid")).toInt() != cls.value(QLatin1String("category_uid")).toInt())
            return QStringLiteral("category_uid does not match the class");
        if (event.value(QLatin1String("type_uid")).toDouble() != double(classUid) * 100 + activity)
            return QStringLiteral("type_uid is not class_uid * 100 + activity_id");
        if (!cls.value(QLatin1String("activity_ids")).toArray().contains(activity))
            return QStringLiteral("activity_id %1 is not one of the class's").arg(activity);
        const QJsonObject enums = base.value(QLatin1String("enums")).toObject();
        for (auto it = enums.begin(); it != enums.end(); ++it)
            if (event.contains(it.key()) && !it.value().toArray().contains(event.value(it.key())))
                return it.key() + QStringLiteral(" is out of its enumeration");
        QJsonObject required = base.value(QLatin1String("required")).toObject();
        QJsonObject optional = base.value(QLatin1String("optional")).toObject();
        merge(&required, cls.value(QLatin1String("required")).toObject());
        merge(&optional, cls.value(QLatin1String("optional")).toObject());
        return checkObject(QStringLiteral("event"), event, required, optional, {});
    }

private:
    static void merge(QJsonObject *into, const QJsonObject &from)
    {
        for (auto it = from.begin(); it != from.end(); ++it)
            into->insert(it.key(), it.value());
    }

    QString checkObject(const QString &where, const QJsonObject &value, const QJsonObject &required,
                        const QJsonObject &optional, const QJsonArray &atLeastOne) const
    {
        for (auto it = required.begin(); it != required.end(); ++it)
            if (!value.contains(it.key()))
                return where + QStringLiteral(": required attribute ") + it.key() + QStringLiteral(" is missing");
        bool one = atLeastOne.isEmpty();
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString type = required.value(it.key()).toString(optional.value(it.key()).toString());
            if (type.isEmpty())
                return where + QStringLiteral(": attribute ") + it.key() + QStringLiteral(" is not in the schema");
            if (const QString problem = checkValue(where + QLatin1Char('.') + it.key(), it.value(), type);
                !problem.isEmpty())
                return problem;
            one = one || atLeastOne.contains(it.key());
        }
        return one ? QString() : where + QStringLiteral(": none of the attributes of which one is required");
    }

    QString checkValue(const QString &where, const QJsonValue &value, const QString &type) const
    {
        if (type.endsWith(QLatin1String("[]"))) {
            if (!value.isArray())
                return where + QStringLiteral(" is not an array");
            for (const QJsonValue &item : value.toArray())
                if (const QString problem = checkValue(where, item, type.chopped(2)); !problem.isEmpty())
                    return problem;
            return {};
        }
        const QString scalar = m_schema.value(QLatin1String("types")).toObject().value(type).toString();
        if (scalar == QLatin1String("integer"))
            return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()))
                           ? QString()
                           : where + QStringLiteral(" is not an integer");
        if (scalar == QLatin1String("string"))
            return value.isString() ? QString() : where + QStringLiteral(" is not a string");
        if (scalar == QLatin1String("object"))
            return value.isObject() ? QString() : where + QStringLiteral(" is not an object");
        const QJsonObject object = m_schema.value(QLatin1String("objects")).toObject().value(type).toObject();
        if (object.isEmpty() || !value.isObject())
            return where + QStringLiteral(" is not a ") + type;
        return checkObject(where, value.toObject(), object.value(QLatin1String("required")).toObject(),
                           object.value(QLatin1String("optional")).toObject(),
                           object.value(QLatin1String("at_least_one")).toArray());
    }

    QJsonObject m_schema;
};

QJsonObject loadSchema()
{
    QFile f(QStringLiteral(HAKO_OCSF_SCHEMA));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QJsonObject lineOf(const QByteArray &text)
{
    audit::SealedLine line;
    audit::parseLine(text, &line);
    return line.object;
}

} // namespace

class tst_OcsfExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsValidate_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("classUid");
        QTest::addColumn<int>("activityId");
        QTest::newRow("tool call") << 1 << 1007 << 1;
        QTest::newRow("proxy refusal") << 2 << 4001 << 5;
        QTest::newRow("seccomp refusal") << 3 << 2004 << 1;
        QTest::newRow("security event") << 5 << 2004 << 1;
    }

    void eventsValidate()
    {
        QFETCH(int, line);
        QFETCH(int, classUid);
        QFETCH(int, activityId);
        AuditFixture fixture;
        fixture.writeStandardLog();
        const QJsonObject event = audit::toOcsf(lineOf(readLines(fixture.path()).at(line - 1)));
        QCOMPARE(event.value(QLatin1String("class_uid")).toInt(), classUid);
        QCOMPARE(event.value(QLatin1String("activity_id")).toInt(), activityId);
        const QString problem = Validator(loadSchema()).check(event);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(event.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString(),
                 QString::number(line));
    }

    // The validator itself refuses what the schema does not allow.
    void validatorRefusesBrokenEvents_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("wrong category") << "category_uid" << QJsonValue(4);
        QTest::newRow("wrong type_uid") << "type_uid" << QJsonValue(100702);
        QTest::newRow("unknown activity") << "activity_id" << QJsonValue(42);
        QTest::newRow("time as text") << "time" << QJsonValue(QStringLiteral("now"));
        QTest::newRow("no metadata") << "metadata" << QJsonValue();
        QTest::newRow("no process") << "process" << QJsonValue();
        QTest::newRow("unknown attribute") << "shell" << QJsonValue(QStringLiteral("bash"));
        QTest::newRow("severity out of range") << "severity_id" << QJsonValue(7);
    }

    void validatorRefusesBrokenEvents()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        AuditFixture fixture;
        fixture.writeStandardLog();
        QJsonObject event = audit::toOcsf(lineOf(readLines(fixture.path()).at(0)));
        if (value.isUndefined() || value.isNull())
            event.remove(path);
        else
            event.insert(path, value);
        QVERIFY(!Validator(loadSchema()).check(event).isEmpty());
    }

    void checkpointsAreNotEvents()
    {
        AuditFixture fixture;
        fixture.writeStandardLog();
        QVERIFY(audit::toOcsf(lineOf(readLines(fixture.path()).at(3))).isEmpty());
    }

    // Line 6 deleted: the four events before the break go out, then the export stops.
    void commandLineStopsAtTheBreak()
    {
        AuditFixture fixture;
        fixture.writeStandardLog();
        QByteArrayList lines = readLines(fixture.path());
        lines.removeAt(5);
        writeLines(fixture.path(), lines);
        QProcess host;
        host.start(QStringLiteral(HAKO_HOST_BINARY),
                   {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                    QStringLiteral("ocsf"), fixture.path()});
        QVERIFY(host.waitForFinished(30000));
        QCOMPARE(host.exitCode(), 1);
        QCOMPARE(host.readAllStandardOutput().count('\n'), 4);
        QVERIFY(host.readAllStandardError().contains(": line 6: "));
    }

    void commandLineExportsEveryEvent()
    {
        AuditFixture fixture;
        fixture.writeStandardLog();
        QProcess host;
        host.start(QStringLiteral(HAKO_HOST_BINARY),
                   {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                    QStringLiteral("ocsf"), fixture.path()});
        QVERIFY(host.waitForFinished(30000));
        QCOMPARE(host.exitCode(), 0);
        QByteArrayList lines = host.readAllStandardOutput().split('\n');
        QCOMPARE(lines.takeLast(), QByteArray());
        QCOMPARE(lines.size(), 7); // the seven events, no checkpoint
        const Validator validator(loadSchema());
        for (const QByteArray &line : lines) {
            const QString problem = validator.check(QJsonDocument::fromJson(line).object());
            QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral(" in ") + QString::fromUtf8(line)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_OcsfExport)
#include "tst_ocsfexport.moc"
