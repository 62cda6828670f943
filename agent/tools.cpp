#include "tools.h"

#include "editor.h"
#include "files.h"

#include <hako/protocol/limits.h>
#include <hako/protocol/tools.h>

namespace hako::agent {

namespace {

Failure badRequest(std::string message)
{
    return {proto::code::BadRequest, std::move(message)};
}

std::unique_ptr<Call> startBash(Tools &tools, Outbox &out, std::uint32_t id, const Json &request, const Json &input,
                                std::optional<Failure> &failure)
{
    BashRequest bash;
    if ((failure = parseBashRequest(request, input, bash)))
        return nullptr;
    if (bash.restart)
        tools.bash.restart();
    if (!bash.command) {
        sendJson(out, proto::Type::Result, id, bashResult({}));
        return nullptr;
    }
    auto call = std::make_unique<BashCall>(out, id, tools.bash, tools.killer, bash.limits);
    if ((failure = call->start(*bash.command)))
        return nullptr;
    return call;
}

std::unique_ptr<Call> startTransfer(Tools &tools, Outbox &out, std::uint32_t id, const std::string &tool,
                                    const Json &input, std::optional<Failure> &failure)
{
    std::optional<std::string> path;
    std::uint64_t maxBytes = 0;
    if ((failure = optionalString(input, "path", path))
        || (failure = optionalLimit(input, "max_bytes", proto::kDefaultTransferLimit, maxBytes)))
        return nullptr;
    if (!path) {
        failure = badRequest(tool + " needs a path");
        return nullptr;
    }
    if (tool == proto::tool::kReadFile) {
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
        if (tool == proto::tool::kBash) {
            call = startBash(tools, out, id, request, *input, failure);
        } else if (tool == proto::tool::kReadFile || tool == proto::tool::kWriteFile) {
            call = startTransfer(tools, out, id, tool, *input, failure);
        } else if (tool == proto::tool::kEditor) {
            std::string output;
            if (!(failure = runEditor(tools.guard, *input, output)))
                sendJson(out, proto::Type::Result, id, Json{{"output", output}});
        } else {
            failure = Failure{proto::code::UnknownTool, "unknown tool: " + tool.substr(0, 100)};
        }
    }
    if (failure)
        sendFailure(out, id, *failure);
    return call;
}

} // namespace hako::agent
