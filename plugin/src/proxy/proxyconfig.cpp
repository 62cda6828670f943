#include "proxyconfig.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>

#include <algorithm>

namespace hako::proxy {

namespace {

constexpr int kMaxConnectionsLimit = 1024;
constexpr int kMaxRequestsPerMinute = 100000;
constexpr int kMaxTokenBudget = 1000000000;
constexpr qsizetype kMaxModelLength = 2048; // ARNs are well under it

hako::Error settingError(const char *text, const QString &arg = {})
{
    return proxyError("setting_value", text, arg);
}

// A JSON array, or a string holding JSON array text or comma-separated items.
QJsonArray listValue(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    const QString text = v.toString().trimmed();
    if (text.startsWith(QLatin1Char('[')))
        return QJsonDocument::fromJson(text.toUtf8()).array();
    QJsonArray out;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(item.trimmed());
    return out;
}

bool parsePort(const QString &text, int *port)
{
    if (text.isEmpty()) {
        *port = -1;
        return true;
    }
    bool ok = false;
    *port = text.toInt(&ok);
    return ok && *port > 0 && *port < 65536;
}

hako::Error parseAuthRule(const QJsonObject &o, AuthRule *rule)
{
    const QString kind = o.value(QLatin1String("auth")).toString(QStringLiteral("sigv4"));
    rule->service = o.value(QLatin1String("service")).toString(QStringLiteral("bedrock")).toLatin1();
    rule->region = o.value(QLatin1String("region")).toString().toLatin1();
    if (kind == QLatin1String("sigv4"))
        return {};
    QByteArray value = o.value(QLatin1String("value")).toString().toUtf8();
    rule->kind = AuthRule::Kind::Header;
    rule->headerName = kind == QLatin1String("bearer")
                               ? QByteArray("authorization")
                               : o.value(QLatin1String("header")).toString().toLatin1().toLower();
    rule->valuePrefix = kind == QLatin1String("bearer") ? QByteArray("Bearer ") : QByteArray();
    rule->headerValue = value.isEmpty() ? nullptr : SecretBuffer::create(value);
    cleanse(value);
    if (kind != QLatin1String("header") && kind != QLatin1String("bearer"))
        return settingError(
                QT_TRANSLATE_NOOP("hako", "proxy.allow: unknown auth \"%1\" (use sigv4, header or bearer)."), kind);
    if (rule->headerName.isEmpty() || !rule->headerValue)
        return settingError(QT_TRANSLATE_NOOP("hako", "proxy.allow: a header rule needs \"header\" and \"value\"."));
    return {};
}

hako::Error patternError(QByteArrayView pattern)
{
    return settingError(QT_TRANSLATE_NOOP("hako",
                                          "Allowlist pattern \"%1\" is invalid: use lowercase DNS labels, \"*\" for "
                                          "exactly one whole label, and a literal domain at the end."),
                        QString::fromUtf8(pattern.first(qMin<qsizetype>(pattern.size(), 256))));
}

hako::Error readOperations(const QJsonObject &o, AllowRule *rule)
{
    if (!o.contains(QLatin1String("operations")))
        return {};
    const QJsonArray list = listValue(o.value(QLatin1String("operations")));
    rule->operations = OperationPolicy{false, {}};
    if (list.size() == 1 && list.first().toString() == QLatin1String("*")) {
        rule->operations->any = true;
        return {};
    }
    for (const QJsonValue &entry : list) {
        const std::optional<Operation> op = Operation::parse(entry.toString().toLatin1());
        if (!op)
            return settingError(QT_TRANSLATE_NOOP("hako", "proxy.allow: operation \"%1\" is neither a Bedrock runtime "
                                                          "operation nor \"METHOD /path/{model}/...\"."),
                                entry.toString().left(200));
        rule->operations->operations.append(*op);
    }
    return {};
}

hako::Error readModels(const QJsonValue &v, QSet<QByteArray> *models)
{
    for (const QJsonValue &entry : listValue(v)) {
        const QByteArray model = entry.toString().toUtf8();
        const bool printable = std::all_of(model.begin(), model.end(), [](char c) { return c > 0x20 && c < 0x7f; });
        if (model.isEmpty() || model.size() > kMaxModelLength || !printable)
            return settingError(QT_TRANSLATE_NOOP("hako", "proxy.models: \"%1\" is not a model ID or ARN."),
                                entry.toString().left(200));
        models->insert(model);
    }
    return {};
}

// An object, an object's JSON text (string-list settings carry rules that
// way), or a bare pattern.
QJsonObject ruleObject(const QJsonValue &entry)
{
    if (entry.isObject())
        return entry.toObject();
    const QString text = entry.toString().trimmed();
    if (text.startsWith(QLatin1Char('{')))
        return QJsonDocument::fromJson(text.toUtf8()).object();
    return {{QStringLiteral("pattern"), text}};
}

QList<hako::Error> readAllow(const QJsonValue &v, Allowlist *list)
{
    QList<hako::Error> errors;
    for (const QJsonValue &entry : listValue(v)) {
        const QJsonObject o = ruleObject(entry);
        AllowRule rule{o.value(QLatin1String("pattern")).toString().toLatin1(), {}};
        hako::Error error =
                Allowlist::isValidPattern(rule.pattern) ? parseAuthRule(o, &rule.auth) : patternError(rule.pattern);
        if (!error)
            error = readOperations(o, &rule);
        const bool needsRegion = rule.auth.kind == AuthRule::Kind::SigV4 && rule.auth.region.isEmpty();
        if (!error && needsRegion && !rule.pattern.split('.').contains("*"))
            error = settingError(QT_TRANSLATE_NOOP("hako", "proxy.allow: pattern \"%1\" has no \"*\" label to take the "
                                                           "region from; give \"region\"."),
                                 QString::fromLatin1(rule.pattern));
        if (!error)
            list->add(std::move(rule));
        else
            errors.append(error);
    }
    if (list->rules().isEmpty() && errors.isEmpty())
        errors.append(
                settingError(QT_TRANSLATE_NOOP("hako", "proxy.allow is empty; the proxy would refuse everything.")));
    return errors;
}

QList<hako::Error> readConnectTo(const QJsonValue &v, QList<ConnectTo> *out)
{
    QList<hako::Error> errors;
    for (const QJsonValue &entry : listValue(v)) {
        const std::optional<ConnectTo> c = ConnectTo::parse(entry.toString());
        if (c)
            out->append(*c);
        else
            errors.append(
                    settingError(QT_TRANSLATE_NOOP("hako", "proxy.connectTo: \"%1\" is not HOST1:PORT1:HOST2:PORT2."),
                                 entry.toString().left(200)));
    }
    return errors;
}

hako::Error checkCaFile(const QString &path)
{
    if (path.isEmpty())
        return {};
    if (!QFileInfo(path).isReadable())
        return settingError(QT_TRANSLATE_NOOP("hako", "proxy.caFile: \"%1\" cannot be read."), path);
    if (QSslCertificate::fromPath(path, QSsl::Pem).isEmpty())
        return settingError(QT_TRANSLATE_NOOP("hako", "proxy.caFile: \"%1\" holds no PEM certificate."), path);
    return {};
}

// A whole number in [low, high], also as text (as --set gives it); absent keeps *out.
bool readWhole(const QJsonValue &v, int low, int high, int *out)
{
    if (v.isUndefined())
        return true;
    const double n = v.isString() ? v.toString().trimmed().toDouble() : v.toDouble(-1);
    if (n < low || n > high || n != double(int(n)))
        return false;
    *out = int(n);
    return true;
}

hako::Error readMaxConnections(const QJsonValue &v, int *out)
{
    if (readWhole(v, 1, kMaxConnectionsLimit, out))
        return {};
    return settingError(QT_TRANSLATE_NOOP("hako", "proxy.maxConnections must be a whole number from 1 to %1."),
                        QString::number(kMaxConnectionsLimit));
}

hako::Error readRequestsPerMinute(const QJsonValue &v, int *out)
{
    if (readWhole(v, 0, kMaxRequestsPerMinute, out))
        return {};
    return settingError(
            QT_TRANSLATE_NOOP("hako", "proxy.budget.requestsPerMinute must be a whole number from 0 to %1."),
            QString::number(kMaxRequestsPerMinute));
}

hako::Error readTokenBudget(const QJsonValue &v, int *out)
{
    if (readWhole(v, 0, kMaxTokenBudget, out))
        return {};
    return settingError(QT_TRANSLATE_NOOP("hako", "proxy.budget.tokens must be a whole number from 0 to %1."),
                        QString::number(kMaxTokenBudget));
}

hako::Error settingsCredentials(const QJsonObject &s, CredentialConfig *c)
{
    QByteArray secret = s.value(QLatin1String("credentials.secretAccessKey")).toString().toUtf8();
    QByteArray token = s.value(QLatin1String("credentials.sessionToken")).toString().toUtf8();
    AwsCredentials fixed;
    fixed.accessKeyId = s.value(QLatin1String("credentials.accessKeyId")).toString().toUtf8();
    const bool complete = !fixed.accessKeyId.isEmpty() && !secret.isEmpty();
    if (complete) {
        fixed.secretAccessKey = SecretBuffer::create(secret);
        fixed.sessionToken = token.isEmpty() ? nullptr : SecretBuffer::create(token);
        c->fixed = std::make_shared<const AwsCredentials>(std::move(fixed));
    }
    cleanse(secret);
    cleanse(token);
    return complete ? hako::Error()
                    : settingError(QT_TRANSLATE_NOOP("hako",
                                                     "credentials.source is settings but credentials.accessKeyId or "
                                                     "credentials.secretAccessKey is empty."));
}

hako::Error readCredentials(const QJsonObject &s, CredentialConfig *c)
{
    const QString source = s.value(QLatin1String("credentials.source")).toString(QStringLiteral("profile"));
    c->profile = s.value(QLatin1String("credentials.profile")).toString(c->profile);
    c->file = s.value(QLatin1String("credentials.file")).toString(c->file);
    c->process = s.value(QLatin1String("credentials.process")).toString();
    if (source == QLatin1String("settings")) {
        c->source = CredentialConfig::Source::Settings;
        return settingsCredentials(s, c);
    }
    if (source == QLatin1String("profile")) {
        c->source = CredentialConfig::Source::Profile;
        return c->profile.isEmpty() ? settingError(QT_TRANSLATE_NOOP("hako", "credentials.profile is empty."))
                                    : hako::Error();
    }
    if (source == QLatin1String("process")) {
        c->source = CredentialConfig::Source::Process;
        return QProcess::splitCommand(c->process).isEmpty()
                       ? settingError(QT_TRANSLATE_NOOP("hako", "credentials.process is empty."))
                       : hako::Error();
    }
    if (source == QLatin1String("none")) {
        c->source = CredentialConfig::Source::None;
        return {};
    }
    return settingError(
            QT_TRANSLATE_NOOP("hako", "credentials.source \"%1\" is not settings, profile, process or none."),
            source.left(50));
}

} // namespace

std::optional<ConnectTo> ConnectTo::parse(const QString &text)
{
    // HOST2 may be a bracketed IPv6 literal, whose colons are not separators.
    const qsizetype bracket = text.indexOf(QLatin1Char('['));
    const QStringList head = text.left(bracket < 0 ? text.size() : bracket).split(QLatin1Char(':'));
    ConnectTo c;
    if (bracket >= 0) {
        const qsizetype close = text.indexOf(QLatin1Char(']'), bracket);
        if (head.size() != 3 || close < 0 || !head[2].isEmpty())
            return std::nullopt;
        const QString after = text.mid(close + 1);
        if (!after.isEmpty() && (!after.startsWith(QLatin1Char(':')) || !parsePort(after.mid(1), &c.toPort)))
            return std::nullopt;
        c.toHost = text.mid(bracket + 1, close - bracket - 1);
    } else {
        if (head.size() != 4 || !parsePort(head[3], &c.toPort))
            return std::nullopt;
        c.toHost = head[2];
    }
    if (!parsePort(head[1], &c.fromPort))
        return std::nullopt;
    c.fromHost = head[0].toLower();
    return c;
}

bool ConnectTo::matches(const QString &host, int port) const
{
    return (fromHost.isEmpty() || fromHost == host) && (fromPort < 0 || fromPort == port);
}

ProxyConfig ProxyConfig::defaults()
{
    ProxyConfig c;
    c.allowlist.add({Allowlist::kDefaultPattern, {}});
    return c;
}

QList<hako::Error> configFromSettings(const QJsonObject &settings, ProxyConfig *proxy, CredentialConfig *credentials)
{
    QList<hako::Error> errors;
    *proxy = ProxyConfig::defaults();
    if (settings.contains(QLatin1String("proxy.allow"))) {
        proxy->allowlist = Allowlist();
        errors += readAllow(settings.value(QLatin1String("proxy.allow")), &proxy->allowlist);
    }
    errors += readConnectTo(settings.value(QLatin1String("proxy.connectTo")), &proxy->connectTo);
    proxy->caFile = settings.value(QLatin1String("proxy.caFile")).toString();
    *credentials = CredentialConfig();
    // Braced lists are evaluated in order: the problems come out as the keys are read.
    const hako::Error single[] = {
            checkCaFile(proxy->caFile),
            readMaxConnections(settings.value(QLatin1String("proxy.maxConnections")), &proxy->bounds.maxConnections),
            readModels(settings.value(QLatin1String("proxy.models")), &proxy->models),
            readRequestsPerMinute(settings.value(QLatin1String("proxy.budget.requestsPerMinute")),
                                  &proxy->requestsPerMinute),
            readTokenBudget(settings.value(QLatin1String("proxy.budget.tokens")), &proxy->tokenBudget),
            readCredentials(settings, credentials),
            readAssumeRole(settings, proxy->allowlist, proxy->models, &proxy->assumeRole),
    };
    for (const hako::Error &e : single) {
        if (e)
            errors.append(e);
    }
    return errors;
}

} // namespace hako::proxy
