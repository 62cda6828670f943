// Confines every file the tools touch to the workspace. Paths come from the
// model and symbolic links from whatever ran in the container, so both are
// hostile: resolution happens in the kernel, relative to a directory fd opened
// once at startup, never by string checks on a path that could change.
#pragma once

#include "call.h"
#include "fd.h"

#include <optional>
#include <string>
#include <string_view>

namespace hako::agent {

class PathGuard
{
public:
    // Opens the workspace and probes for openat2(2); a failure if unusable.
    // Tests pass tryOpenat2 = false to exercise the gVisor path.
    std::optional<Failure> open(const std::string &workspace, bool tryOpenat2 = true);

    // Opens an existing path beneath the workspace with openat(2) `flags`.
    std::optional<Failure> openPath(std::string_view path, int flags, UniqueFd &fd) const;
    // Opens the directory that will hold `path` and yields the entry name in it,
    // for operations (create, rename) that must not follow the final component.
    std::optional<Failure> openParent(std::string_view path, UniqueFd &dir, std::string &name) const;

    const std::string &root() const { return rootPath_; }
    bool usesOpenat2() const { return openat2_; }

private:
    std::optional<Failure> relative(std::string_view path, std::string &rel) const;
    int resolve(const std::string &rel, int flags) const;
    int walk(const std::string &rel, int flags) const;

    UniqueFd root_;
    std::string rootPath_;
    bool openat2_ = true;
};

} // namespace hako::agent
