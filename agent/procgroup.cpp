#include "procgroup.h"

#include "fd.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <optional>
#include <string>
#include <unistd.h>

namespace hako::agent {

namespace {

// The process group of `pid` from /proc/<pid>/stat, or -1 when it is gone.
// The command name may contain anything, ')' included, so fields are counted
// from the last ')'.
pid_t groupOf(int procFd, const char *pid)
{
    char path[48];
    std::snprintf(path, sizeof path, "%s/stat", pid);
    UniqueFd fd(::openat(procFd, path, O_RDONLY | O_CLOEXEC));
    char text[512];
    const ssize_t n = fd.valid() ? readSome(fd.get(), text, sizeof text - 1) : -1;
    if (n <= 0)
        return -1;
    text[n] = '\0';
    const char *p = std::strrchr(text, ')');
    int field = 2; // p points at the end of field 2, the command name
    while (p && field < 5) {
        p = std::strchr(p + 1, ' ');
        ++field;
    }
    return p ? static_cast<pid_t>(std::strtol(p + 1, nullptr, 10)) : -1;
}

// Whether `visit` holds for one of the direct children of the single-threaded
// process `pid`, from its one task's list; nullopt where the kernel keeps no list.
template<typename Visit>
std::optional<bool> anyChild(pid_t pid, Visit visit)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/task/%d/children", int(pid), int(pid));
    UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return std::nullopt;
    // Read whole, whatever its length: a pid cut in two between reads would be misread.
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = readSome(fd.get(), buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(n));
    for (const char *p = text.c_str(); *p;) {
        char *end = nullptr;
        const long child = std::strtol(p, &end, 10);
        if (end == p)
            break;
        if (visit(static_cast<pid_t>(child)))
            return true;
        p = end;
    }
    return false;
}

// Calls `visit(pid)` for every process in `pgid` except `keep`; returns how many.
template<typename Visit>
int forEachOther(pid_t pgid, pid_t keep, Visit visit)
{
    DIR *dir = ::opendir("/proc");
    if (!dir)
        return 0;
    int count = 0;
    while (const dirent *entry = ::readdir(dir)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (*end != '\0' || pid <= 1 || pid == keep)
            continue;
        if (groupOf(::dirfd(dir), entry->d_name) == pgid) {
            visit(static_cast<pid_t>(pid));
            ++count;
        }
    }
    ::closedir(dir);
    return count;
}

} // namespace

bool groupHasOthers(pid_t pgid, pid_t keep)
{
    const auto member = [pgid, keep](pid_t pid) {
        char dir[32];
        std::snprintf(dir, sizeof dir, "/proc/%d", int(pid));
        return pid != keep && groupOf(AT_FDCWD, dir) == pgid;
    };
    const auto own = anyChild(keep, member);
    const auto orphans = own == std::optional<bool>(true) ? own : anyChild(::getpid(), member);
    if (own && orphans)
        return *own || *orphans;
    return forEachOther(pgid, keep, [](pid_t) {}) > 0;
}

void killGroupExcept(pid_t pgid, pid_t keep)
{
    if (pgid <= 1 || ::kill(-pgid, SIGSTOP) != 0)
        return;
    forEachOther(pgid, keep, [](pid_t pid) { ::kill(pid, SIGKILL); });
    ::kill(keep, SIGCONT);
}

} // namespace hako::agent
