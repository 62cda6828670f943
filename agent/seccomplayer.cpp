#include "seccomplayer.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <seccomp.h>
#include <vector>

namespace hako::agent {

namespace {

using Json = nlohmann::json;
using Context = std::unique_ptr<void, decltype(&seccomp_release)>;

struct Rule
{
    std::string name;
    std::vector<scmp_arg_cmp> args;
    int errnoRet = EPERM;
};

bool compareOp(const std::string &op, scmp_compare &out)
{
    static const std::map<std::string, scmp_compare> ops = {{"SCMP_CMP_NE", SCMP_CMP_NE},
                                                            {"SCMP_CMP_LT", SCMP_CMP_LT},
                                                            {"SCMP_CMP_LE", SCMP_CMP_LE},
                                                            {"SCMP_CMP_EQ", SCMP_CMP_EQ},
                                                            {"SCMP_CMP_GE", SCMP_CMP_GE},
                                                            {"SCMP_CMP_GT", SCMP_CMP_GT},
                                                            {"SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ}};
    const auto it = ops.find(op);
    if (it == ops.end())
        return false;
    out = it->second;
    return true;
}

// The plugin writes the rules; a malformed file is a bug, and no rules load.
Failure badRules(std::string message)
{
    return {proto::code::BadRequest, std::move(message)};
}

std::optional<Failure> parseRules(const std::string &path, std::vector<Rule> &rules)
try {
    std::ifstream in(path);
    const Json doc = Json::parse(in, nullptr, false);
    if (!doc.is_array())
        return badRules(path + ": not a JSON array of rules");
    for (const Json &entry : doc) {
        const Json names = entry.value("names", Json());
        if (!names.is_array())
            return badRules(path + ": a rule without names");
        std::vector<scmp_arg_cmp> args;
        for (const Json &arg : entry.value("args", Json::array())) {
            scmp_arg_cmp cmp{};
            if (!compareOp(arg.value("op", ""), cmp.op))
                return badRules(path + ": unknown operator " + arg.value("op", ""));
            cmp.arg = arg.value("index", 0u);
            cmp.datum_a = arg.value("value", std::uint64_t{0});
            cmp.datum_b = arg.value("valueTwo", std::uint64_t{0});
            args.push_back(cmp);
        }
        for (const Json &name : names)
            rules.push_back({name.get<std::string>(), args, entry.value("errnoRet", EPERM)});
    }
    return std::nullopt;
} catch (const Json::exception &e) {
    return badRules(path + ": " + e.what());
}

// Builds the filter; returns 0 or a negative errno from libseccomp.
int load(const std::vector<Rule> &rules, bool notify, SeccompLayer &layer, std::string &failedName)
{
    Context ctx(seccomp_init(SCMP_ACT_ALLOW), &seccomp_release);
    if (!ctx)
        return -ENOMEM;
    // 32-bit entry points get the same rules rather than a free pass.
    if (seccomp_arch_native() == SCMP_ARCH_X86_64) {
        seccomp_arch_add(ctx.get(), SCMP_ARCH_X86);
        seccomp_arch_add(ctx.get(), SCMP_ARCH_X32);
    }
    for (const Rule &rule : rules) {
        const int nr = seccomp_syscall_resolve_name(rule.name.c_str());
        if (nr == __NR_SCMP_ERROR)
            continue; // not a call on this machine: nothing to deny
        const std::uint32_t action = notify ? SCMP_ACT_NOTIFY : SCMP_ACT_ERRNO(rule.errnoRet);
        const int rc = seccomp_rule_add_array(ctx.get(), action, nr, static_cast<unsigned>(rule.args.size()),
                                              rule.args.data());
        if (rc < 0) {
            failedName = rule.name;
            return rc;
        }
        layer.errnos.emplace(rule.name, rule.errnoRet);
    }
    if (const int rc = seccomp_load(ctx.get()); rc < 0)
        return rc;
    if (notify) {
        const int fd = seccomp_notify_fd(ctx.get());
        if (fd < 0)
            return fd;
        layer.listener.reset(fd);
    }
    return 0;
}

} // namespace

std::optional<Failure> installSeccompLayer(const std::string &rulesPath, SeccompLayer &layer)
{
    std::vector<Rule> rules;
    if (auto failure = parseRules(rulesPath, rules))
        return failure;
    std::string failedName;
    // API level 5 and up can notify; gVisor and old kernels cannot.
    int rc = seccomp_api_get() >= 5 ? load(rules, true, layer, failedName) : -ENOSYS;
    if (rc < 0 && failedName.empty()) {
        layer = SeccompLayer{};
        rc = load(rules, false, layer, failedName);
    }
    if (rc < 0)
        return systemFailure(-rc, "cannot load the seccomp rules from " + rulesPath
                                          + (failedName.empty() ? "" : " (" + failedName + ")"));
    return std::nullopt;
}

} // namespace hako::agent
