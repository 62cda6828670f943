#include "agentkey.h"
#include "channel/agentproof.h"
#include "channel/framereader.h"
#include "hmac.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <thread>
#include <vector>

extern char **environ;

using namespace hako;

namespace {

QByteArray hex(const agent::Digest &d)
{
    return QByteArray(reinterpret_cast<const char *>(d.data()), qsizetype(d.size())).toHex();
}

std::string_view view(const QByteArray &b)
{
    return {b.constData(), size_t(b.size())};
}

QByteArray randomBytes(qsizetype n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = char(QRandomGenerator::global()->bounded(256));
    return b;
}

// What the agent answers to `challengeHex` when started with `keyHex`.
QByteArray agentProof(const QByteArray &keyHex, const QByteArray &challengeHex)
{
    agent::AgentKey key;
    if (!agent::decodeHex(view(keyHex), key.data(), key.size()))
        return "bad key";
    const std::optional<std::string> proof = agent::proveKey(key, view(challengeHex));
    return proof ? QByteArray::fromStdString(*proof) : QByteArray("refused");
}

const QByteArray kKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

// The agent's SHA-256 both ways: with the CPU's SHA extensions where it has
// them, and the portable code. Each test runs its body once per way.
QList<bool> shaWays()
{
    const bool cpu = agent::Sha256::useCpuExtensions(true);
    return cpu ? QList<bool>{true, false} : QList<bool>{false};
}

struct ShaWay
{
    explicit ShaWay(bool cpu) { agent::Sha256::useCpuExtensions(cpu); }
    ~ShaWay() { agent::Sha256::useCpuExtensions(true); }
};

} // namespace

class tst_AgentProof : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // NIST FIPS 180-4 examples (and the one-million-'a' message of FIPS 180-2).
    void sha256_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("digest");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                  << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    void sha256()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, digest);
        for (const bool cpu : shaWays()) {
            const ShaWay way(cpu);
            QCOMPARE(hex(agent::sha256(view(message))), digest);
        }
    }

    // Every length around the 56- and 64-byte padding edges, fed in random
    // pieces, against Qt's SHA-256.
    void sha256InPieces()
    {
        for (const bool cpu : shaWays()) {
            const ShaWay way(cpu);
            // Past 300 bytes, pieces of up to 200 bytes also feed whole blocks straight from the input.
            for (qsizetype length = 0; length < 600; ++length) {
                const QByteArray message = randomBytes(length);
                agent::Sha256 h;
                for (qsizetype at = 0; at < length;) {
                    const qsizetype n = std::min(length - at, qsizetype(QRandomGenerator::global()->bounded(1, 200)));
                    h.update(view(message.mid(at, n)));
                    at += n;
                }
                QCOMPARE(hex(h.finish()), QCryptographicHash::hash(message, QCryptographicHash::Sha256).toHex());
            }
        }
    }

    // RFC 4231 section 4 (case 5 is a truncated output and does not apply).
    void hmac_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 3") << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                                << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("case 4") << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819")
                                << QByteArray(50, '\xcd')
                                << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        QTest::newRow("case 6") << QByteArray(131, '\xaa')
                                << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                                << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        QTest::newRow("case 7") << QByteArray(131, '\xaa')
                                << QByteArray("This is a test using a larger than block-size key and a larger than "
                                              "block-size data. The key needs to be hashed before being used by the "
                                              "HMAC algorithm.")
                                << QByteArray("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    void hmac()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        for (const bool cpu : shaWays()) {
            const ShaWay way(cpu);
            QCOMPARE(hex(agent::hmacSha256(view(key), view(data))), mac);
        }
    }

    // The host's derivation and check against the agent's own computation.
    void hostAndAgentAgree()
    {
        for (int i = 0; i < 500; ++i) {
            const QByteArray secret = randomBytes(32);
            const QByteArray nonce = newAgentKeyNonce();
            QCOMPARE(nonce.size(), 32);
            const QByteArray key = agentKey(secret, nonce);
            QCOMPARE(key, hex(agent::hmacSha256(view(secret), view("hako-agent-key-v1" + nonce))));
            const QByteArray challenge = newChallenge();
            QCOMPARE(challenge.size(), 64);
            const QByteArray proof = agentProof(key, challenge);
            QVERIFY2(proofMatches(key, challenge, proof), proof.constData());
            // Another container's key, or a replayed answer to another challenge, does not pass.
            QVERIFY(!proofMatches(agentKey(secret, newAgentKeyNonce()), challenge, proof));
            QVERIFY(!proofMatches(key, newChallenge(), proof));
        }
    }

    // The tag of a frame (hako/protocol/wire.h, "Frame tags") as the host and the
    // agent compute it, against values computed apart (Python's hmac) for the
    // key a0..bf and the challenge 00..1f.
    void frameTag_data()
    {
        QTest::addColumn<char>("direction");
        QTest::addColumn<int>("sequence");
        QTest::addColumn<int>("type");
        QTest::addColumn<quint32>("id");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("tag");
        const QByteArray result = R"({"exit_code":0})";
        QTest::newRow("agent's first") << 'A' << 0 << 8 << 1u << result
                                       << QByteArray("299d964e14874d095089cceef0b84a98");
        QTest::newRow("same frame, host's direction")
                << 'H' << 0 << 8 << 1u << result << QByteArray("bbbd5c58715a3b83549910726928cc15");
        QTest::newRow("same frame, next in sequence")
                << 'A' << 1 << 8 << 1u << result << QByteArray("d78000145a4a5df4e73e5a6cdd932f49");
        QTest::newRow("empty payload") << 'H' << 2 << 2 << 7u << QByteArray()
                                       << QByteArray("b36e4abbf493c6de0ae705dac2026c3f");
        QByteArray large;
        for (int i = 0; i < (1 << 19); ++i)
            large.append("\0\xff", 2);
        QTest::newRow("1 MiB binary payload, largest id")
                << 'A' << 0 << 6 << 0xffffffffu << large << QByteArray("9b981f0fa18557609f5ad9326fb1fe77");
    }

    void frameTag()
    {
        QFETCH(char, direction);
        QFETCH(int, sequence);
        QFETCH(int, type);
        QFETCH(quint32, id);
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, tag);
        QByteArray keyHex, challenge;
        for (int i = 0; i < 32; ++i) {
            keyHex.append(char(0xa0 + i));
            challenge.append(char(i));
        }
        keyHex = keyHex.toHex();
        const QByteArray session = sessionKey(keyHex, challenge.toHex());
        QCOMPARE(session.toHex(), QByteArray("73eb8b24b240fe7f39c80db8d657f892e27549a2d15efbe846f2c2c113173f32"));
        agent::AgentKey key;
        QVERIFY(agent::decodeHex(view(keyHex), key.data(), key.size()));
        const agent::Digest agentSession =
                agent::sessionKey({reinterpret_cast<const char *>(key.data()), key.size()}, view(challenge));
        QCOMPARE(hex(agentSession), session.toHex());

        const QByteArray header = frameHeader(proto::Type(type), id, payload.size());
        FrameTagger host(session, direction);
        agent::FrameTagger agentSide(agentSession, direction);
        const auto *rawHeader = reinterpret_cast<const unsigned char *>(header.constData());
        for (int i = 0; i < sequence; ++i) { // earlier frames of the direction
            host.next(header.constData(), payload);
            agentSide.next(rawHeader, view(payload));
        }
        const agent::Tag fromAgent = agentSide.next(rawHeader, view(payload));
        const QByteArray agentTag(reinterpret_cast<const char *>(fromAgent.data()), qsizetype(fromAgent.size()));
        QCOMPARE(agentTag.toHex(), tag);
        FrameTagger checker(session, direction);
        for (int i = 0; i < sequence; ++i)
            checker.next(header.constData(), payload);
        QVERIFY(checker.matches(header.constData(), payload, agentTag.constData()));
        QCOMPARE(host.next(header.constData(), payload).toHex(), tag);
        // The next one in sequence is another tag: a replay does not pass.
        QVERIFY(!checker.matches(header.constData(), payload, agentTag.constData()));
        QVERIFY(!agent::tagsEqual(agentSide.next(rawHeader, view(payload)),
                                  reinterpret_cast<const unsigned char *>(agentTag.constData())));
    }

    void sessionKeyRefusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("challenge");
        const QByteArray challenge = newChallenge();
        QTest::newRow("uppercase key") << kKey.toUpper() << challenge;
        QTest::newRow("short key") << kKey.left(62) << challenge;
        QTest::newRow("raw key") << QByteArray::fromHex(kKey) << challenge;
        QTest::newRow("short challenge") << kKey << challenge.left(62);
        QTest::newRow("non-hex challenge") << kKey << QByteArray(challenge).replace(3, 1, "x");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }

    void sessionKeyRefusesMalformed()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, challenge);
        QVERIFY(sessionKey(key, challenge).isEmpty());
    }

    void randomValuesDiffer()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i) {
            seen.insert(newChallenge());
            seen.insert(newAgentKeyNonce());
        }
        QCOMPARE(seen.size(), 2000);
    }

    void refusedProofs_data()
    {
        const QByteArray challenge = newChallenge();
        const QByteArray proof = agentProof(kKey, challenge);
        QByteArray flipped = proof;
        flipped[17] = flipped[17] == '0' ? '1' : '0';
        QByteArray lastBit = proof;
        lastBit[63] = char(lastBit[63] ^ 1);
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("challenge");
        QTest::addColumn<QByteArray>("proof");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("genuine") << kKey << challenge << proof << true;
        QTest::newRow("one digit changed") << kKey << challenge << flipped << false;
        QTest::newRow("last digit changed") << kKey << challenge << lastBit << false;
        QTest::newRow("short") << kKey << challenge << proof.left(62) << false;
        QTest::newRow("one digit short") << kKey << challenge << proof.left(63) << false;
        QTest::newRow("long") << kKey << challenge << proof + "00" << false;
        QTest::newRow("empty") << kKey << challenge << QByteArray() << false;
        QTest::newRow("uppercase") << kKey << challenge << proof.toUpper() << false;
        QTest::newRow("non-hex") << kKey << challenge << QByteArray(proof).replace(0, 1, "g") << false;
        QTest::newRow("space inside") << kKey << challenge << QByteArray(proof).replace(10, 1, " ") << false;
        QTest::newRow("raw bytes") << kKey << challenge << QByteArray::fromHex(proof) << false;
        QTest::newRow("the key itself") << kKey << challenge << kKey << false;
        QTest::newRow("the challenge echoed") << kKey << challenge << challenge << false;
        QTest::newRow("uppercase key") << kKey.toUpper() << challenge << proof << false;
        QTest::newRow("short key") << kKey.left(62) << challenge << proof << false;
        QTest::newRow("uppercase challenge") << kKey << challenge.toUpper() << proof << false;
        QTest::newRow("short challenge") << kKey << challenge.left(62) << proof << false;
    }

    void refusedProofs()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, challenge);
        QFETCH(QByteArray, proof);
        QFETCH(bool, accepted);
        QCOMPARE(proofMatches(key, challenge, proof), accepted);
    }

    // The agent answers only a challenge spelled as the host spells it.
    void agentRefusesChallenge_data()
    {
        const QByteArray challenge = newChallenge();
        QTest::addColumn<QByteArray>("challenge");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << challenge.left(62);
        QTest::newRow("odd length") << challenge.left(63);
        QTest::newRow("long") << challenge + "00";
        QTest::newRow("uppercase") << QByteArray(64, 'A');
        QTest::newRow("non-hex") << QByteArray(challenge).replace(5, 1, "z");
        QTest::newRow("NUL inside") << QByteArray(challenge).replace(5, 1, QByteArray(1, '\0'));
    }

    void agentRefusesChallenge()
    {
        QFETCH(QByteArray, challenge);
        QCOMPARE(agentProof(kKey, challenge), QByteArray("refused"));
    }

    // takeAgentKey on an environment block of the test's own: the value's
    // bytes are overwritten in place and the variable is gone.
    void takeAgentKey_data()
    {
        QTest::addColumn<QByteArrayList>("entries");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("errorPart");
        const QByteArray good = "HAKO_AGENT_KEY=" + kKey;
        QTest::newRow("valid") << QByteArrayList{"PATH=/bin", good, "HOME=/"} << true << QByteArray();
        QTest::newRow("missing") << QByteArrayList{"PATH=/bin"} << false << QByteArray("is not set");
        QTest::newRow("only a longer name")
                << QByteArrayList{"HAKO_AGENT_KEYS=" + kKey} << false << QByteArray("is not set");
        QTest::newRow("empty") << QByteArrayList{"HAKO_AGENT_KEY="} << false << QByteArray("lowercase hex");
        QTest::newRow("63 digits") << QByteArrayList{good.chopped(1)} << false << QByteArray("lowercase hex");
        QTest::newRow("65 digits") << QByteArrayList{good + "0"} << false << QByteArray("lowercase hex");
        QTest::newRow("uppercase") << QByteArrayList{"HAKO_AGENT_KEY=" + kKey.toUpper()} << false
                                   << QByteArray("lowercase hex");
        QTest::newRow("non-hex") << QByteArrayList{QByteArray(good).replace(20, 1, "x")} << false
                                 << QByteArray("lowercase hex");
        QTest::newRow("trailing newline") << QByteArrayList{good + "\n"} << false << QByteArray("lowercase hex");
        QTest::newRow("raw bytes") << QByteArrayList{"HAKO_AGENT_KEY=" + randomBytes(32).replace('\0', 'x')} << false
                                   << QByteArray("lowercase hex");
        QTest::newRow("twice") << QByteArrayList{good, "PATH=/bin", good} << true << QByteArray();
        QTest::newRow("twice, first malformed")
                << QByteArrayList{"HAKO_AGENT_KEY=zz", good} << false << QByteArray("lowercase hex");
    }

    void takeAgentKey()
    {
        QFETCH(QByteArrayList, entries);
        QFETCH(bool, ok);
        QFETCH(QByteArray, errorPart);
        std::vector<char *> block;
        for (QByteArray &entry : entries)
            block.push_back(entry.data());
        block.push_back(nullptr);
        char **saved = environ;
        environ = block.data();
        agent::AgentKey key{};
        const std::optional<agent::Failure> failure = agent::takeAgentKey(key);
        const std::string error = failure ? failure->message : std::string();
        const bool taken = !failure;
        const bool gone = ::getenv("HAKO_AGENT_KEY") == nullptr;
        const char *path = ::getenv("PATH");
        const bool othersKept = !entries.contains("PATH=/bin") || (path && QByteArray(path) == "/bin");
        environ = saved;

        QCOMPARE(taken, ok);
        QVERIFY(gone);
        QVERIFY(othersKept);
        QVERIFY2(QByteArray::fromStdString(error).contains(errorPart), error.c_str());
        if (ok)
            QCOMPARE(QByteArray(reinterpret_cast<const char *>(key.data()), 32).toHex(), kKey);
        else
            QVERIFY(key == agent::AgentKey{});
        for (const QByteArray &entry : entries) {
            if (!entry.startsWith("HAKO_AGENT_KEY="))
                continue;
            QVERIFY2(entry.mid(15).count('\0') == entry.size() - 15, entry.toHex().constData());
            QVERIFY2(!QByteArray::fromStdString(error).contains(kKey.left(8)), error.c_str());
        }
    }

    // hako-agent itself: no key, no agent; the message says why and shows no value.
    void agentStartsOnlyWithKey_data()
    {
        QTest::addColumn<QByteArray>("value"); // "-" for unset
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("valid key (fails later, at the workspace)") << kKey << 1 << QByteArray("/nonexistent-hako");
        QTest::newRow("unset") << QByteArray("-") << 2 << QByteArray("HAKO_AGENT_KEY is not set");
        QTest::newRow("empty") << QByteArray() << 2 << QByteArray("HAKO_AGENT_KEY is not 64 lowercase hex");
        QTest::newRow("short") << kKey.left(63) << 2 << QByteArray("HAKO_AGENT_KEY is not 64 lowercase hex");
        QTest::newRow("uppercase") << kKey.toUpper() << 2 << QByteArray("HAKO_AGENT_KEY is not 64 lowercase hex");
        QTest::newRow("non-hex") << QByteArray(kKey).replace(0, 1, "q") << 2
                                 << QByteArray("HAKO_AGENT_KEY is not 64 lowercase hex");
    }

    void agentStartsOnlyWithKey()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HAKO_AGENT_KEY"));
        if (value != "-")
            env.insert(QStringLiteral("HAKO_AGENT_KEY"), QString::fromLatin1(value));
        QProcess agent;
        agent.setProcessEnvironment(env);
        agent.start(QStringLiteral(HAKO_AGENT_BINARY),
                    {QStringLiteral("--workspace"), QStringLiteral("/nonexistent-hako"), QStringLiteral("--socket"),
                     QDir::tempPath() + QStringLiteral("/tst_agentproof-never.sock")});
        QVERIFY(agent.waitForFinished(10000));
        const QByteArray err = agent.readAllStandardError();
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), exitCode);
        QVERIFY2(err.contains(message), err.constData());
        QVERIFY2(value.size() < 16 || !err.contains(value.left(16)), err.constData());
    }

    void hostSecretIsCreatedOnceAndPrivate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString runtime = dir.path() + QStringLiteral("/run");
        QByteArray first;
        Error error = loadOrCreateHostSecret(runtime, &first);
        QVERIFY2(!error, qPrintable(error.logMessage));
        QCOMPARE(first.size(), 32);
        QByteArray second;
        error = loadOrCreateHostSecret(runtime, &second);
        QVERIFY2(!error, qPrintable(error.logMessage));
        QCOMPARE(second, first);
        struct stat st
        {};
        QCOMPARE(::lstat(QFile::encodeName(runtime + QStringLiteral("/agent-secret")).constData(), &st), 0);
        QVERIFY(S_ISREG(st.st_mode));
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QCOMPARE(st.st_uid, ::geteuid());
        QCOMPARE(st.st_nlink, nlink_t(1));
        QCOMPARE(QDir(runtime).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("agent-secret")});
    }

    // Host processes that start at once all end up with the one secret.
    void concurrentLoadsAgree()
    {
        for (int round = 0; round < 20; ++round) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            std::vector<QByteArray> secrets(8);
            std::vector<Error> errors(8);
            std::vector<std::thread> threads;
            for (size_t i = 0; i < secrets.size(); ++i)
                threads.emplace_back([&, i] { errors[i] = loadOrCreateHostSecret(dir.path(), &secrets[i]); });
            for (std::thread &t : threads)
                t.join();
            for (size_t i = 0; i < secrets.size(); ++i) {
                QVERIFY2(!errors[i], qPrintable(errors[i].logMessage));
                QCOMPARE(secrets[i].size(), 32);
                QCOMPARE(secrets[i], secrets[0]);
            }
        }
    }

    void hostSecretRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("symlink to a good secret") << "symlink"
                                                  << "symbolic link";
        QTest::newRow("dangling symlink") << "dangling"
                                          << "symbolic link";
        QTest::newRow("group-readable") << "0640"
                                        << "mode 0640";
        QTest::newRow("world-readable") << "0604"
                                        << "mode 0604";
        QTest::newRow("group-writable") << "0620"
                                        << "mode 0620";
        QTest::newRow("directory") << "directory"
                                   << "not a regular file";
        QTest::newRow("fifo") << "fifo"
                              << "not a regular file";
        QTest::newRow("16 bytes") << "short"
                                  << "not 32 bytes";
        QTest::newRow("33 bytes") << "long"
                                  << "not 32 bytes";
        QTest::newRow("another owner") << "owner"
                                       << "belongs to uid 65534";
    }

    void hostSecretRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.path() + QStringLiteral("/agent-secret");
        const QByteArray name = QFile::encodeName(path);
        const QString good = dir.path() + QStringLiteral("/elsewhere");
        const auto writeFile = [](const QString &file, const QByteArray &content, mode_t mode) {
            QFile f(file);
            return f.open(QIODevice::WriteOnly) && f.write(content) == content.size() && f.flush()
                   && ::chmod(QFile::encodeName(file).constData(), mode) == 0;
        };
        if (kind == QLatin1String("symlink")) {
            QVERIFY(writeFile(good, randomBytes(32), 0600));
            QVERIFY(QFile::link(good, path));
        } else if (kind == QLatin1String("dangling")) {
            QVERIFY(QFile::link(dir.path() + QStringLiteral("/nowhere"), path));
        } else if (kind.startsWith(QLatin1Char('0'))) {
            QVERIFY(writeFile(path, randomBytes(32), mode_t(kind.toUInt(nullptr, 8))));
        } else if (kind == QLatin1String("directory")) {
            QVERIFY(QDir().mkdir(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        } else if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(name.constData(), 0600), 0);
        } else if (kind == QLatin1String("short") || kind == QLatin1String("long")) {
            QVERIFY(writeFile(path, randomBytes(kind == QLatin1String("short") ? 16 : 33), 0600));
        } else if (kind == QLatin1String("owner")) {
            if (::geteuid() != 0)
                QSKIP("giving the file to another uid needs root");
            QVERIFY(writeFile(path, randomBytes(32), 0600));
            QCOMPARE(::chown(name.constData(), 65534, 65534), 0);
        }
        struct stat before
        {};
        QCOMPARE(::lstat(name.constData(), &before), 0);

        QByteArray secret = "stale";
        const Error error = loadOrCreateHostSecret(dir.path(), &secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(error.code, QStringLiteral("host_io"));
        QVERIFY2(error.logMessage.contains(reason), qPrintable(error.logMessage));
        // Refused, not repaired or replaced.
        struct stat after
        {};
        QCOMPARE(::lstat(name.constData(), &after), 0);
        QCOMPARE(after.st_ino, before.st_ino);
        QCOMPARE(after.st_mode, before.st_mode);
    }
};

QTEST_GUILESS_MAIN(tst_AgentProof)
#include "tst_agentproof.moc"
