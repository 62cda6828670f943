// Configuration of the credential proxy and how it is read from the plugin's
// settings:
//   proxy.allow        ["bedrock-runtime.*.amazonaws.com"]; an entry is a pattern
//                      string (SigV4, service bedrock, region from the "*" label) or
//                      an object {"pattern", "auth": "sigv4"|"header"|"bearer",
//                      "service", "region", "header", "value", "operations"} for other
//                      providers or other operations ("operations": names of Bedrock
//                      runtime operations or "METHOD /path/{model}/..." templates, or
//                      "*" for any; default: the inference operations on bedrock-runtime
//                      hosts, any elsewhere; operationpolicy.h)
//   proxy.budget.requestsPerMinute  requests one conversation (one socket) may
//                      make in any sliding minute, 0-100000; 0: no limit (0)
//   proxy.budget.tokens  input and output tokens one conversation may use,
//                      counted from Bedrock's answers, 0-1000000000; 0: no limit (0)
//   proxy.models       model IDs, inference-profile IDs or ARNs a sandbox may call
//                      (exact, as decoded from the path); empty: any
//   proxy.connectTo    ["HOST1:PORT1:HOST2:PORT2", ...] (curl's --connect-to)
//   proxy.caFile       extra trusted CA bundle (PEM) for upstream TLS
//   proxy.maxConnections  connections one sandbox (one listening socket) may
//                      hold open at once, 1-1024 (16)
//   credentials.source settings | profile | process, with credentials.accessKeyId,
//                      .secretAccessKey, .sessionToken, .profile, .file, .process
//   credentials.assumeRole  a role ARN: each conversation gets its own STS
//                      session of it (assumerole.h); empty: the credentials sign
//   credentials.stsEndpoint  https://HOST of STS for that (a VPC endpoint, a test
//                      stand-in); empty: https://sts.us-east-1.amazonaws.com
// List-valued keys also accept a string (JSON array text or comma-separated),
// as `hako-host --set key=value` delivers them; a proxy.allow item may also be
// a rule object's JSON text, so string-list settings can carry header rules.
#pragma once

#include "allowlist.h"
#include "assumerole.h"
#include "credentials.h"
#include "httprequest.h"

#include <hako/error.h>

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace hako::proxy {

struct ProxyTimeouts
{
    int requestHeadMs = 30000;   // client: from the connection to the whole head
    int requestIdleMs = 60000;   // client: gap while the body arrives
    int requestMs = 120000;      // client: from the first byte to the whole body, however it trickles
    int connectMs = 15000;       // upstream: TCP + TLS handshake
    int responseHeadMs = 300000; // upstream: until the status line (models think first)
    int responseIdleMs = 120000; // upstream: gap between body bytes
};

// curl's HOST1:PORT1:HOST2:PORT2; empty HOST1/PORT1 match any, empty
// HOST2/PORT2 keep the original.
struct ConnectTo
{
    QString fromHost;
    int fromPort = -1;
    QString toHost;
    int toPort = -1;

    static std::optional<ConnectTo> parse(const QString &text);
    bool matches(const QString &host, int port) const;
};

// What the proxy holds at once for all its clients. Request bodies are
// buffered whole (SigV4 hashes them before the head goes out), so these bound
// the proxy's memory whatever any number of sandboxes send.
struct ProxyBounds
{
    int maxConnections = 16;                     // per listening socket, i.e. per sandbox
    qint64 maxBufferedBytes = 128 * 1024 * 1024; // request bodies, all sockets together
    // One socket's share of maxBufferedBytes, so one sandbox cannot take it all.
    qint64 maxBufferedPerSocket = 64 * 1024 * 1024;
};

struct ProxyConfig
{
    Allowlist allowlist;
    QList<ConnectTo> connectTo;
    QString caFile;
    RequestLimits limits;
    ProxyTimeouts timeouts;
    ProxyBounds bounds;
    QSet<QByteArray> models;                    // proxy.models; empty: any
    int requestsPerMinute = 0;                  // proxy.budget.requestsPerMinute; 0: no limit
    int tokenBudget = 0;                        // proxy.budget.tokens; 0: no limit
    std::optional<AssumeRoleConfig> assumeRole; // credentials.assumeRole

    static ProxyConfig defaults(); // allowlist with the default Bedrock pattern
};

// Fills both configurations from settings keys; keys that are absent keep
// their defaults. Returns a "setting_value" error for each bad value (no
// secret is quoted); the outputs are only meaningful when the list is empty.
QList<hako::Error> configFromSettings(const QJsonObject &settings, ProxyConfig *proxy, CredentialConfig *credentials);

} // namespace hako::proxy
