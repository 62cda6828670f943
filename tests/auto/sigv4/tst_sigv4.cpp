// SigV4 against the AWS test suites (aws-c-auth layout and the legacy layout)
// and against botocore on Bedrock-shaped requests.
#include "sha256.h"
#include "sigv4.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QtTest>

using namespace hako::proxy;

namespace {

const QByteArray kAccessKey = "AKIDEXAMPLE";
const QByteArray kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const QDateTime kSuiteTime = QDateTime::fromString(QStringLiteral("2015-08-30T12:36:00Z"), Qt::ISODate);

struct SuiteRequest
{
    QByteArray method, path, query, body;
    HeaderList headers;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The suites' request files use bare LF and are not valid wire HTTP, so they
// get this small reader rather than the proxy's strict parser.
SuiteRequest parseSuiteRequest(const QByteArray &text)
{
    SuiteRequest r;
    const qsizetype split = text.indexOf("\n\n");
    const QList<QByteArray> lines = text.left(split < 0 ? text.size() : split).split('\n');
    r.body = split < 0 ? QByteArray() : text.mid(split + 2);
    const QList<QByteArray> requestLine = lines.first().split(' ');
    r.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    const qsizetype q = target.indexOf('?');
    r.path = q < 0 ? target : target.left(q);
    r.query = q < 0 ? QByteArray() : target.mid(q + 1);
    for (const QByteArray &line : lines.mid(1)) {
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        r.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return r;
}

QByteArray headerValue(const QByteArray &signedRequest, const QByteArray &name)
{
    for (const QByteArray &line : signedRequest.split('\n')) {
        if (line.toLower().startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

SigV4Scope suiteScope(bool normalize)
{
    return {"us-east-1", "service", kSuiteTime, normalize};
}

SigV4Key suiteKey()
{
    return {kAccessKey, kSecret};
}

QString suiteDir()
{
    return QStringLiteral(HAKO_SIGV4_SUITE);
}

} // namespace

class TestSigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modernHeader_data();
    void modernHeader();
    void modernQuery_data();
    void modernQuery();
    void legacy_data();
    void legacy();
    void legacyErratum();
    void canonicalUri_data();
    void canonicalUri();
    void canonicalQuery_data();
    void canonicalQuery();
    void botocore_data();
    void botocore();
    void hmac_data();
    void hmac();
    void signingKeyCache_data();
    void signingKeyCache();

private:
    void modernRows();
};

// Every vector set must be present: a missing folder would otherwise leave a
// data-driven test with no rows, which passes without checking anything.
void TestSigV4::initTestCase()
{
    const QDir root(suiteDir());
    QVERIFY2(root.exists(), qPrintable(suiteDir() + QStringLiteral(" is missing")));
    QVERIFY(QFile::exists(root.filePath(QStringLiteral("get-vanilla/context.json"))));
    QVERIFY(QFile::exists(root.filePath(QStringLiteral("legacy-aws-sig-v4-test-suite/get-vanilla/get-vanilla.req"))));
}

void TestSigV4::modernRows()
{
    QTest::addColumn<QString>("dir");
    const QDir root(suiteDir());
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (QFile::exists(root.filePath(name + QStringLiteral("/context.json"))))
            QTest::newRow(qPrintable(name)) << root.filePath(name);
    }
}

void TestSigV4::modernHeader_data()
{
    modernRows();
}

void TestSigV4::modernHeader()
{
    QFETCH(QString, dir);
    const QJsonObject ctx = QJsonDocument::fromJson(readFile(dir + QStringLiteral("/context.json"))).object();
    SuiteRequest r = parseSuiteRequest(readFile(dir + QStringLiteral("/request.txt")));
    const QByteArray token = ctx[QStringLiteral("credentials")][QStringLiteral("token")].toString().toLatin1();
    const QByteArray payloadHash = sigv4::sha256Hex(r.body);
    r.headers.append({"X-Amz-Date", sigv4::amzDate(kSuiteTime)});
    if (!token.isEmpty() && !ctx[QStringLiteral("omit_session_token")].toBool())
        r.headers.append({"X-Amz-Security-Token", token});
    if (ctx[QStringLiteral("sign_body")].toBool())
        r.headers.append({"x-amz-content-sha256", payloadHash});

    const SigV4Signature s = sigv4::sign({r.method, r.path, r.query, r.headers, payloadHash},
                                         suiteScope(ctx[QStringLiteral("normalize")].toBool()), suiteKey());
    QCOMPARE(s.canonicalRequest, readFile(dir + QStringLiteral("/header-canonical-request.txt")));
    QCOMPARE(s.stringToSign, readFile(dir + QStringLiteral("/header-string-to-sign.txt")));
    QCOMPARE(s.signature, readFile(dir + QStringLiteral("/header-signature.txt")).trimmed());
    QCOMPARE(s.authorization,
             headerValue(readFile(dir + QStringLiteral("/header-signed-request.txt")), "Authorization"));
}

void TestSigV4::modernQuery_data()
{
    modernRows();
}

// Query signing is not used by the proxy (it strips presigned parameters), but
// it exercises the canonical query and header code on the suite's second half.
void TestSigV4::modernQuery()
{
    QFETCH(QString, dir);
    const QJsonObject ctx = QJsonDocument::fromJson(readFile(dir + QStringLiteral("/context.json"))).object();
    SuiteRequest r = parseSuiteRequest(readFile(dir + QStringLiteral("/request.txt")));
    const QByteArray token = ctx[QStringLiteral("credentials")][QStringLiteral("token")].toString().toLatin1();
    QByteArray signedHeaders;
    sigv4::canonicalHeaders(r.headers, &signedHeaders);
    const SigV4Scope scope = suiteScope(ctx[QStringLiteral("normalize")].toBool());
    QByteArray query = r.query.isEmpty() ? QByteArray() : r.query + '&';
    query += "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
             + sigv4::uriEncode(kAccessKey + '/' + sigv4::credentialScope(scope), false) + "&X-Amz-Date="
             + sigv4::amzDate(kSuiteTime) + "&X-Amz-SignedHeaders=" + sigv4::uriEncode(signedHeaders, false)
             + "&X-Amz-Expires=" + QByteArray::number(ctx[QStringLiteral("expiration_in_seconds")].toInt());
    if (!token.isEmpty() && !ctx[QStringLiteral("omit_session_token")].toBool())
        query += "&X-Amz-Security-Token=" + sigv4::uriEncode(token, false);

    const SigV4Signature s =
            sigv4::sign({r.method, r.path, query, r.headers, sigv4::sha256Hex(r.body)}, scope, suiteKey());
    QCOMPARE(s.canonicalRequest, readFile(dir + QStringLiteral("/query-canonical-request.txt")));
    QCOMPARE(s.stringToSign, readFile(dir + QStringLiteral("/query-string-to-sign.txt")));
    QCOMPARE(s.signature, readFile(dir + QStringLiteral("/query-signature.txt")).trimmed());
    QVERIFY(readFile(dir + QStringLiteral("/query-signed-request.txt")).contains("X-Amz-Signature=" + s.signature));
}

void TestSigV4::legacy_data()
{
    QTest::addColumn<QString>("base");
    QDirIterator it(suiteDir() + QStringLiteral("/legacy-aws-sig-v4-test-suite"), {QStringLiteral("*.req")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString req = it.next();
        QTest::newRow(qPrintable(QFileInfo(req).completeBaseName())) << req.chopped(4);
    }
}

// The legacy suite signs every header of the request and normalizes paths.
// Its post-x-www-form-urlencoded .sts/.authz are a known erratum (legacyErratum).
void TestSigV4::legacy()
{
    QFETCH(QString, base);
    const SuiteRequest r = parseSuiteRequest(readFile(base + QStringLiteral(".req")));
    const SigV4Signature s =
            sigv4::sign({r.method, r.path, r.query, r.headers, sigv4::sha256Hex(r.body)}, suiteScope(true), suiteKey());
    QCOMPARE(s.canonicalRequest, readFile(base + QStringLiteral(".creq")));
    if (base.endsWith(QStringLiteral("post-x-www-form-urlencoded")))
        return;
    QCOMPARE(s.stringToSign, readFile(base + QStringLiteral(".sts")));
    QCOMPARE(s.authorization, readFile(base + QStringLiteral(".authz")));
}

// The erratum's .sts/.authz were computed without content-length; signing
// without it must reproduce them, and signing with it must not.
void TestSigV4::legacyErratum()
{
    const QString base = suiteDir()
                         + QStringLiteral("/legacy-aws-sig-v4-test-suite/post-x-www-form-urlencoded/"
                                          "post-x-www-form-urlencoded");
    SuiteRequest r = parseSuiteRequest(readFile(base + QStringLiteral(".req")));
    const QByteArray sts = readFile(base + QStringLiteral(".sts"));
    SigV4Request request{r.method, r.path, r.query, r.headers, sigv4::sha256Hex(r.body)};
    QVERIFY(sigv4::sign(request, suiteScope(true), suiteKey()).stringToSign != sts);
    request.headers.removeIf([](const auto &h) { return h.first.toLower() == "content-length"; });
    const SigV4Signature s = sigv4::sign(request, suiteScope(true), suiteKey());
    QCOMPARE(s.stringToSign, sts);
    QCOMPARE(s.authorization, readFile(base + QStringLiteral(".authz")));
}

void TestSigV4::canonicalUri_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("normalize");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("bedrock-encoded-colon")
            << QByteArray("/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke") << false
            << QByteArray("/model/anthropic.claude-3-haiku-20240307-v1%253A0/invoke");
    QTest::newRow("bedrock-raw-colon") << QByteArray("/model/a-v1:0/invoke") << false
                                       << QByteArray("/model/a-v1%3A0/invoke");
    QTest::newRow("arn-slash-encoded") << QByteArray("/model/arn%3Aaws%2Fx/converse") << false
                                       << QByteArray("/model/arn%253Aaws%252Fx/converse");
    QTest::newRow("space-utf8") << QByteArray("/a b/\xc3\xa9") << false << QByteArray("/a%20b/%C3%A9");
    QTest::newRow("unreserved-kept") << QByteArray("/-_.~AZaz09") << false << QByteArray("/-_.~AZaz09");
    QTest::newRow("empty") << QByteArray() << false << QByteArray("/");
    QTest::newRow("dots-normalized") << QByteArray("/a/./b/../c/") << true << QByteArray("/a/c/");
    QTest::newRow("double-slash-normalized") << QByteArray("//a//b") << true << QByteArray("/a/b");
    QTest::newRow("dots-kept") << QByteArray("/./") << false << QByteArray("/./");
    QTest::newRow("above-root") << QByteArray("/../../x") << true << QByteArray("/x");
}

void TestSigV4::canonicalUri()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, normalize);
    QFETCH(QByteArray, expected);
    QCOMPARE(sigv4::canonicalUri(path, normalize), expected);
}

void TestSigV4::canonicalQuery_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("sorted") << QByteArray("b=2&a=1") << QByteArray("a=1&b=2");
    QTest::newRow("same-key-by-value") << QByteArray("a=2&a=1") << QByteArray("a=1&a=2");
    QTest::newRow("no-value") << QByteArray("flag") << QByteArray("flag=");
    QTest::newRow("reencoded") << QByteArray("k=a%3ab:c") << QByteArray("k=a%3Ab%3Ac");
    QTest::newRow("bad-escape-literal") << QByteArray("k=%zz") << QByteArray("k=%25zz");
    QTest::newRow("plus-is-literal") << QByteArray("k=a+b") << QByteArray("k=a%2Bb");
    QTest::newRow("empty-parts") << QByteArray("&&a=1&") << QByteArray("a=1");
}

void TestSigV4::canonicalQuery()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, expected);
    QCOMPARE(sigv4::canonicalQuery(query), expected);
}

void TestSigV4::botocore_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("invoke") << QByteArray("/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke") << QByteArray()
                            << QByteArray() << QByteArray("{\"anthropic_version\":\"bedrock-2023-05-31\"}");
    QTest::newRow("converse-stream-session")
            << QByteArray("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream") << QByteArray()
            << QByteArray("FwoGZXIvYXdzEBYaDH+/session=token") << QByteArray("{}");
    QTest::newRow("list-with-query") << QByteArray("/async-invoke")
                                     << QByteArray("maxResults=10&statusEquals=Completed") << QByteArray()
                                     << QByteArray();
}

void TestSigV4::botocore()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, body);
    if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
        QSKIP("/usr/bin/python3 (with python3-botocore) not installed");
    const QByteArray host = "bedrock-runtime.us-west-2.amazonaws.com";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray payloadHash = sigv4::sha256Hex(body);
    HeaderList headers{{"Host", host},
                       {"Content-Type", "application/json"},
                       {"X-Amz-Content-SHA256", payloadHash},
                       {"X-Amz-Date", sigv4::amzDate(now)}};
    if (!token.isEmpty())
        headers.append({"X-Amz-Security-Token", token});
    const SigV4Signature ours =
            sigv4::sign({"POST", path, query, headers, payloadHash}, {"us-west-2", "bedrock", now, false}, suiteKey());

    QJsonArray sent; // botocore adds X-Amz-Date and the token itself
    for (int i = 0; i < 3; ++i)
        sent.append(QJsonArray{QString::fromLatin1(headers[i].first), QString::fromLatin1(headers[i].second)});
    const QJsonObject spec{
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("url"),
             QString::fromLatin1("https://" + host + path + (query.isEmpty() ? "" : "?" + query))},
            {QStringLiteral("headers"), sent},
            {QStringLiteral("body"), QString::fromUtf8(body)},
            {QStringLiteral("region"), QStringLiteral("us-west-2")},
            {QStringLiteral("service"), QStringLiteral("bedrock")},
            {QStringLiteral("time"), QString::fromLatin1(sigv4::amzDate(now))},
            {QStringLiteral("access_key"), QString::fromLatin1(kAccessKey)},
            {QStringLiteral("secret_key"), QString::fromLatin1(kSecret)},
            {QStringLiteral("token"), token.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(token))}};
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(HAKO_BOTOCORE_SIGN)});
    python.write(QJsonDocument(spec).toJson());
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(30000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject theirs = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QCOMPARE(ours.canonicalRequest, theirs[QStringLiteral("canonical_request")].toString().toUtf8());
    QCOMPARE(ours.authorization, theirs[QStringLiteral("authorization")].toString().toUtf8());
}

// RFC 4231's HMAC-SHA256 vectors, through the one-shot and the prepared key:
// keys shorter than, and longer than, a block (which is hashed first).
void TestSigV4::hmac_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                            << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                            << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("case 6, key longer than a block")
            << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    QTest::newRow("empty message") << QByteArray("key") << QByteArray()
                                   << QMessageAuthenticationCode::hash({}, "key", QCryptographicHash::Sha256).toHex();
}

void TestSigV4::hmac()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);
    unsigned char out[sha256::kSize];
    sha256::hmac(key, data, out);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(out), sha256::kSize).toHex(), expected);
    QByteArray prepared(sha256::kPreparedSize + 1, '\0');
    sha256::prepareHmac(key, prepared.data() + 1); // stored unaligned, as in a secret buffer
    sha256::hmacPrepared(prepared.constData() + 1, data, out);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(out), sha256::kSize).toHex(), expected);
}

// The signer keeps the last signing key it derived. Rows run in order, so
// they alternate secrets and scopes over that cache; each signature is checked
// against the key derived anew with Qt's HMAC.
void TestSigV4::signingKeyCache_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("region");
    QTest::newRow("first secret") << kSecret << QByteArray("us-east-1");
    QTest::newRow("same again") << kSecret << QByteArray("us-east-1");
    QTest::newRow("another secret, same scope") << QByteArray("other/Secret+Key0") << QByteArray("us-east-1");
    QTest::newRow("first secret again") << kSecret << QByteArray("us-east-1");
    QTest::newRow("another region") << kSecret << QByteArray("eu-west-3");
    QTest::newRow("secret longer than a block") << QByteArray(100, 'k') << QByteArray("eu-west-3");
    QTest::newRow("its prefix") << QByteArray(99, 'k') << QByteArray("eu-west-3");
}

void TestSigV4::signingKeyCache()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, region);
    const SigV4Signature s = sigv4::sign({"GET", "/", {}, {{"host", "example.amazonaws.com"}}, sigv4::sha256Hex({})},
                                         {region, "service", kSuiteTime, false}, {kAccessKey, secret});
    auto mac = [](const QByteArray &key, const QByteArray &data) {
        return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
    };
    const QByteArray key =
            mac(mac(mac(mac("AWS4" + secret, sigv4::amzDate(kSuiteTime).left(8)), region), "service"), "aws4_request");
    QCOMPARE(s.signature, mac(key, s.stringToSign).toHex());
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
