#include "assumerole.h"

#include "refusal.h"
#include "sigv4.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>

namespace hako::proxy {

namespace {

constexpr char kDefaultEndpoint[] = "https://sts.us-east-1.amazonaws.com";
constexpr char kDefaultRegion[] = "us-east-1";
constexpr qsizetype kMaxArnLength = 2048;

// Inference profiles are named for where they route: "us.anthropic...".
const QByteArrayList kProfilePrefixes = {"us", "us-gov", "eu", "apac", "jp", "au", "ca", "global"};

hako::Error settingError(const char *text, const QString &arg = {})
{
    return proxyError("setting_value", text, arg);
}

QByteArray partitionOf(QByteArrayView region)
{
    if (region.startsWith("cn-"))
        return "aws-cn";
    if (region.startsWith("us-gov-"))
        return "aws-us-gov";
    return "aws";
}

// The IAM action each Bedrock runtime operation needs.
QByteArray actionFor(QByteArrayView operation)
{
    if (operation == "InvokeModel" || operation == "Converse")
        return "bedrock:InvokeModel";
    if (operation == "InvokeModelWithResponseStream" || operation == "ConverseStream")
        return "bedrock:InvokeModelWithResponseStream";
    if (operation == "CountTokens")
        return "bedrock:CountTokens";
    return {};
}

QSet<QByteArray> actionsOf(const Allowlist &allowlist)
{
    QSet<QByteArray> actions;
    for (const AllowRule &rule : allowlist.rules()) {
        if (rule.auth.kind != AuthRule::Kind::SigV4 || rule.auth.service != "bedrock")
            continue;
        const OperationPolicy &policy = *rule.operations;
        for (const Operation &op : policy.any ? OperationPolicy::inference().operations : policy.operations) {
            if (const QByteArray action = actionFor(op.name); !action.isEmpty())
                actions.insert(action);
        }
    }
    return actions;
}

// An inference profile also needs the foundation model it routes to, in
// whichever region it routes to.
void addModel(const QByteArray &model, const QByteArray &partition, QSet<QByteArray> *resources)
{
    const QByteArray anyRegion = "arn:" + partition + ":bedrock:*:";
    QByteArray profileId;
    if (model.startsWith("arn:")) {
        resources->insert(model);
        const qsizetype at = model.indexOf(":inference-profile/");
        if (at >= 0)
            profileId = model.mid(at + int(sizeof ":inference-profile/") - 1);
    } else {
        const bool profile = kProfilePrefixes.contains(model.left(qMax<qsizetype>(0, model.indexOf('.'))));
        resources->insert(profile ? anyRegion + "*:inference-profile/" + model
                                  : anyRegion + ":foundation-model/" + model);
        if (profile)
            profileId = model;
    }
    const qsizetype dot = profileId.indexOf('.');
    if (dot > 0 && kProfilePrefixes.contains(profileId.left(dot)))
        resources->insert(anyRegion + ":foundation-model/" + profileId.mid(dot + 1));
}

QJsonArray sortedArray(const QSet<QByteArray> &items)
{
    QByteArrayList sorted(items.begin(), items.end());
    std::sort(sorted.begin(), sorted.end());
    QJsonArray out;
    for (const QByteArray &item : sorted)
        out.append(QString::fromUtf8(item));
    return out;
}

hako::Error readEndpoint(const QString &text, AssumeRoleConfig *c)
{
    const QUrl url(text, QUrl::StrictMode);
    const bool valid = url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty()
                       && url.userInfo().isEmpty() && (url.port() == -1 || url.port() == 443)
                       && (url.path().isEmpty() || url.path() == QLatin1String("/")) && !url.hasQuery()
                       && !url.hasFragment();
    if (!valid)
        return settingError(QT_TRANSLATE_NOOP("hako", "credentials.stsEndpoint \"%1\" is not an https://HOST URL."),
                            text.left(256));
    c->host = url.host().toLower().toLatin1();
    const QByteArrayList labels = c->host.split('.');
    const qsizetype sts = labels.indexOf("sts");
    const QByteArray region = sts >= 0 ? labels.value(sts + 1) : QByteArray();
    c->region = Allowlist::isRegionName(region) ? region : QByteArray(kDefaultRegion);
    return {};
}

bool isRoleArn(const QByteArray &arn)
{
    const auto printable = [](char ch) { return ch > 0x20 && ch < 0x7f; };
    return arn.startsWith("arn:") && arn.contains(":role/") && arn.size() <= kMaxArnLength
           && std::all_of(arn.begin(), arn.end(), printable);
}

} // namespace

QByteArray sessionPolicy(const Allowlist &allowlist, const QSet<QByteArray> &models, QByteArrayView partition)
{
    QSet<QByteArray> resources;
    const QByteArray anyRegion = "arn:" + partition.toByteArray() + ":bedrock:*:";
    if (models.isEmpty()) {
        resources = {anyRegion + ":foundation-model/*", anyRegion + "*:inference-profile/*",
                     anyRegion + "*:application-inference-profile/*"};
    }
    for (const QByteArray &model : models)
        addModel(model, partition.toByteArray(), &resources);
    const QJsonObject statement{{QStringLiteral("Effect"), QStringLiteral("Allow")},
                                {QStringLiteral("Action"), sortedArray(actionsOf(allowlist))},
                                {QStringLiteral("Resource"), sortedArray(resources)}};
    const QJsonObject policy{{QStringLiteral("Version"), QStringLiteral("2012-10-17")},
                             {QStringLiteral("Statement"), QJsonArray{statement}}};
    return QJsonDocument(policy).toJson(QJsonDocument::Compact);
}

// The plugin's conversation keys are already the first 32 hex digits of the
// ID's SHA-256 (conversationKey()): kept as they are, CloudTrail names the
// same key as the container and the workspace. Anything else is hashed so.
QByteArray roleSessionName(const QString &conversationKey)
{
    static const QRegularExpression key(QStringLiteral("^[0-9a-f]{32}$"));
    if (key.match(conversationKey).hasMatch())
        return "hako-" + conversationKey.toLatin1();
    return "hako-" + QCryptographicHash::hash(conversationKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
}

hako::Error readAssumeRole(const QJsonObject &settings, const Allowlist &allowlist, const QSet<QByteArray> &models,
                           std::optional<AssumeRoleConfig> *out)
{
    const QString role = settings.value(QLatin1String("credentials.assumeRole")).toString().trimmed();
    const QString endpoint = settings.value(QLatin1String("credentials.stsEndpoint")).toString().trimmed();
    out->reset();
    if (role.isEmpty())
        return {};
    AssumeRoleConfig c;
    c.roleArn = role.toUtf8();
    if (!isRoleArn(c.roleArn))
        return settingError(QT_TRANSLATE_NOOP("hako", "credentials.assumeRole \"%1\" is not an IAM role ARN."),
                            role.left(256));
    if (const hako::Error e = readEndpoint(endpoint.isEmpty() ? QLatin1String(kDefaultEndpoint) : endpoint, &c))
        return e;
    c.policy = sessionPolicy(allowlist, models, partitionOf(c.region));
    if (c.policy.size() > AssumeRoleConfig::kMaxPolicyChars)
        return settingError(QT_TRANSLATE_NOOP("hako", "proxy.models makes a session policy of %1 characters; STS "
                                                      "accepts at most 2048: list fewer models."),
                            QString::number(c.policy.size()));
    *out = std::move(c);
    return {};
}

QByteArray assumeRoleBody(const AssumeRoleConfig &config, const QByteArray &sessionName)
{
    const auto field = [](const char *name, QByteArrayView value) {
        return QByteArray(name) + '=' + sigv4::uriEncode(value, false);
    };
    return field("Action", "AssumeRole") + '&' + field("DurationSeconds", QByteArray::number(config.kSessionSeconds))
           + '&' + field("Policy", config.policy) + '&' + field("RoleArn", config.roleArn) + '&'
           + field("RoleSessionName", sessionName) + '&' + field("Version", "2011-06-15");
}

// QXmlStreamReader's own copies of the secrets are freed unwiped, as with
// QJsonDocument for credential_process; ours are cleansed.
hako::Error parseAssumeRoleResponse(int status, const QByteArray &xml, AwsCredentials *out)
{
    QXmlStreamReader reader(xml);
    QByteArray secret, token, code;
    QString expiration;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = reader.name();
        if (name == QLatin1String("AccessKeyId"))
            out->accessKeyId = reader.readElementText().toLatin1();
        else if (name == QLatin1String("SecretAccessKey"))
            secret = reader.readElementText().toLatin1();
        else if (name == QLatin1String("SessionToken"))
            token = reader.readElementText().toLatin1();
        else if (name == QLatin1String("Expiration"))
            expiration = reader.readElementText();
        else if (name == QLatin1String("Code"))
            code = reader.readElementText().toLatin1().left(64);
    }
    out->expiration = QDateTime::fromString(expiration, Qt::ISODate);
    const bool ok = status == 200 && !out->accessKeyId.isEmpty() && !secret.isEmpty() && !token.isEmpty()
                    && out->expiration.isValid();
    if (ok) {
        out->secretAccessKey = SecretBuffer::create(secret);
        out->sessionToken = SecretBuffer::create(token);
    }
    cleanse(secret);
    cleanse(token);
    if (ok)
        return {};
    const auto word = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.'; };
    const bool named = !code.isEmpty() && std::all_of(code.begin(), code.end(), word);
    return proxyError(reasonCode(Reason::CredentialsUnavailable),
                      QT_TRANSLATE_NOOP("hako", "STS AssumeRole failed (%1)."),
                      named ? QString::fromLatin1(code) : QStringLiteral("HTTP %1").arg(status));
}

} // namespace hako::proxy
