#include "dirlisting.h"

#include "fd.h"

#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <utility>
#include <vector>

namespace hako::agent {

namespace {

constexpr std::size_t kMaxEntries = 1000;

struct Entry
{
    std::string name;
    bool isDir;
    bool operator<(const Entry &other) const { return name < other.name; }
};

// Reads at most kMaxEntries + 1 names, so a directory of a million files costs
// no more memory than one of a thousand; the extra one says "there is more".
std::vector<Entry> readEntries(int dirfd)
{
    std::vector<Entry> entries;
    UniqueFd fd(::openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    DIR *dir = fd.valid() ? ::fdopendir(fd.get()) : nullptr;
    if (!dir)
        return entries;
    fd.release(); // closedir owns it now
    while (const dirent *e = ::readdir(dir)) {
        if (e->d_name[0] == '.')
            continue;
        struct stat st
        {};
        const bool isDir = ::fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
        entries.push_back({e->d_name, isDir});
        if (entries.size() > kMaxEntries)
            break;
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end());
    return entries;
}

std::vector<std::string> linesFor(int dirfd, const std::string &prefix, const Entry &entry)
{
    std::vector<std::string> lines{prefix + entry.name + (entry.isDir ? "/" : "")};
    if (!entry.isDir)
        return lines;
    const UniqueFd sub(::openat(dirfd, entry.name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (sub.valid()) {
        for (const Entry &child : readEntries(sub.get()))
            lines.push_back(lines.front() + child.name + (child.isDir ? "/" : ""));
    }
    return lines;
}

} // namespace

std::string listTwoLevels(int dirfd, const std::string &shownPath, std::size_t maxBytes)
{
    std::string out =
            "Here are the files and directories up to 2 levels deep in " + shownPath + ", excluding hidden items:\n";
    std::size_t shown = 0;
    for (const Entry &entry : readEntries(dirfd)) {
        for (const std::string &line : linesFor(dirfd, shownPath + "/", entry)) {
            if (shown == kMaxEntries || out.size() + line.size() + 1 > maxBytes)
                return out + "[hako: listing truncated after " + std::to_string(shown) + " entries]\n";
            out += line + "\n";
            ++shown;
        }
    }
    return out;
}

} // namespace hako::agent
