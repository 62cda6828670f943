#include "hostpaths.h"
#include "policy/seccompprofile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace hako;

namespace {

// A profile with one rule whose JSON is `rule`, on x86_64 and aarch64.
QByteArray withRule(const QByteArray &rule, const QByteArray &head = "\"defaultAction\":\"SCMP_ACT_ERRNO\"")
{
    return "{" + head
           + ",\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\",\"subArchitectures\":"
             "[\"SCMP_ARCH_X32\"]},{\"architecture\":\"SCMP_ARCH_AARCH64\"}],\"syscalls\":["
           + rule + "]}";
}

QByteArray shipped()
{
    QFile f(QStringLiteral(HAKO_SHIPPED_SECCOMP_PROFILE));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeTo(const QString &path, const QByteArray &content)
{
    QFile::remove(path);
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

ino_t inodeOf(const QString &path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class tst_SeccompProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("errorCode"); // empty: accepted
        QTest::addColumn<QString>("mentions");  // text the message must contain, naming the entry

        QTest::newRow("shipped profile") << shipped() << ""
                                         << "";
        QTest::newRow("minimal") << QByteArray("{\"defaultAction\":\"SCMP_ACT_ALLOW\"}") << ""
                                 << "";
        QTest::newRow("masked clone filter")
                << withRule("{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
                            "\"value\":2114060288,\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}")
                << ""
                << "";
        QTest::newRow("64-bit mask") << withRule("{\"names\":[\"ioctl\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{"
                                                 "\"index\":1,\"value\":18446744069414584320,\"op\":"
                                                 "\"SCMP_CMP_MASKED_EQ\"}]}")
                                     << ""
                                     << "";
        QTest::newRow("x86-only name") << withRule(
                "{\"names\":[\"iopl\",\"arch_prctl\"],\"action\":\"SCMP_ACT_ALLOW\"}")
                                       << ""
                                       << "";

        QTest::newRow("empty file") << QByteArray() << "seccomp_empty"
                                    << "";
        QTest::newRow("blank file") << QByteArray(" \n\t") << "seccomp_empty"
                                    << "";
        QTest::newRow("not JSON") << QByteArray("defaultAction: SCMP_ACT_ERRNO") << "seccomp_not_json"
                                  << "";
        QTest::newRow("JSON array") << QByteArray("[]") << "seccomp_not_json"
                                    << "";
        QTest::newRow("no default action") << QByteArray("{\"syscalls\":[]}") << "seccomp_field"
                                           << "defaultAction";
        QTest::newRow("misspelt key") << withRule("{\"nmaes\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}")
                                      << "seccomp_field"
                                      << "syscalls[0].nmaes";
        QTest::newRow("empty names") << withRule("{\"names\":[],\"action\":\"SCMP_ACT_ALLOW\"}") << "seccomp_field"
                                     << "syscalls[0].names";
        QTest::newRow("unknown syscall") << withRule("{\"names\":[\"read\",\"opne\"],\"action\":\"SCMP_ACT_ALLOW\"}")
                                         << "seccomp_unknown_syscall"
                                         << "syscalls[0].names[1] names \"opne\"";
        QTest::newRow("bad action") << withRule("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_PERMIT\"}")
                                    << "seccomp_bad_action"
                                    << "syscalls[0].action is \"SCMP_ACT_PERMIT\"";
        QTest::newRow("bad default action") << QByteArray("{\"defaultAction\":\"deny\"}") << "seccomp_bad_action"
                                            << "defaultAction";
        QTest::newRow("notify without listener")
                << withRule("{\"names\":[\"read\"],\"action\":\"SCMP_ACT_NOTIFY\"}") << "seccomp_bad_action"
                << "SCMP_ACT_NOTIFY";
        QTest::newRow("bad operator") << withRule(
                "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1,"
                "\"op\":\"SCMP_CMP_EQUAL\"}]}")
                                      << "seccomp_bad_operator"
                                      << "syscalls[0].args[0].op";
        QTest::newRow("argument index 6")
                << withRule("{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":6,\"value\":1,"
                            "\"op\":\"SCMP_CMP_EQ\"}]}")
                << "seccomp_bad_value"
                << "syscalls[0].args[0].index";
        QTest::newRow("negative value") << withRule(
                "{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":-1,"
                "\"op\":\"SCMP_CMP_EQ\"}]}")
                                        << "seccomp_field"
                                        << "syscalls[0].args[0].value";
        QTest::newRow("errno too large") << withRule(
                "{\"names\":[\"mount\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":5000}")
                                         << "seccomp_bad_value"
                                         << "syscalls[0].errnoRet";
        QTest::newRow("errno on allow") << withRule(
                "{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"errnoRet\":1}")
                                        << "seccomp_bad_value"
                                        << "syscalls[0].errnoRet";
        QTest::newRow("unknown architecture") << QByteArray("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":"
                                                            "[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_Z80\"]}")
                                              << "seccomp_bad_value"
                                              << "architectures[1]";
        QTest::newRow("architectures and archMap")
                << QByteArray("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[],\"archMap\":[]}")
                << "seccomp_field"
                << "architectures";
        QTest::newRow("deny shadowed by plain allow")
                << withRule("{\"names\":[\"ioctl\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"ioctl\"],\"action\":"
                            "\"SCMP_ACT_ERRNO\",\"errnoRet\":13,\"args\":[{\"index\":1,\"value\":21522,\"op\":"
                            "\"SCMP_CMP_EQ\"}]}")
                << "seccomp_shadowed_rule"
                << "syscalls[1] never takes effect, because syscalls[0]";
        // On 32-bit x86 socket() goes through socketcall(), whose arguments
        // seccomp cannot see; libseccomp refuses such argument rules there.
        QTest::newRow("socket filter on x86") << QByteArray(
                "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\","
                "\"subArchitectures\":[\"SCMP_ARCH_X86\"]}],\"syscalls\":[{\"names\":[\"socket\"],\"action\":"
                "\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":1,\"op\":\"SCMP_CMP_EQ\"}]},{\"names\":["
                "\"socket\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":13,\"args\":[{\"index\":0,\"value\":2,"
                "\"op\":\"SCMP_CMP_EQ\"}]}]}") << "seccomp_rule_rejected"
                                              << "on SCMP_ARCH_X86_64+SCMP_ARCH_X86";
    }

    // The files handed to dockerd are written once: a later process keeps them
    // (and skips validating the same profile again) only while they, and the
    // stamp of what was validated, are the host user's own and unchanged.
    // Anything else is validated and written afresh, never followed.
    void materialisedFiles_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<bool>("kept");
        QTest::newRow("unchanged") << "none" << true;
        QTest::newRow("layer edited") << "edit" << false;
        QTest::newRow("layer a symlink") << "symlink" << false;
        QTest::newRow("layer world-writable") << "chmod" << false;
        QTest::newRow("stamp of another user, for an invalid profile") << "stamp-owner" << false;
        QTest::newRow("stamp world-writable, for an invalid profile") << "stamp-mode" << false;
    }

    void materialisedFiles()
    {
        QFETCH(QString, tamper);
        QFETCH(bool, kept);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString runtime = dir.path();
        SeccompFiles first;
        QVERIFY(!materialiseSeccompProfile({}, runtime, &first));
        const QByteArray genuine = contentOf(first.dockerProfile);
        QCOMPARE(QCryptographicHash::hash(genuine, QCryptographicHash::Sha256).toHex(), first.dockerProfileSha256);
        const QByteArray dockerPath = QFile::encodeName(first.dockerProfile);
        const QString elsewhere = dir.filePath(QStringLiteral("elsewhere.json"));
        QString configured; // the embedded profile, unless the row plants a stamp for an invalid one
        if (tamper == QLatin1String("edit")) {
            QVERIFY(writeTo(first.dockerProfile, genuine + ' '));
        } else if (tamper == QLatin1String("symlink")) {
            QVERIFY(writeTo(elsewhere, genuine));
            QVERIFY(QFile::remove(first.dockerProfile) && QFile::link(elsewhere, first.dockerProfile));
        } else if (tamper == QLatin1String("chmod")) {
            QCOMPARE(::chmod(dockerPath.constData(), 0666), 0);
        } else if (tamper.startsWith(QLatin1String("stamp-"))) {
            configured = dir.filePath(QStringLiteral("invalid.json"));
            const QByteArray invalid = "{\"defaultAction\":\"SCMP_ACT_NONE\"}";
            QVERIFY(writeTo(configured, invalid));
            const QString stamp = runtime + QStringLiteral("/seccomp-validated");
            QVERIFY(writeTo(stamp, QCryptographicHash::hash(invalid, QCryptographicHash::Sha256).toHex() + '\n'
                                           + first.dockerProfileSha256 + '\n' + first.agentRulesSha256 + '\n'));
            const QByteArray stampPath = QFile::encodeName(stamp);
            QCOMPARE(tamper == QLatin1String("stamp-owner") ? ::chown(stampPath.constData(), 1000, 1000)
                                                            : ::chmod(stampPath.constData(), 0666),
                     0);
        }
        const ino_t before = inodeOf(first.dockerProfile);
        SeccompFiles second;
        const Error error = materialiseSeccompProfile(configured, runtime, &second);
        if (!configured.isEmpty()) {
            QVERIFY2(error, "an invalid profile passed on a stamp that is not the host's own");
            return;
        }
        QVERIFY2(!error, qPrintable(error.logMessage));
        QCOMPARE(second.dockerProfileSha256, first.dockerProfileSha256);
        QCOMPARE(second.agentRulesSha256, first.agentRulesSha256);
        QCOMPARE(inodeOf(first.dockerProfile) == before, kept);
        QCOMPARE(contentOf(first.dockerProfile), genuine);
        QVERIFY(!QFileInfo(first.dockerProfile).isSymLink());
        struct stat st
        {};
        QCOMPARE(::stat(dockerPath.constData(), &st), 0);
        QCOMPARE(st.st_mode & 0022, mode_t(0));
        if (tamper == QLatin1String("symlink"))
            QCOMPARE(contentOf(elsewhere), genuine);
    }

    void validate()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, errorCode);
        QFETCH(QString, mentions);
        const Error error = validateSeccompProfile(json);
        QVERIFY2(error.code == errorCode, qPrintable(error.code + QLatin1String(": ") + error.logMessage));
        QVERIFY2(error.logMessage.contains(mentions), qPrintable(error.logMessage));
        QVERIFY(!errorCode.isEmpty() || error.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_SeccompProfile)
#include "tst_seccompprofile.moc"
