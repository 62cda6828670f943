// Tripwires without a container: the decoy key ID the host looks for is the
// one the agent plants, for every key and only for it; the workspace walk
// lists a hostile tree without following, blocking on or exceeding anything;
// the evidence bundle is root's alone and named by a checked key only.
#include "decoys.h"
#include "policy/conversationid.h"
#include "tripwire/decoykey.h"
#include "tripwire/evidence.h"
#include "tripwire/tripwires.h"
#include "tripwire/workspacewalk.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hako;

namespace {

QByteArray hexOf(const agent::AgentKey &key)
{
    return QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(key.size())).toHex();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArrayList linesOf(const QByteArray &listing)
{
    return listing.split('\n');
}

// The listing's line for `path`, or empty.
QByteArray lineFor(const QByteArray &listing, const QByteArray &path)
{
    for (const QByteArray &line : linesOf(listing))
        if (line.endsWith('\t' + path))
            return line;
    return {};
}

} // namespace

class TestTripwire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decoyKeyId_data();
    void decoyKeyId();
    void hostAndAgentAgree();
    void plantedFiles();
    void parseAction_data();
    void parseAction();
    void escapedName_data();
    void escapedName();
    void walkHostileWorkspace();
    void walkBounds_data();
    void walkBounds();
    void evidenceBundle();
    void evidenceRefusesKey_data();
    void evidenceRefusesKey();
    void auditLines();
};

void TestTripwire::decoyKeyId_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("expected");
    // Computed apart from both implementations (Python's hmac and base64).
    QTest::newRow("known answer") << QByteArray("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
                                  << QByteArray("AKIAI7KUCDM4DAGADHPX");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("short") << QByteArray("0001020304") << QByteArray();
    QTest::newRow("not hex") << QByteArray(64, 'z') << QByteArray();
    QTest::newRow("too long") << QByteArray(66, '0') << QByteArray();
}

void TestTripwire::decoyKeyId()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, expected);
    QCOMPARE(hako::decoyKeyId(key), expected);
}

// Any key: the ID the proxy looks for is the agent's, and another key's differs.
void TestTripwire::hostAndAgentAgree()
{
    QSet<QByteArray> seen;
    for (int round = 0; round < 200; ++round) {
        agent::AgentKey key;
        for (auto &byte : key)
            byte = static_cast<unsigned char>(QRandomGenerator::global()->bounded(256));
        const agent::DecoyCredentials planted = agent::deriveDecoy(key);
        const QByteArray id = hako::decoyKeyId(hexOf(key));
        QCOMPARE(id, QByteArray::fromStdString(planted.keyId));
        QCOMPARE(id.size(), 20);
        QVERIFY(id.startsWith("AKIA"));
        QCOMPARE(planted.secretKey.size(), std::size_t(40));
        QVERIFY(!seen.contains(id));
        seen.insert(id);
    }
}

// What a tool finds: the files in their usual places, owner-only, old, the key in each; and never over a file already
// there.
void TestTripwire::plantedFiles()
{
    QTemporaryDir home;
    agent::AgentKey key{};
    key[0] = 7;
    agent::Decoys decoys;
    QVERIFY(!decoys.plant(key, home.path().toStdString()));
    QVERIFY(decoys.fd() >= 0);
    QVERIFY(!decoys.drain()); // writing them is not reading them
    const QByteArray id = hako::decoyKeyId(hexOf(key));
    const QByteArray secret = QByteArray::fromStdString(agent::deriveDecoy(key).secretKey);
    // Exactly as the AWS tools write them, so that they parse them as real ones.
    const QList<QPair<const char *, QByteArray>> expected = {
            {".aws/credentials", "[default]\naws_access_key_id = " + id + "\naws_secret_access_key = " + secret + '\n'},
            {".aws/config", "[default]\nregion = us-east-1\noutput = json\n"},
            {".env",
             "AWS_ACCESS_KEY_ID=" + id + "\nAWS_SECRET_ACCESS_KEY=" + secret + "\nAWS_DEFAULT_REGION=us-east-1\n"}};
    for (const auto &[name, content] : expected) {
        QFile file(home.path() + QLatin1Char('/') + QLatin1String(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }
    for (const char *name : {".aws/credentials", ".aws/config", ".env", ".git-credentials"}) {
        struct stat st;
        QVERIFY(::stat(QFile::encodeName(home.path() + QLatin1Char('/') + QLatin1String(name)).constData(), &st) == 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QVERIFY2(st.st_mtime < ::time(nullptr) - 29 * 86400, name);
    }
    QVERIFY(decoys.drain()); // this test's own reads, seen through inotify
    agent::Decoys again;
    QVERIFY(again.plant(key, home.path().toStdString()).has_value());
}

void TestTripwire::parseAction_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("action");
    QTest::newRow("freeze") << "freeze" << true << int(Tripwires::Action::Freeze);
    QTest::newRow("end") << "end" << true << int(Tripwires::Action::End);
    QTest::newRow("log") << "log" << true << int(Tripwires::Action::Log);
    QTest::newRow("upper") << "FREEZE" << false << 0;
    QTest::newRow("empty") << "" << false << 0;
    QTest::newRow("other") << "ignore" << false << 0;
}

void TestTripwire::parseAction()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, action);
    Tripwires::Action parsed = Tripwires::Action::Log;
    QCOMPARE(Tripwires::parseAction(text, &parsed), valid);
    if (valid)
        QCOMPARE(int(parsed), action);
}

void TestTripwire::escapedName_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("escaped");
    QTest::newRow("plain") << QByteArray("main.py") << QByteArray("main.py");
    QTest::newRow("newline") << QByteArray("a\nfile\t/x") << QByteArray("a%0Afile%09/x");
    QTest::newRow("space and percent") << QByteArray("50% off") << QByteArray("50%25%20off");
    QTest::newRow("delete and escape") << QByteArray("\x7f\x1b[2J") << QByteArray("%7F%1B[2J");
    QTest::newRow("utf-8 kept") << QByteArray("ファイル") << QByteArray("ファイル");
}

void TestTripwire::escapedName()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, escaped);
    QCOMPARE(hako::escapedName(name), escaped);
}

// Links are listed, not followed; a FIFO is listed without being opened (the
// walk would block on it); a line-breaking name cannot forge a line.
void TestTripwire::walkHostileWorkspace()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(writeFile(root + QStringLiteral("/hello.txt"), "hello\n"));
    QVERIFY(QDir(root).mkpath(QStringLiteral("src/deep")));
    QVERIFY(writeFile(root + QStringLiteral("/src/deep/x.py"), ""));
    QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), root + QStringLiteral("/passwd")));
    QVERIFY(QFile::link(QStringLiteral("/"), root + QStringLiteral("/rootfs")));
    QVERIFY(::mkfifo(QFile::encodeName(root + QStringLiteral("/pipe")).constData(), 0600) == 0);
    QVERIFY(writeFile(root + QStringLiteral("/evil\nfile\t0\t-\tforged"), "x"));
    const safedir::UniqueFd fd = safedir::openDirectory(root);
    QVERIFY(fd.valid());
    const QByteArray listing = listWorkspace(fd.get());
    QCOMPARE(lineFor(listing, "hello.txt"),
             QByteArray("file\t6\t5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\thello.txt"));
    QCOMPARE(lineFor(listing, "src/deep/x.py"),
             QByteArray("file\t0\te3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\tsrc/deep/x.py"));
    QVERIFY(lineFor(listing, "src").startsWith("dir\t"));
    QVERIFY(lineFor(listing, "passwd").startsWith("link\t11\t-\t"));
    QVERIFY(lineFor(listing, "rootfs").startsWith("link\t"));
    QVERIFY(lineFor(listing, "pipe").startsWith("fifo\t0\t-\t"));
    QVERIFY(lineFor(listing, "evil%0Afile%090%09-%09forged").startsWith("file\t1\t"));
    QVERIFY(!listing.contains("root:"));  // nothing of /etc/passwd, nothing beneath /
    QCOMPARE(linesOf(listing).size(), 9); // eight entries and the empty tail
    QVERIFY(!listing.contains('#'));
}

void TestTripwire::walkBounds_data()
{
    QTest::addColumn<int>("files");
    QTest::addColumn<int>("depth");
    QTest::addColumn<qint64>("fileBytes");
    QTest::addColumn<QByteArray>("cut");
    QTest::addColumn<bool>("hashed");
    QTest::newRow("within") << 10 << 3 << qint64(100) << QByteArray() << true;
    QTest::newRow("too many entries") << 300 << 1 << qint64(1) << QByteArray("# entry limit reached (100)") << true;
    QTest::newRow("too deep") << 1 << 40 << qint64(1) << QByteArray("# depth limit reached at ") << true;
    QTest::newRow("file too large to hash") << 2 << 1 << qint64(5000) << QByteArray() << false;
}

// A huge tree is cut at its bounds, saying so; a large file is listed unhashed.
void TestTripwire::walkBounds()
{
    QFETCH(int, files);
    QFETCH(int, depth);
    QFETCH(qint64, fileBytes);
    QFETCH(QByteArray, cut);
    QFETCH(bool, hashed);
    QTemporaryDir dir;
    QString leaf = dir.path();
    for (int level = 1; level < depth; ++level)
        leaf += QStringLiteral("/d");
    QVERIFY(QDir().mkpath(leaf));
    for (int i = 0; i < files; ++i)
        QVERIFY(writeFile(leaf + QStringLiteral("/f%1").arg(i), QByteArray(fileBytes, 'x')));
    const safedir::UniqueFd fd = safedir::openDirectory(dir.path());
    const QByteArray listing = listWorkspace(fd.get(), {100, 32, 1 << 20, 4096});
    const QByteArray last = linesOf(listing).value(linesOf(listing).size() - 2);
    if (cut.isEmpty())
        QVERIFY2(!last.startsWith('#'), last.constData());
    else
        QVERIFY2(last.startsWith(cut), last.constData());
    QVERIFY(linesOf(listing).size() <= 102);
    for (const QByteArray &line : linesOf(listing))
        if (line.startsWith("file\t"))
            QCOMPARE(line.split('\t').value(2) != "-", hashed);
}

void TestTripwire::evidenceBundle()
{
    QTemporaryDir dir;
    const QString root = dir.path() + QStringLiteral("/evidence");
    const QString key = conversationKey(QStringLiteral("c1"));
    Error error;
    const EvidenceBundle bundle =
            EvidenceBundle::create(root, key, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC), &error);
    QVERIFY2(bundle.isValid(), qPrintable(error.logMessage));
    QCOMPARE(bundle.path(), root + QLatin1Char('/') + key + QStringLiteral("-20231114T221320000Z"));
    QVERIFY(bundle.write("summary.json", "{}"));
    QVERIFY(!bundle.write("summary.json", "again")); // never written over
    struct stat st;
    QVERIFY(::stat(QFile::encodeName(root).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0700));
    QVERIFY(::stat(QFile::encodeName(bundle.path()).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0700));
    QVERIFY(::stat(QFile::encodeName(bundle.path() + QStringLiteral("/summary.json")).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
}

void TestTripwire::evidenceRefusesKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("traversal") << "../../etc";
    QTest::newRow("empty") << "";
    QTest::newRow("an ID, not a key") << "conversation-1";
    QTest::newRow("upper hex") << conversationKey(QStringLiteral("c1")).toUpper();
    QTest::newRow("slash") << conversationKey(QStringLiteral("c1")).left(31) + QLatin1Char('/');
}

void TestTripwire::evidenceRefusesKey()
{
    QFETCH(QString, key);
    QTemporaryDir dir;
    Error error;
    const EvidenceBundle bundle = EvidenceBundle::create(dir.path() + QStringLiteral("/evidence"), key,
                                                         QDateTime::currentDateTimeUtc(), &error);
    QVERIFY(!bundle.isValid());
    QCOMPARE(error.code, QStringLiteral("host_io"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden).size(), 0);
}

// The conversation's lines, named by ID or by key; not another's, nor a line
// that only mentions the ID elsewhere; at most the tail that was asked for.
void TestTripwire::auditLines()
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/audit.jsonl");
    const QString key = conversationKey(QStringLiteral("c1"));
    const QByteArray mine = "{\"conversation\":\"c1\",\"event\":\"tool_call\",\"seq\":1}\n";
    const QByteArray byKey = "{\"conversation\":\"" + key.toLatin1() + "\",\"event\":\"proxy_decision\"}\n";
    const QByteArray other = "{\"conversation\":\"c2\",\"event\":\"tool_call\",\"rule\":\"c1\"}\n";
    QVERIFY(writeFile(path, mine + other + "not json c1\n" + byKey));
    QCOMPARE(auditLinesOf(path, key), mine + byKey);
    QCOMPARE(auditLinesOf(path, key, byKey.size() + 5), byKey); // the partial line before it is dropped
    QCOMPARE(auditLinesOf(QString(), key), QByteArray());
}

QTEST_GUILESS_MAIN(TestTripwire)
#include "tst_tripwire.moc"
