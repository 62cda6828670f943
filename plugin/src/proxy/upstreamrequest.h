// The request head that goes upstream, built from the validated request and
// what sanitizeRequest() kept: a fresh request line, Host, Content-Length and
// the rule's authentication. Framing is always rewritten (the body was
// de-chunked), so no framing the client chose reaches the service.
#pragma once

#include "allowlist.h"
#include "credentials.h"
#include "sanitize.h"

#include <QDateTime>

namespace hako::proxy {

struct UpstreamAuth
{
    const AllowMatch *match = nullptr;
    const AwsCredentials *aws = nullptr; // required for SigV4 rules
    QDateTime now;
};

QByteArray buildUpstreamHead(const RequestHead &head, const SanitizedRequest &clean, const QByteArray &body,
                             const UpstreamAuth &auth);

} // namespace hako::proxy
