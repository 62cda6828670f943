// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) for the agent's proof of
// its key. The agent is linked statically without OpenSSL, and this is all of
// cryptography it needs; the host computes the same with Qt and compares.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hako::agent {

using Digest = std::array<unsigned char, 32>;

class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    // Pads and returns the digest; the object is spent afterwards.
    Digest finish();

private:
    void compress(const unsigned char *block);

    std::array<std::uint32_t, 8> state_;
    std::array<unsigned char, 64> block_{};
    std::size_t used_ = 0;
    std::uint64_t bytes_ = 0;
};

Digest sha256(std::string_view data);
Digest hmacSha256(std::string_view key, std::string_view message);

} // namespace hako::agent
