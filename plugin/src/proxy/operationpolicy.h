// Which operations and models a sandbox may call on an allowed host.
//
// An operation is a method and a path template whose segments are literal or
// "{model}". A request matches it when its raw path, split at '/', has as
// many segments, each literal one byte for byte, and "{model}" exactly one
// non-empty segment. That segment, percent-decoded once, is the model as AWS
// reads the path label: IDs hold ':' and ARNs '/', both percent-encoded in a
// path, so a raw '/' in an ARN adds segments and matches nothing (fails
// closed, as does any other spelling AWS might decode differently).
#pragma once

#include "refusal.h"

#include <QByteArray>
#include <QList>
#include <QSet>

#include <optional>

namespace hako::proxy {

struct Operation
{
    QByteArray name; // the AWS operation, or the configured template's text
    QByteArray method;
    QByteArrayList segments; // after the leading '/'; "{model}" for the model

    // "InvokeModel" (a Bedrock runtime operation known by name) or
    // "POST /model/{model}/invoke"; nullopt for anything else.
    static std::optional<Operation> parse(QByteArrayView text);
};

struct OperationPolicy
{
    bool any = true; // no operation list: every method and path may pass
    QList<Operation> operations;

    // Bedrock runtime's inference operations: InvokeModel,
    // InvokeModelWithResponseStream, Converse, ConverseStream, CountTokens.
    static OperationPolicy inference();
    // inference() for a bedrock-runtime host pattern, any operation otherwise.
    static OperationPolicy defaultFor(QByteArrayView pattern);
};

struct PolicyVerdict
{
    Reason reason = Reason::None;
    QByteArray rule;  // the setting that refused it: "proxy.allow:<pattern>" or "proxy.models"
    QByteArray model; // decoded, when the operation names one
};

// `models` is proxy.models (empty: any model); `pattern` names the allow rule.
PolicyVerdict checkOperation(const OperationPolicy &policy, QByteArrayView pattern, QByteArrayView method,
                             QByteArrayView path, const QSet<QByteArray> &models);

} // namespace hako::proxy
