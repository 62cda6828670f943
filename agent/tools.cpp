#include "tools.h"

#include "editor.h"
#include "files.h"

namespace hako::agent {

namespace {

// Defaults for fields the host left out (SPEC §10: tools.timeout, tools.outputLimit).
constexpr std::uint64_t kDefaultTimeoutMs = 120'000;
constexpr std::uint64_t kDefaultOutputLimit = 1u << 20;
constexpr std::uint64_t kDefaultMaxBytes = 100u << 20;

Failure badRequest(std::string message)
{
    return {proto::code::BadRequest, std::move(message), nullptr};
}

std::optional<Failure> limit(const Json &object, const char *key, std::uint64_t fallback, std::uint64_t &out)
{
    std::optional<std::int64_t> value;
    if (auto failure = optionalInt(object, key, value))
        return failure;
    if (value && *value < 0)
        return badRequest(std::string(key) + " must not be negative");
    out = value ? static_cast<std::uint64_t>(*value) : fallback;
    return std::nullopt;
}

Json emptyBashResult()
{
    return Json{{"exit_code", 0},      {"signal", nullptr},  {"timed_out", false},
                {"oom_killed", false}, {"cancelled", false}, {"truncated", false},
                {"stdout_bytes", 0},   {"stderr_bytes", 0},  {"duration_ms", 0}};
}

std::unique_ptr<Call> startBash(Tools &tools, Outbox &out, std::uint32_t id, const Json &request,
                                const Json &input, std::optional<Failure> &failure)
{
    std::optional<std::string> command;
    std::optional<bool> restart;
    BashLimits limits;
    if ((failure = optionalString(input, "command", command))
        || (failure = optionalBool(input, "restart", restart))
        || (failure = limit(request, "timeout_ms", kDefaultTimeoutMs, limits.timeoutMs))
        || (failure = limit(request, "output_limit", kDefaultOutputLimit, limits.outputLimit)))
        return nullptr;
    if (command && command->find('\0') != std::string::npos) {
        failure = badRequest("the command contains a NUL byte");
        return nullptr;
    }
    if (restart.value_or(false))
        tools.bash.restart();
    if (!command) {
        if (restart.value_or(false))
            sendJson(out, proto::Type::Result, id, emptyBashResult());
        else
            failure = badRequest("bash needs a command (or restart: true)");
        return nullptr;
    }
    auto call = std::make_unique<BashCall>(out, id, tools.bash, tools.killer, limits);
    if ((failure = call->start(*command)))
        return nullptr;
    return call;
}

std::unique_ptr<Call> startTransfer(Tools &tools, Outbox &out, std::uint32_t id, const std::string &tool,
                                    const Json &input, std::optional<Failure> &failure)
{
    std::optional<std::string> path;
    std::uint64_t maxBytes = 0;
    if ((failure = optionalString(input, "path", path))
        || (failure = limit(input, "max_bytes", kDefaultMaxBytes, maxBytes)))
        return nullptr;
    if (!path) {
        failure = badRequest(tool + " needs a path");
        return nullptr;
    }
    if (tool == "read_file") {
        auto call = std::make_unique<ReadFileCall>(out, id);
        if ((failure = call->start(tools.guard, *path, maxBytes)))
            return nullptr;
        return call;
    }
    auto call = std::make_unique<WriteFileCall>(out, id, tools.guard);
    if ((failure = call->start(*path, maxBytes)))
        return nullptr;
    return call;
}

std::optional<Failure> parseRequest(const Json &request, std::string &tool, const Json *&input)
{
    static const Json kNoInput = Json::object();
    if (!request.is_object())
        return badRequest("the Call payload must be a JSON object");
    std::optional<std::string> name;
    if (auto failure = optionalString(request, "tool", name))
        return failure;
    if (!name)
        return badRequest("the Call names no tool");
    tool = *name;
    const auto it = request.find("input");
    input = it == request.end() || it->is_null() ? &kNoInput : &*it;
    if (!input->is_object())
        return badRequest("the Call's input must be a JSON object");
    return std::nullopt;
}

} // namespace

std::unique_ptr<Call> startCall(Tools &tools, Outbox &out, std::uint32_t id, const Json &request)
{
    std::optional<Failure> failure;
    std::unique_ptr<Call> call;
    std::string tool;
    const Json *input = nullptr;
    if (!(failure = parseRequest(request, tool, input))) {
        if (tool == "bash") {
            call = startBash(tools, out, id, request, *input, failure);
        } else if (tool == "read_file" || tool == "write_file") {
            call = startTransfer(tools, out, id, tool, *input, failure);
        } else if (tool == "str_replace_based_edit_tool") {
            std::string output;
            if (!(failure = runEditor(tools.guard, *input, output)))
                sendJson(out, proto::Type::Result, id, Json{{"output", output}});
        } else {
            failure = Failure{proto::code::UnknownTool, "unknown tool: " + tool.substr(0, 100), nullptr};
        }
    }
    if (failure)
        sendFailure(out, id, *failure);
    return call;
}

} // namespace hako::agent
