#include "seccompfilter.h"

#include "errors.h"

#include <QHash>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace hako::seccomp {
namespace {

constexpr qint64 kMaxBpfInstructions = 4096; // the kernel's BPF_MAXINSNS
constexpr qint64 kBpfInstructionSize = 8;    // sizeof(struct sock_filter)

// runc leaves out rules whose action is the default one (libseccomp refuses them).
bool isEffective(const Rule &rule, const Profile &profile)
{
    return rule.action != profile.defaultAction;
}

// As runc does: comparisons on distinct arguments form one rule (all must
// hold); two comparisons on the same argument become separate rules (either
// may hold), because libseccomp cannot AND them.
std::vector<std::vector<scmp_arg_cmp>> argumentSets(const std::vector<scmp_arg_cmp> &args)
{
    int perIndex[kArgCount] = {};
    bool repeated = false;
    for (const scmp_arg_cmp &a : args)
        repeated |= ++perIndex[a.arg] > 1;
    if (!repeated)
        return {args};
    std::vector<std::vector<scmp_arg_cmp>> sets;
    for (const scmp_arg_cmp &a : args)
        sets.push_back({a});
    return sets;
}

qint64 bpfInstructions(scmp_filter_ctx ctx)
{
    const int fd = memfd_create("hako-seccomp-check", MFD_CLOEXEC);
    if (fd < 0)
        return -errno;
    const int rc = seccomp_export_bpf(ctx, fd);
    struct stat st = {};
    const bool sized = ::fstat(fd, &st) == 0;
    ::close(fd);
    if (rc < 0)
        return rc;
    return sized ? st.st_size / kBpfInstructionSize : -EIO;
}

} // namespace

// libseccomp accepts an unconditional rule and conditional rules with another
// action for the same call without complaint, then silently drops the
// conditional ones: a deny-by-argument next to a plain allow does nothing.
Error checkShadowing(const Profile &profile)
{
    QHash<QString, const Rule *> unconditional;
    for (const Rule &rule : profile.rules) {
        if (!isEffective(rule, profile) || !rule.args.empty())
            continue;
        const Rule *first = unconditional.value(rule.name);
        if (first && first->action != rule.action)
            return makeError(ErrorCode::SeccompShadowedRule, {rule.path, first->path, rule.name});
        if (!first)
            unconditional.insert(rule.name, &rule);
    }
    for (const Rule &rule : profile.rules) {
        const Rule *plain = unconditional.value(rule.name);
        if (isEffective(rule, profile) && !rule.args.empty() && plain && plain->action != rule.action)
            return makeError(ErrorCode::SeccompShadowedRule, {rule.path, plain->path, rule.name});
    }
    return {};
}

Error compileFilters(const Profile &profile)
{
    for (const ArchGroup &group : profile.groups) {
        std::unique_ptr<void, void (*)(scmp_filter_ctx)> ctx(seccomp_init(profile.defaultAction), seccomp_release);
        if (!ctx)
            return makeError(ErrorCode::SeccompRuleRejected, {QStringLiteral("defaultAction"), group.label});
        bool hasNative = false;
        for (uint32_t token : group.tokens) {
            hasNative |= token == seccomp_arch_native();
            const int rc = token == seccomp_arch_native() ? 0 : seccomp_arch_add(ctx.get(), token);
            if (rc < 0 && rc != -EEXIST)
                return makeError(ErrorCode::SeccompRuleRejected, {QStringLiteral("archMap"), group.label},
                                 QString::fromLocal8Bit(std::strerror(-rc)));
        }
        if (!hasNative)
            seccomp_arch_remove(ctx.get(), SCMP_ARCH_NATIVE);
        for (const Rule &rule : profile.rules) {
            if (!isEffective(rule, profile))
                continue;
            // Numbers are the build host's; libseccomp translates them per architecture by name.
            const int nr = seccomp_syscall_resolve_name(rule.name.toLatin1().constData());
            for (const auto &args : argumentSets(rule.args)) {
                const int rc = seccomp_rule_add_array(ctx.get(), rule.action, nr, unsigned(args.size()), args.data());
                if (rc < 0)
                    return makeError(ErrorCode::SeccompRuleRejected,
                                     {QStringLiteral("%1 (\"%2\")").arg(rule.path, rule.name), group.label},
                                     QString::fromLocal8Bit(std::strerror(-rc)));
            }
        }
        const qint64 length = bpfInstructions(ctx.get());
        if (length < 0)
            return makeError(ErrorCode::SeccompRuleRejected, {QStringLiteral("syscalls"), group.label},
                             QString::fromLocal8Bit(std::strerror(int(-length))));
        if (length > kMaxBpfInstructions)
            return makeError(ErrorCode::SeccompTooLong,
                             {group.label, QString::number(length), QString::number(kMaxBpfInstructions)});
    }
    return {};
}

} // namespace hako::seccomp
