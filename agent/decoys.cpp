#include "decoys.h"

#include "hmac.h"

#include <cerrno>
#include <ctime>
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako::agent {

namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kAlnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr long kDay = 24 * 3600;
// The canary's token and the files' age: the agent's alone, the host never needs them.
constexpr std::string_view kCanaryContext = "hako-decoy-canary-v1";

Digest derive(const AgentKey &key, std::string_view context)
{
    return hmacSha256({reinterpret_cast<const char *>(key.data()), key.size()}, context);
}

// Five bits a character: 10 bytes make 16.
std::string base32(const unsigned char *data, std::size_t bytes)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        buffer = (buffer << 8) | data[i];
        for (bits += 8; bits >= 5; bits -= 5)
            out += kBase32[(buffer >> (bits - 5)) & 31];
    }
    return out;
}

// Six bits a character: 30 bytes make 40, the length of an AWS secret key.
std::string base64(const unsigned char *data, std::size_t bytes)
{
    std::string out;
    for (std::size_t i = 0; i + 2 < bytes; i += 3) {
        const unsigned v = unsigned(data[i]) << 16 | unsigned(data[i + 1]) << 8 | data[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6)
            out += kBase64[(v >> shift) & 63];
    }
    return out;
}

struct DecoyFile
{
    const char *name; // beneath home
    std::string content;
};

// Written through descriptors, never following a link, as owner-only files
// (what `aws configure` and git's credential store make); never over a file
// that is there already, so that a home that is not the container's is left alone.
bool writeFile(int dirFd, const char *name, const std::string &content, const timespec times[2])
{
    UniqueFd fd(::openat(dirFd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    return fd.valid() && ::fchmod(fd.get(), 0600) == 0 && writeAll(fd.get(), content.data(), content.size())
           && ::futimens(fd.get(), times) == 0;
}

} // namespace

DecoyCredentials deriveDecoy(const AgentKey &key)
{
    const Digest id = derive(key, proto::kDecoyKeyIdContext);
    const Digest secret = derive(key, proto::kDecoySecretContext);
    return {"AKIA" + base32(id.data(), 10), base64(secret.data(), 30)};
}

std::optional<Failure> Decoys::plant(const AgentKey &key, const std::string &home)
{
    const DecoyCredentials aws = deriveDecoy(key);
    const Digest token = derive(key, kCanaryContext);
    std::string gitToken = "ghp_";
    for (std::size_t i = 0; i < 32; ++i)
        gitToken += kAlnum[token[i] % (sizeof kAlnum - 1)];
    // Between one and eleven months old, differing from container to container.
    const timespec when = {std::time(nullptr) - (30 + token[0] % 300) * kDay - token[1] * 337, 0};
    const timespec times[2] = {when, when};
    const DecoyFile files[] = {{".aws/credentials", "[default]\naws_access_key_id = " + aws.keyId
                                                            + "\naws_secret_access_key = " + aws.secretKey + "\n"},
                               {".aws/config", "[default]\nregion = us-east-1\noutput = json\n"},
                               {".env", "AWS_ACCESS_KEY_ID=" + aws.keyId + "\nAWS_SECRET_ACCESS_KEY=" + aws.secretKey
                                                + "\nAWS_DEFAULT_REGION=us-east-1\n"},
                               {".git-credentials", "https://build-bot:" + gitToken + "@github.com\n"}};
    UniqueFd homeFd(::open(home.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!homeFd.valid() || (::mkdirat(homeFd.get(), ".aws", 0755) != 0 && errno != EEXIST))
        return systemFailure(errno, home);
    UniqueFd awsDir(::openat(homeFd.get(), ".aws", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    inotify_.reset(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    if (!awsDir.valid() || !inotify_.valid())
        return systemFailure(errno, home + "/.aws");
    for (const DecoyFile &file : files) {
        const std::string name = file.name;
        const bool inAws = name.rfind(".aws/", 0) == 0;
        if (!writeFile(inAws ? awsDir.get() : homeFd.get(), name.c_str() + (inAws ? 5 : 0), file.content, times))
            return systemFailure(errno, home + "/" + name);
        // Only now: the agent's own writes are not a tool's reads.
        if (::inotify_add_watch(inotify_.get(), (home + "/" + name).c_str(), IN_OPEN | IN_ACCESS | IN_DONT_FOLLOW) < 0)
            return systemFailure(errno, home + "/" + name);
    }
    ::futimens(awsDir.get(), times);
    return std::nullopt;
}

bool Decoys::drain()
{
    alignas(inotify_event) char buffer[4096];
    bool opened = false;
    ssize_t n;
    while ((n = readSome(inotify_.get(), buffer, sizeof buffer)) > 0)
        for (ssize_t at = 0; at < n;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + at);
            opened = opened || (event->mask & (IN_OPEN | IN_ACCESS));
            at += ssize_t(sizeof(inotify_event) + event->len);
        }
    return opened;
}

} // namespace hako::agent
