#include "failure.h"

#include <cerrno>
#include <cstring>

namespace hako::agent {

Failure errnoFailure(int err, std::string_view path)
{
    const std::string where = path.empty() ? std::string() : std::string(path) + ": ";
    switch (err) {
    case ENOENT:
    case ENOTDIR: return {proto::code::NotFound, where + "no such file or directory"};
    case EXDEV:
    case ELOOP:
        return {proto::code::PathOutside,
                where + "the path leads outside the workspace (through '..' or a symbolic link)"};
    case ENOSPC:
    case EDQUOT: return {proto::code::NoSpace, where + "no space left on the workspace"};
    case EFBIG: return {proto::code::TooLarge, where + "file too large"};
    case EISDIR: return {proto::code::BadRequest, where + "is a directory"};
    case EEXIST: return {proto::code::Exists, where + "already exists"};
    default: return systemFailure(err, path);
    }
}

Failure systemFailure(int err, std::string_view what)
{
    const std::string where = what.empty() ? std::string() : std::string(what) + ": ";
    return {proto::code::IoError, where + std::strerror(err)};
}

} // namespace hako::agent
