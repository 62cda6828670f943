// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) for the agent's proof of
// its key and the tags of its frames. The agent is linked statically without
// OpenSSL, and this is all of cryptography it needs; the host computes the
// same (the proof with Qt, the tags with OpenSSL) and compares.
#pragma once

#include <hako/protocol/wire.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hako::agent {

using Digest = std::array<unsigned char, 32>;

class Sha256
{
public:
    Sha256();
    void update(std::string_view data);
    // Pads and returns the digest; the object is spent afterwards.
    Digest finish();

    // Whether blocks go through the CPU's SHA extensions, where it has them
    // (x86-64 SHA-NI: about six times the portable code's 250 MB/s, which
    // frame tags pay for every byte of a transfer). Turning them off is for
    // tests of the portable code; the answer is whether they are in use.
    static bool useCpuExtensions(bool wanted);

private:
    void compress(const unsigned char *blocks, std::size_t count);

    std::array<std::uint32_t, 8> state_;
    std::array<unsigned char, 64> block_{};
    std::size_t used_ = 0;
    std::uint64_t bytes_ = 0;
};

// HMAC-SHA256 fed in pieces. A keyed object can be copied before update() to
// reuse the key's two padded blocks, already hashed, for many messages.
class HmacSha256
{
public:
    explicit HmacSha256(std::string_view key);
    void update(std::string_view data) { inner_.update(data); }
    // The object is spent afterwards.
    Digest finish();

private:
    Sha256 inner_;
    Sha256 outer_;
};

Digest sha256(std::string_view data);
Digest hmacSha256(std::string_view key, std::string_view message);

using Tag = std::array<unsigned char, proto::kTagBytes>;

// HMAC-SHA256(key, proto::kSessionContext || challenge): the key of one
// connection's frame tags (hako/protocol/wire.h, "Frame tags").
Digest sessionKey(std::string_view key, std::string_view challenge);

// The tags of one direction of a connection, in sequence.
class FrameTagger
{
public:
    FrameTagger(const Digest &sessionKey, char direction);
    // The tag of the next frame; `header` is its kHeaderSize bytes as sent.
    Tag next(const unsigned char *header, std::string_view payload);

private:
    HmacSha256 keyed_;
    char direction_;
    std::uint64_t sequence_ = 0;
};

// Compares in time independent of where they differ.
bool tagsEqual(const Tag &a, const unsigned char *b);

} // namespace hako::agent
