#include "hmac.h"

#include <algorithm>
#include <cstring>

namespace hako::agent {

namespace {

constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::size_t kBlock = 64;

std::uint32_t rotr(std::uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

std::string_view view(const Digest &d)
{
    return {reinterpret_cast<const char *>(d.data()), d.size()};
}

} // namespace

Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
{
}

void Sha256::compress(const unsigned char *p)
{
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = (std::uint32_t(p[4 * i]) << 24) | (std::uint32_t(p[4 * i + 1]) << 16)
               | (std::uint32_t(p[4 * i + 2]) << 8) | std::uint32_t(p[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
        const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    state_[5] += f;
    state_[6] += g;
    state_[7] += h;
}

void Sha256::update(std::string_view data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    std::size_t left = data.size();
    bytes_ += left;
    while (left > 0) {
        const std::size_t n = std::min(left, kBlock - used_);
        std::memcpy(block_.data() + used_, p, n);
        used_ += n;
        p += n;
        left -= n;
        if (used_ == kBlock) {
            compress(block_.data());
            used_ = 0;
        }
    }
}

Digest Sha256::finish()
{
    const std::uint64_t bits = bytes_ * 8;
    // 0x80, zeros up to 56 mod 64, then the message length in bits, big-endian.
    const unsigned char pad = 0x80;
    update({reinterpret_cast<const char *>(&pad), 1});
    static const unsigned char zeros[kBlock] = {};
    update({reinterpret_cast<const char *>(zeros), (kBlock + 56 - used_) % kBlock});
    unsigned char length[8];
    for (int i = 0; i < 8; ++i)
        length[i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
    update({reinterpret_cast<const char *>(length), sizeof length});
    Digest out;
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j)
            out[4 * i + j] = static_cast<unsigned char>(state_[i] >> (24 - 8 * j));
    return out;
}

Digest sha256(std::string_view data)
{
    Sha256 h;
    h.update(data);
    return h.finish();
}

HmacSha256::HmacSha256(std::string_view key)
{
    // Keys longer than a block are hashed first (RFC 2104 section 2).
    unsigned char padded[kBlock] = {};
    if (key.size() > kBlock) {
        const Digest hashed = sha256(key);
        std::memcpy(padded, hashed.data(), hashed.size());
    } else {
        std::memcpy(padded, key.data(), key.size());
    }
    unsigned char ipad[kBlock], opad[kBlock];
    for (std::size_t i = 0; i < kBlock; ++i) {
        ipad[i] = padded[i] ^ 0x36;
        opad[i] = padded[i] ^ 0x5c;
    }
    inner_.update({reinterpret_cast<const char *>(ipad), kBlock});
    outer_.update({reinterpret_cast<const char *>(opad), kBlock});
    // The key's derivatives do not outlive the call on the stack.
    volatile unsigned char *wipe[] = {padded, ipad, opad};
    for (volatile unsigned char *p : wipe)
        for (std::size_t i = 0; i < kBlock; ++i)
            p[i] = 0;
}

Digest HmacSha256::finish()
{
    const Digest innerDigest = inner_.finish();
    outer_.update(view(innerDigest));
    return outer_.finish();
}

Digest hmacSha256(std::string_view key, std::string_view message)
{
    HmacSha256 mac(key);
    mac.update(message);
    return mac.finish();
}

Digest sessionKey(std::string_view key, std::string_view challenge)
{
    HmacSha256 mac(key);
    mac.update(proto::kSessionContext);
    mac.update(challenge);
    return mac.finish();
}

FrameTagger::FrameTagger(const Digest &sessionKey, char direction)
    : keyed_(view(sessionKey))
    , direction_(direction)
{
}

Tag FrameTagger::next(const unsigned char *header, std::string_view payload)
{
    unsigned char prefix[proto::kTagPrefixSize];
    proto::writeTagPrefix(prefix, direction_, sequence_++);
    HmacSha256 mac = keyed_;
    mac.update({reinterpret_cast<const char *>(prefix), sizeof prefix});
    mac.update({reinterpret_cast<const char *>(header), proto::kHeaderSize});
    mac.update(payload);
    const Digest digest = mac.finish();
    Tag tag;
    std::memcpy(tag.data(), digest.data(), tag.size());
    return tag;
}

bool tagsEqual(const Tag &a, const unsigned char *b)
{
    unsigned char differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        differ |= a[i] ^ b[i];
    return differ == 0;
}

} // namespace hako::agent
