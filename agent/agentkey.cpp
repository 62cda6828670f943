#include "agentkey.h"

#include "hmac.h"

#include <cstdlib>
#include <cstring>

extern char **environ;

namespace hako::agent {

namespace {

int nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Through a volatile pointer, so the compiler cannot drop the stores as dead.
void wipe(char *p, std::size_t n)
{
    volatile char *v = p;
    for (std::size_t i = 0; i < n; ++i)
        v[i] = 0;
}

} // namespace

bool decodeHex(std::string_view hex, unsigned char *out, std::size_t bytes)
{
    if (hex.size() != 2 * bytes)
        return false;
    for (std::size_t i = 0; i < bytes; ++i) {
        const int hi = nibble(hex[2 * i]);
        const int lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = static_cast<unsigned char>(hi << 4 | lo);
    }
    return true;
}

std::string encodeHex(const unsigned char *data, std::size_t bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string hex(2 * bytes, '\0');
    for (std::size_t i = 0; i < bytes; ++i) {
        hex[2 * i] = digits[data[i] >> 4];
        hex[2 * i + 1] = digits[data[i] & 0xf];
    }
    return hex;
}

std::optional<Failure> takeAgentKey(AgentKey &key)
{
    const std::string_view name = proto::kAgentKeyEnv;
    bool found = false;
    bool valid = false;
    // Every entry, not only the first getenv() would find: a duplicate left
    // behind would still be in the block.
    for (char **e = environ; e && *e; ++e) {
        if (std::strncmp(*e, name.data(), name.size()) != 0 || (*e)[name.size()] != '=')
            continue;
        char *value = *e + name.size() + 1;
        const std::size_t length = std::strlen(value);
        if (!found)
            valid = decodeHex({value, length}, key.data(), key.size());
        found = true;
        wipe(value, length);
    }
    ::unsetenv(proto::kAgentKeyEnv);
    if (valid)
        return std::nullopt;
    wipe(reinterpret_cast<char *>(key.data()), key.size());
    if (!found)
        return Failure{proto::code::BadRequest,
                       std::string(name) + " is not set; the agent does not run without its key"};
    return Failure{proto::code::BadRequest,
                   std::string(name) + " is not " + std::to_string(proto::kKeyHexChars)
                           + " lowercase hex digits; the agent does not run without a valid key"};
}

std::optional<std::string> proveKey(const AgentKey &key, std::string_view challengeHex)
{
    unsigned char challenge[proto::kChallengeBytes];
    if (!decodeHex(challengeHex, challenge, sizeof challenge))
        return std::nullopt;
    std::string message(proto::kProofContext);
    message.append(reinterpret_cast<const char *>(challenge), sizeof challenge);
    const Digest proof = hmacSha256({reinterpret_cast<const char *>(key.data()), key.size()}, message);
    return encodeHex(proof.data(), proof.size());
}

} // namespace hako::agent
