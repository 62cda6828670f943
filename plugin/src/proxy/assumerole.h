// Per-conversation least-privilege credentials: what the host asks STS for.
//
// With credentials.assumeRole set, the proxy signs no Bedrock request with
// the configured (base) credentials: for each conversation it calls STS
// AssumeRole with those, and signs that conversation's requests with the
// temporary credentials it gets back. What it asks for:
//   RoleSessionName  "hako-" + the conversation key (itself the first 32 hex
//                    digits of SHA-256 of the conversation ID, as in container
//                    names): stable, valid for STS, and no conversation ID
//   Policy           an inline session policy (sessionPolicy() below) that
//                    narrows the role to the inference actions of the
//                    allowlist's Bedrock rules on the models in proxy.models
//   DurationSeconds  kSessionSeconds; refreshed refreshMarginSecs before expiry
// The endpoint is credentials.stsEndpoint (https://sts.us-east-1.amazonaws.com
// unless set, e.g. for a VPC endpoint or a test stand-in), reached like any
// upstream: verified TLS, proxy.caFile, proxy.connectTo.
#pragma once

#include "allowlist.h"
#include "credentials.h"

#include <hako/error.h>

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

namespace hako::proxy {

struct AssumeRoleConfig
{
    static constexpr int kSessionSeconds = 3600;       // the default maximum of an IAM role
    static constexpr qsizetype kMaxPolicyChars = 2048; // STS's limit for an inline session policy

    QByteArray roleArn;
    QByteArray host;   // the STS endpoint's host (port 443)
    QByteArray region; // signing region: the label after "sts." in host, else us-east-1
    QByteArray policy; // compact JSON, sessionPolicy()
};

// Reads credentials.assumeRole and credentials.stsEndpoint; the allowlist
// and models must already be read. Unset role: *out stays nullopt.
hako::Error readAssumeRole(const QJsonObject &settings, const Allowlist &allowlist, const QSet<QByteArray> &models,
                           std::optional<AssumeRoleConfig> *out);

// "arn:aws:bedrock:*::foundation-model/*" and the like; see docs/proxy-policy.md.
QByteArray sessionPolicy(const Allowlist &allowlist, const QSet<QByteArray> &models, QByteArrayView partition);
QByteArray roleSessionName(const QString &conversationKey);

// The form body of an AssumeRole request, and the credentials in its answer
// (the error contains no secret).
QByteArray assumeRoleBody(const AssumeRoleConfig &config, const QByteArray &sessionName);
hako::Error parseAssumeRoleResponse(int status, const QByteArray &xml, AwsCredentials *out);

} // namespace hako::proxy
