// Allowlist patterns ("*" is exactly one label), the operation and model
// policy, and authority syntax.
#include "allowlist.h"
#include "authority.h"

#include <QtTest>

using namespace hako::proxy;

class TestAllowlist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data();
    void match();
    void patterns_data();
    void patterns();
    void operations_data();
    void operations();
    void authority_data();
    void authority();
};

void TestAllowlist::match_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QByteArray>("region");

    QTest::newRow("us-east-1") << QByteArray("bedrock-runtime.us-east-1.amazonaws.com") << true
                               << QByteArray("us-east-1");
    QTest::newRow("eu-central-1") << QByteArray("bedrock-runtime.eu-central-1.amazonaws.com") << true
                                  << QByteArray("eu-central-1");
    QTest::newRow("explicit-region") << QByteArray("vpce-1.bedrock.example.internal") << true
                                     << QByteArray("ap-northeast-1");
    QTest::newRow("two-labels-for-star") << QByteArray("bedrock-runtime.a.b.amazonaws.com") << false << QByteArray();
    QTest::newRow("zero-labels-for-star") << QByteArray("bedrock-runtime.amazonaws.com") << false << QByteArray();
    QTest::newRow("suffix-attack") << QByteArray("bedrock-runtime.us-east-1.amazonaws.com.evil.com") << false
                                   << QByteArray();
    QTest::newRow("prefix-attack") << QByteArray("evil.bedrock-runtime.us-east-1.amazonaws.com") << false
                                   << QByteArray();
    QTest::newRow("lookalike") << QByteArray("bedrock-runtime.us-east-1.amazonaws.co") << false << QByteArray();
    QTest::newRow("other-service") << QByteArray("s3.us-east-1.amazonaws.com") << false << QByteArray();
    QTest::newRow("metadata") << QByteArray("instance-data.ec2.internal") << false << QByteArray();
    QTest::newRow("gov-region") << QByteArray("bedrock-runtime.us-gov-west-1.amazonaws.com") << true
                                << QByteArray("us-gov-west-1");
    QTest::newRow("iso-region") << QByteArray("bedrock-runtime.us-isob-east-1.amazonaws.com") << true
                                << QByteArray("us-isob-east-1");
    QTest::newRow("s3-bucket") << QByteArray("bedrock-runtime.s3.amazonaws.com") << false << QByteArray();
    QTest::newRow("s3-website") << QByteArray("bedrock-runtime.s3-website-us-east-1.amazonaws.com") << false
                                << QByteArray();
    QTest::newRow("region-suffix") << QByteArray("bedrock-runtime.us-east-1a.amazonaws.com") << false << QByteArray();
    QTest::newRow("region-prefix") << QByteArray("bedrock-runtime.xus-east-1.amazonaws.com") << false << QByteArray();
    QTest::newRow("no-number") << QByteArray("bedrock-runtime.us-east.amazonaws.com") << false << QByteArray();
    QTest::newRow("fips-label") << QByteArray("bedrock-runtime.fips.amazonaws.com") << false << QByteArray();
    QTest::newRow("china-region") << QByteArray("bedrock-runtime.cn-north-1.amazonaws.com.cn") << true
                                  << QByteArray("cn-north-1");
    QTest::newRow("china-s3") << QByteArray("bedrock-runtime.s3.amazonaws.com.cn") << false << QByteArray();
    QTest::newRow("other-domain-any-label") << QByteArray("gw.s3.example.net") << true << QByteArray("s3");
}

void TestAllowlist::match()
{
    QFETCH(QByteArray, host);
    QFETCH(bool, allowed);
    QFETCH(QByteArray, region);
    Allowlist list;
    list.add({Allowlist::kDefaultPattern, {}});
    AuthRule explicitRegion;
    explicitRegion.region = "ap-northeast-1";
    list.add({"vpce-1.bedrock.example.internal", explicitRegion});
    list.add({"bedrock-runtime.*.amazonaws.com.cn", {}});
    list.add({"gw.*.example.net", {}}); // outside AWS, "*" is any one label
    const AllowMatch m = list.match(host);
    QCOMPARE(m.rule != nullptr, allowed);
    QCOMPARE(m.region, region);
}

// The default policy of a bedrock-runtime host, with and without a model list.
void TestAllowlist::operations_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("limitModels");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("model");
    const QByteArray id = "/model/anthropic.claude-3-haiku-20240307-v1%3A0";
    const QByteArray decodedId = "anthropic.claude-3-haiku-20240307-v1:0";
    const QByteArray arn = "/model/arn%3Aaws%3Abedrock%3Aeu-west-1%3A1%3Ainference-profile%2Feu.m-v1%3A0";
    QTest::newRow("invoke") << QByteArray("POST") << id + "/invoke" << false << QByteArray("ok") << decodedId;
    QTest::newRow("stream") << QByteArray("POST") << id + "/invoke-with-response-stream" << false << QByteArray("ok")
                            << decodedId;
    QTest::newRow("converse") << QByteArray("POST") << id + "/converse" << true << QByteArray("ok") << decodedId;
    QTest::newRow("converse-stream") << QByteArray("POST") << arn + "/converse-stream" << true << QByteArray("ok")
                                     << QByteArray("arn:aws:bedrock:eu-west-1:1:inference-profile/eu.m-v1:0");
    QTest::newRow("count-tokens") << QByteArray("POST") << id + "/count-tokens" << false << QByteArray("ok")
                                  << decodedId;
    QTest::newRow("get") << QByteArray("GET") << id + "/invoke" << false << QByteArray("operation_not_allowed")
                         << QByteArray();
    QTest::newRow("async") << QByteArray("POST") << QByteArray("/async-invoke") << false
                           << QByteArray("operation_not_allowed") << QByteArray();
    QTest::newRow("root") << QByteArray("GET") << QByteArray("/") << false << QByteArray("operation_not_allowed")
                          << QByteArray();
    QTest::newRow("raw-slash-arn") << QByteArray("POST") << QByteArray("/model/arn:x:inference-profile/eu.m/invoke")
                                   << false << QByteArray("operation_not_allowed") << QByteArray();
    QTest::newRow("unlisted-model") << QByteArray("POST") << QByteArray("/model/other-v1%3A0/invoke") << true
                                    << QByteArray("model_not_allowed") << QByteArray("other-v1:0");
    QTest::newRow("unlisted-model-no-limit") << QByteArray("POST") << QByteArray("/model/other-v1%3A0/invoke") << false
                                             << QByteArray("ok") << QByteArray("other-v1:0");
}

void TestAllowlist::operations()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(bool, limitModels);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, model);
    QSet<QByteArray> models;
    if (limitModels)
        models = {"anthropic.claude-3-haiku-20240307-v1:0", "arn:aws:bedrock:eu-west-1:1:inference-profile/eu.m-v1:0"};
    const OperationPolicy policy = OperationPolicy::defaultFor(Allowlist::kDefaultPattern);
    const PolicyVerdict verdict = checkOperation(policy, Allowlist::kDefaultPattern, method, path, models);
    QCOMPARE(QByteArray(reasonCode(verdict.reason)), reason);
    QCOMPARE(verdict.model, model);
    const QByteArray rule = reason == "model_not_allowed"       ? QByteArray("proxy.models")
                            : reason == "operation_not_allowed" ? "proxy.allow:" + Allowlist::kDefaultPattern
                                                                : QByteArray();
    QCOMPARE(verdict.rule, rule);
    QVERIFY(OperationPolicy::defaultFor("api.llm.example").any);
}

void TestAllowlist::patterns_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<bool>("valid");
    QTest::newRow("default") << Allowlist::kDefaultPattern << true;
    QTest::newRow("literal") << QByteArray("api.anthropic.com") << true;
    QTest::newRow("two-stars") << QByteArray("*.*.example.com") << true;
    QTest::newRow("partial-star") << QByteArray("bedrock-*.amazonaws.com") << false;
    QTest::newRow("star-tld") << QByteArray("example.*") << false;
    QTest::newRow("bare-star") << QByteArray("*") << false;
    QTest::newRow("uppercase") << QByteArray("API.example.com") << false;
    QTest::newRow("empty-label") << QByteArray("a..example.com") << false;
    QTest::newRow("trailing-dot") << QByteArray("example.com.") << false;
    QTest::newRow("ip") << QByteArray("127.0.0.1") << true; // harmless: IP hosts are refused earlier
}

void TestAllowlist::patterns()
{
    QFETCH(QByteArray, pattern);
    QFETCH(bool, valid);
    QCOMPARE(Allowlist::isValidPattern(pattern), valid);
}

void TestAllowlist::authority_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("plain") << QByteArray("Bedrock-Runtime.us-east-1.amazonaws.com") << QByteArray("ok")
                           << QByteArray("bedrock-runtime.us-east-1.amazonaws.com");
    QTest::newRow("port-443") << QByteArray("a.example.com:443") << QByteArray("ok") << QByteArray("a.example.com");
    QTest::newRow("port-8443") << QByteArray("a.example.com:8443") << QByteArray("bad_port") << QByteArray();
    QTest::newRow("empty-port") << QByteArray("a.example.com:") << QByteArray("bad_port") << QByteArray();
    QTest::newRow("port-0443") << QByteArray("a.example.com:0443") << QByteArray("ok") << QByteArray("a.example.com");
    QTest::newRow("ipv4") << QByteArray("127.0.0.1") << QByteArray("ip_literal") << QByteArray();
    QTest::newRow("decimal-ip") << QByteArray("2130706433") << QByteArray("ip_literal") << QByteArray();
    QTest::newRow("hex-ip") << QByteArray("0x7f.0x1") << QByteArray("ip_literal") << QByteArray();
    QTest::newRow("ipv6") << QByteArray("[::1]") << QByteArray("ip_literal") << QByteArray();
    QTest::newRow("userinfo") << QByteArray("u@a.example.com") << QByteArray("userinfo") << QByteArray();
    QTest::newRow("fullwidth-dot") << QByteArray("a\xef\xbc\x8e"
                                                 "example.com")
                                   << QByteArray("non_ascii_host") << QByteArray();
    QTest::newRow("punycode-ok") << QByteArray("xn--bcher-kva.example.com") << QByteArray("ok")
                                 << QByteArray("xn--bcher-kva.example.com");
    QTest::newRow("trailing-dot") << QByteArray("a.example.com.") << QByteArray("bad_host") << QByteArray();
    QTest::newRow("underscore") << QByteArray("a_b.example.com") << QByteArray("bad_host") << QByteArray();
    QTest::newRow("percent") << QByteArray("a%2eexample.com") << QByteArray("bad_host") << QByteArray();
    QTest::newRow("space") << QByteArray("a .example.com") << QByteArray("bad_host") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray("bad_host") << QByteArray();
    QTest::newRow("long-label") << QByteArray(64, 'a') + ".com" << QByteArray("bad_host") << QByteArray();
}

void TestAllowlist::authority()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, host);
    Authority a;
    const Reason r = parseAuthority(raw, &a);
    QCOMPARE(QByteArray(reasonCode(r)), code);
    QCOMPARE(a.host, host);
}

QTEST_GUILESS_MAIN(TestAllowlist)
#include "tst_allowlist.moc"
