#include "pathguard.h"

#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace hako::agent {

namespace {

int sysOpenat2(int dirfd, const char *path, int flags)
{
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    long fd;
    do {
        fd = ::syscall(SYS_openat2, dirfd, path, &how, sizeof how);
    } while (fd < 0 && errno == EINTR);
    return static_cast<int>(fd);
}

Failure outside(std::string_view path)
{
    return {proto::code::PathOutside, std::string(path) + ": the path is not inside the workspace", nullptr};
}

void trimTrailingSlashes(std::string &s)
{
    while (!s.empty() && s.back() == '/')
        s.pop_back();
}

} // namespace

std::optional<Failure> PathGuard::open(const std::string &workspace, bool tryOpenat2)
{
    rootPath_ = workspace;
    trimTrailingSlashes(rootPath_);
    if (rootPath_.empty() || rootPath_.front() != '/')
        return Failure{proto::code::BadRequest, "the workspace must be an absolute path below /"};
    root_.reset(::open(rootPath_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root_.valid())
        return systemFailure(errno, rootPath_);
    // gVisor and older seccomp profiles answer ENOSYS or EPERM; the slower
    // component walk is just as strict, only less permissive about links.
    UniqueFd probe(tryOpenat2 ? sysOpenat2(root_.get(), ".", O_PATH | O_CLOEXEC) : -1);
    openat2_ = tryOpenat2 && (probe.valid() || (errno != ENOSYS && errno != EPERM));
    return std::nullopt;
}

std::optional<Failure> PathGuard::relative(std::string_view path, std::string &rel) const
{
    if (path.empty())
        return Failure{proto::code::BadRequest, "the path is empty", nullptr};
    if (path.find('\0') != std::string_view::npos)
        return Failure{proto::code::BadRequest, "the path contains a NUL byte", nullptr};
    if (path.front() == '/') {
        const std::string_view root(rootPath_);
        if (path.substr(0, root.size()) != root || (path.size() > root.size() && path[root.size()] != '/'))
            return outside(path);
        path.remove_prefix(root.size());
    }
    while (!path.empty() && path.front() == '/')
        path.remove_prefix(1);
    rel.assign(path);
    trimTrailingSlashes(rel);
    if (rel.empty())
        rel = ".";
    return std::nullopt;
}

int PathGuard::resolve(const std::string &rel, int flags) const
{
    return openat2_ ? sysOpenat2(root_.get(), rel.c_str(), flags) : walk(rel, flags);
}

// Without openat2 nothing stops a link from being swapped in mid-resolution, so
// every intermediate component is opened with O_NOFOLLOW and links are refused
// outright rather than interpreted.
int PathGuard::walk(const std::string &rel, int flags) const
{
    UniqueFd dir(::fcntl(root_.get(), F_DUPFD_CLOEXEC, 0));
    std::size_t pos = 0;
    while (dir.valid()) {
        std::size_t slash = rel.find('/', pos);
        const bool last = slash == std::string::npos;
        const std::string part = rel.substr(pos, last ? std::string::npos : slash - pos);
        if (part == "..") {
            errno = EXDEV;
            return -1;
        }
        if (last) {
            const int fd = ::openat(dir.get(), part.c_str(), flags | O_NOFOLLOW);
            if (fd < 0 && errno == ELOOP)
                errno = EXDEV;
            return fd;
        }
        pos = slash + 1;
        if (part.empty() || part == ".")
            continue;
        UniqueFd next(::openat(dir.get(), part.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
        if (!next.valid())
            return -1;
        struct stat st
        {};
        if (::fstat(next.get(), &st) != 0)
            return -1;
        if (S_ISLNK(st.st_mode)) {
            errno = EXDEV;
            return -1;
        }
        dir = std::move(next);
    }
    return -1;
}

std::optional<Failure> PathGuard::openPath(std::string_view path, int flags, UniqueFd &fd) const
{
    std::string rel;
    if (auto failure = relative(path, rel))
        return failure;
    fd.reset(resolve(rel, flags | O_CLOEXEC));
    if (!fd.valid())
        return errnoFailure(errno, path);
    return std::nullopt;
}

std::optional<Failure> PathGuard::openParent(std::string_view path, UniqueFd &dir, std::string &name) const
{
    std::string rel;
    if (auto failure = relative(path, rel))
        return failure;
    const std::size_t slash = rel.rfind('/');
    name = slash == std::string::npos ? rel : rel.substr(slash + 1);
    if (name == "..")
        return outside(path);
    if (name == ".")
        return Failure{proto::code::BadRequest, std::string(path) + ": names a directory, not a file", nullptr};
    const std::string parent = slash == std::string::npos ? "." : rel.substr(0, slash);
    dir.reset(resolve(parent, O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir.valid())
        return errnoFailure(errno, path);
    return std::nullopt;
}

} // namespace hako::agent
