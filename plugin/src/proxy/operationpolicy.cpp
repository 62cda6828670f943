#include "operationpolicy.h"

#include "sigv4.h"

namespace hako::proxy {

namespace {

constexpr QByteArrayView kModelLabel = "{model}";

struct KnownOperation
{
    const char *name;
    const char *route;
};

constexpr KnownOperation kInference[] = {
        {"InvokeModel", "POST /model/{model}/invoke"},
        {"InvokeModelWithResponseStream", "POST /model/{model}/invoke-with-response-stream"},
        {"Converse", "POST /model/{model}/converse"},
        {"ConverseStream", "POST /model/{model}/converse-stream"},
        {"CountTokens", "POST /model/{model}/count-tokens"},
};

bool isTemplateSegment(QByteArrayView segment)
{
    if (segment == kModelLabel)
        return true;
    const auto allowed = [](char c) { return c > 0x20 && c < 0x7f && c != '/' && c != '?' && c != '#'; };
    return !segment.isEmpty() && std::all_of(segment.begin(), segment.end(), allowed);
}

std::optional<Operation> parseRoute(QByteArrayView name, QByteArrayView route)
{
    const qsizetype space = route.indexOf(' ');
    if (space <= 0 || !route.sliced(space + 1).startsWith('/'))
        return std::nullopt;
    Operation op{name.toByteArray(), route.first(space).toByteArray(),
                 route.sliced(space + 2).toByteArray().split('/')};
    const bool valid = std::all_of(op.segments.begin(), op.segments.end(), isTemplateSegment)
                       && QByteArrayList{"GET", "HEAD", "POST", "PUT", "DELETE"}.contains(op.method);
    return valid ? std::optional(op) : std::nullopt;
}

// On a match, *model receives the decoded model segment (if the template has one).
bool matches(const Operation &op, QByteArrayView method, const QByteArrayList &segments, QByteArray *model)
{
    if (op.method != method || op.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (op.segments[i] == kModelLabel && !segments[i].isEmpty())
            *model = sigv4::percentDecode(segments[i]);
        else if (op.segments[i] != segments[i])
            return false;
    }
    return true;
}

} // namespace

std::optional<Operation> Operation::parse(QByteArrayView text)
{
    for (const KnownOperation &known : kInference) {
        if (text == known.name)
            return parseRoute(known.name, known.route);
    }
    return parseRoute(text, text);
}

OperationPolicy OperationPolicy::inference()
{
    OperationPolicy policy{false, {}};
    for (const KnownOperation &known : kInference)
        policy.operations.append(*parseRoute(known.name, known.route));
    return policy;
}

OperationPolicy OperationPolicy::defaultFor(QByteArrayView pattern)
{
    const QByteArrayView first = pattern.first(qMax<qsizetype>(0, pattern.indexOf('.')));
    return first == "bedrock-runtime" || first == "bedrock-runtime-fips" ? inference() : OperationPolicy();
}

PolicyVerdict checkOperation(const OperationPolicy &policy, QByteArrayView pattern, QByteArrayView method,
                             QByteArrayView path, const QSet<QByteArray> &models)
{
    if (policy.any)
        return {};
    const QByteArrayList segments = path.startsWith('/') ? path.sliced(1).toByteArray().split('/') : QByteArrayList();
    for (const Operation &op : policy.operations) {
        QByteArray model;
        if (!matches(op, method, segments, &model))
            continue;
        if (!model.isNull() && !models.isEmpty() && !models.contains(model))
            return {Reason::ModelNotAllowed, "proxy.models", model};
        return {Reason::None, {}, model};
    }
    return {Reason::OperationNotAllowed, "proxy.allow:" + pattern.toByteArray(), {}};
}

} // namespace hako::proxy
