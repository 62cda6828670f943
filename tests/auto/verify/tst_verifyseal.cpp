// Verify reports signed with the audit key and bound to the host's facts:
// forged, edited and re-signed reports, and facts that differ or were never known.
#include "verify/verifyfacts.h"
#include "verify/verifyseal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace hako;
using namespace hako::host::verify;

namespace {

QJsonObject facts()
{
    return {{QStringLiteral("hako_version"), QStringLiteral("1.0.0")},
            {QStringLiteral("image_id"), QStringLiteral("sha256:aa11")},
            {QStringLiteral("seccomp_sha256"), QStringLiteral("bb22")},
            {QStringLiteral("kernel"), QStringLiteral("Linux 6.1.0 #1 SMP")}};
}

QJsonObject report()
{
    return {{QStringLiteral("passed"), true},
            {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("T-1")},
                                                            {QStringLiteral("status"), QStringLiteral("pass")}}}},
            {QStringLiteral("duration_ms"), 81234},
            {QStringLiteral("bound"), facts()}};
}

QJsonObject signatureOf(const QJsonObject &r)
{
    return r.value(QLatin1String("signature")).toObject();
}

} // namespace

class tst_VerifySeal : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    audit::SigningKey m_key;
    audit::SigningKey m_other;
    audit::PublicKey m_public;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_key.loadOrCreate(m_dir.filePath(QStringLiteral("keys/signing.key"))), QString());
        QCOMPARE(m_other.loadOrCreate(m_dir.filePath(QStringLiteral("other/signing.key"))), QString());
        QCOMPARE(m_public.loadPem(m_key.publicKeyPem()), QString());
    }

    void seal_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<int>("seal");
        QTest::newRow("as signed") << "" << int(Seal::Valid);
        // Written indented, read back: the same canonical bytes.
        QTest::newRow("reformatted") << "reformat" << int(Seal::Valid);
        QTest::newRow("verdict edited") << "passed" << int(Seal::Invalid);
        QTest::newRow("bound fact edited") << "image_id" << int(Seal::Invalid);
        QTest::newRow("bound fact added") << "fact added" << int(Seal::Invalid);
        QTest::newRow("row edited") << "row" << int(Seal::Invalid);
        QTest::newRow("signature removed") << "unsigned" << int(Seal::Missing);
        QTest::newRow("signed by another key") << "other key" << int(Seal::Invalid);
        QTest::newRow("another key's signature, this key's id") << "other key, same id" << int(Seal::Invalid);
        QTest::newRow("signature not base64") << "garbage" << int(Seal::Invalid);
        QTest::newRow("signature truncated") << "truncated" << int(Seal::Invalid);
        QTest::newRow("algorithm renamed") << "algorithm" << int(Seal::Invalid);
        QTest::newRow("signature a string") << "string" << int(Seal::Invalid);
    }

    void seal()
    {
        QFETCH(QString, tamper);
        QFETCH(int, seal);
        QJsonObject r = sealed(report(), m_key);
        QJsonObject s = signatureOf(r);
        QCOMPARE(s.value(QLatin1String("key_id")).toString(), m_key.id());
        QJsonObject bound = r.value(QLatin1String("bound")).toObject();
        if (tamper == QLatin1String("reformat"))
            r = QJsonDocument::fromJson(QJsonDocument(r).toJson(QJsonDocument::Indented)).object();
        else if (tamper == QLatin1String("passed"))
            r.insert(QStringLiteral("passed"), false);
        else if (tamper == QLatin1String("image_id"))
            bound.insert(QStringLiteral("image_id"), QStringLiteral("sha256:ff99"));
        else if (tamper == QLatin1String("fact added"))
            bound.insert(QStringLiteral("note"), QStringLiteral("trusted"));
        else if (tamper == QLatin1String("row"))
            r.insert(QStringLiteral("rows"), QJsonArray());
        else if (tamper == QLatin1String("unsigned"))
            r.remove(QStringLiteral("signature"));
        else if (tamper.startsWith(QLatin1String("other key"))) {
            QJsonObject edited = report();
            edited.insert(QStringLiteral("passed"), true);
            r = sealed(edited, m_other);
            if (tamper.endsWith(QLatin1String("same id"))) {
                QJsonObject forged = signatureOf(r);
                forged.insert(QStringLiteral("key_id"), m_key.id());
                r.insert(QStringLiteral("signature"), forged);
            }
        } else if (tamper == QLatin1String("garbage"))
            s.insert(QStringLiteral("value"), QStringLiteral("not*base64!"));
        else if (tamper == QLatin1String("truncated"))
            s.insert(QStringLiteral("value"), s.value(QLatin1String("value")).toString().left(40));
        else if (tamper == QLatin1String("algorithm"))
            s.insert(QStringLiteral("algorithm"), QStringLiteral("none"));
        if (tamper == QLatin1String("image_id") || tamper == QLatin1String("fact added"))
            r.insert(QStringLiteral("bound"), bound);
        if (tamper == QLatin1String("garbage") || tamper == QLatin1String("truncated")
            || tamper == QLatin1String("algorithm"))
            r.insert(QStringLiteral("signature"), s);
        if (tamper == QLatin1String("string"))
            r.insert(QStringLiteral("signature"), s.value(QLatin1String("value")));
        QCOMPARE(int(checkSeal(r, m_public)), seal);
    }

    void differences_data()
    {
        QTest::addColumn<QJsonObject>("bound");
        QTest::addColumn<QJsonObject>("now");
        QTest::addColumn<QStringList>("differ");
        QTest::newRow("same host") << facts() << facts() << QStringList();
        QJsonObject moreNow = facts();
        moreNow.insert(QStringLiteral("later_fact"), QStringLiteral("x"));
        QTest::newRow("a fact the report does not bind") << facts() << moreNow << QStringList();
        QJsonObject rebuilt = facts();
        rebuilt.insert(QStringLiteral("image_id"), QStringLiteral("sha256:cc33"));
        QTest::newRow("image rebuilt") << facts() << rebuilt << QStringList{QStringLiteral("image_id")};
        QJsonObject newKernel = rebuilt;
        newKernel.insert(QStringLiteral("kernel"), QStringLiteral("Linux 6.1.0 #2 SMP"));
        QTest::newRow("image and kernel")
                << facts() << newKernel << QStringList{QStringLiteral("image_id"), QStringLiteral("kernel")};
        QJsonObject lost = facts();
        lost.remove(QStringLiteral("seccomp_sha256"));
        QTest::newRow("not measurable now") << facts() << lost << QStringList{QStringLiteral("seccomp_sha256")};
        // Unknown when the report was made: nothing vouches for it, even if still unknown.
        QJsonObject unknown = facts();
        unknown.insert(QStringLiteral("seccomp_sha256"), QStringLiteral("unknown: unreadable"));
        QTest::newRow("unknown then and now") << unknown << unknown << QStringList{QStringLiteral("seccomp_sha256")};
        QJsonObject typed = facts();
        typed.insert(QStringLiteral("hako_version"), 1.0);
        QTest::newRow("a fact that is not text") << typed << typed << QStringList{QStringLiteral("hako_version")};
        QTest::newRow("bound to nothing") << QJsonObject() << facts() << QStringList{QString()};
    }

    void differences()
    {
        QFETCH(QJsonObject, bound);
        QFETCH(QJsonObject, now);
        QFETCH(QStringList, differ);
        QStringList names;
        for (const FactDifference &d : factDifferences(bound, now))
            names << d.name;
        QCOMPARE(names, differ);
    }
};

QTEST_GUILESS_MAIN(tst_VerifySeal)
#include "tst_verifyseal.moc"
