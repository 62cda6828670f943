#include "seccompnotify.h"

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <seccomp.h>

namespace hako::agent {

SeccompSupervisor::SeccompSupervisor(SeccompLayer layer) : layer_(std::move(layer)) {}

std::optional<std::string> SeccompSupervisor::answer()
{
    // Fresh buffers each time: the kernel refuses a receive buffer that is not
    // all zeroes, and only libseccomp knows the kernel's size for it.
    seccomp_notif *request = nullptr;
    seccomp_notif_resp *response = nullptr;
    if (seccomp_notify_alloc(&request, &response) != 0)
        return std::nullopt;
    std::unique_ptr<seccomp_notif, void (*)(seccomp_notif *)> requestOwner(
            request, [](seccomp_notif *r) { seccomp_notify_free(r, nullptr); });
    std::unique_ptr<seccomp_notif_resp, void (*)(seccomp_notif_resp *)> responseOwner(
            response, [](seccomp_notif_resp *r) { seccomp_notify_free(nullptr, r); });
    if (seccomp_notify_receive(fd(), request) != 0)
        return std::nullopt;
    char *resolved = seccomp_syscall_resolve_num_arch(request->data.arch, request->data.nr);
    std::string name = resolved ? resolved : "syscall_" + std::to_string(request->data.nr);
    std::free(resolved);
    const auto it = layer_.errnos.find(name);
    response->id = request->id;
    response->val = 0;
    response->error = -(it != layer_.errnos.end() ? it->second : EPERM);
    response->flags = 0;
    // Fails only when the caller died meanwhile; the attempt still counts.
    seccomp_notify_respond(fd(), response);
    return name;
}

} // namespace hako::agent
