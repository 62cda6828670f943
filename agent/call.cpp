#include "call.h"

namespace hako::agent {

namespace {

template<typename T, typename Check>
std::optional<Failure> optionalField(const Json &input, const char *key, std::optional<T> &out, Check isRightType,
                                     const char *typeName)
{
    out.reset();
    const auto it = input.find(key);
    if (it == input.end() || it->is_null())
        return std::nullopt;
    if (!isRightType(*it))
        return Failure{proto::code::BadRequest, std::string("input field '") + key + "' must be " + typeName, nullptr};
    out = it->template get<T>();
    return std::nullopt;
}

} // namespace

std::optional<Failure> optionalString(const Json &input, const char *key, std::optional<std::string> &out)
{
    return optionalField(
            input, key, out, [](const Json &j) { return j.is_string(); }, "a string");
}

std::optional<Failure> optionalInt(const Json &input, const char *key, std::optional<std::int64_t> &out)
{
    // Unsigned values above INT64_MAX are not integers we can represent.
    return optionalField(
            input, key, out,
            [](const Json &j) {
        return j.is_number_integer() && !(j.is_number_unsigned() && j.get<std::uint64_t>() > INT64_MAX);
            },
            "an integer");
}

std::optional<Failure> optionalBool(const Json &input, const char *key, std::optional<bool> &out)
{
    return optionalField(
            input, key, out, [](const Json &j) { return j.is_boolean(); }, "true or false");
}

std::optional<Failure> optionalLimit(const Json &object, const char *key, std::uint64_t fallback, std::uint64_t &out)
{
    std::optional<std::int64_t> value;
    if (auto failure = optionalInt(object, key, value))
        return failure;
    if (value && *value < 0)
        return Failure{proto::code::BadRequest, std::string(key) + " must not be negative"};
    out = value ? static_cast<std::uint64_t>(*value) : fallback;
    return std::nullopt;
}

std::string dumpJson(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void sendJson(Outbox &out, proto::Type type, std::uint32_t id, const Json &value)
{
    const std::string payload = dumpJson(value);
    if (payload.size() <= proto::kMaxPayload) {
        out.send(type, id, payload);
        return;
    }
    // Callers bound their text, so this only guards against a miscount turning
    // into a frame the peer must reject.
    const Json error = {{"code", proto::code::IoError}, {"message", "reply too large to send"}};
    out.send(proto::Type::Error, id, dumpJson(error));
}

void sendFailure(Outbox &out, std::uint32_t id, const Failure &failure)
{
    Json error = {{"code", failure.code}, {"message", failure.message}};
    if (!failure.details.is_null())
        error["details"] = failure.details;
    sendJson(out, proto::Type::Error, id, error);
}

void Call::succeed(const Json &result)
{
    if (done_)
        return;
    done_ = true;
    sendJson(out_, proto::Type::Result, id_, result);
    out_.retire(id_);
}

void Call::fail(const Failure &failure)
{
    if (done_)
        return;
    done_ = true;
    sendFailure(out_, id_, failure);
    out_.retire(id_);
}

} // namespace hako::agent
