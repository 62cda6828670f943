#include "hmac.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

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

void compressPortable(std::uint32_t *state, const unsigned char *p)
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
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
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
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}

#if defined(__x86_64__)
// Intel's SHA extensions: sha256rnds2 does two rounds on the state kept as
// ABEF/CDGH, sha256msg1/msg2 extend the message schedule four words at a time.
__attribute__((target("sha,sse4.1"))) void compressShaNi(std::uint32_t *state, const unsigned char *p,
                                                         std::size_t count)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i *>(state));
    __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i *>(state + 4));
    dcba = _mm_shuffle_epi32(dcba, 0xB1);             // CDAB
    hgfe = _mm_shuffle_epi32(hgfe, 0x1B);             // EFGH
    __m128i abef = _mm_alignr_epi8(dcba, hgfe, 8);    // ABEF
    __m128i cdgh = _mm_blend_epi16(hgfe, dcba, 0xF0); // CDGH
    for (; count > 0; --count, p += kBlock) {
        const __m128i abefStart = abef;
        const __m128i cdghStart = cdgh;
        __m128i w[4];
        for (int i = 0; i < 4; ++i)
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * i)), byteSwap);
#pragma GCC unroll 16
        for (int i = 0; i < 16; ++i) {
            // Rounds 4i..4i+3 with words 4i..4i+3, held in w[i % 4].
            __m128i wk = _mm_add_epi32(w[i & 3], _mm_loadu_si128(reinterpret_cast<const __m128i *>(kRound + 4 * i)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            wk = _mm_shuffle_epi32(wk, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);
            // Words 4i+16..4i+19 replace the ones just used:
            // W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16].
            if (i < 12) {
                const __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]),
                                                _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
                w[i & 3] = _mm_sha256msg2_epu32(t, w[(i + 3) & 3]);
            }
        }
        abef = _mm_add_epi32(abef, abefStart);
        cdgh = _mm_add_epi32(cdgh, cdghStart);
    }
    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);                                       // FEBA
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);                                       // DCHG
    _mm_storeu_si128(reinterpret_cast<__m128i *>(state), _mm_blend_epi16(feba, dchg, 0xF0));  // DCBA
    _mm_storeu_si128(reinterpret_cast<__m128i *>(state + 4), _mm_alignr_epi8(dchg, feba, 8)); // HGFE
}

// CPUID itself: clang's __builtin_cpu_supports does not know "sha".
bool cpuHasSha()
{
    unsigned a, b, c, d;
    const bool sse41 = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_1);
    return sse41 && __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}

bool g_useShaNi = cpuHasSha();
#else
bool g_useShaNi = false;
#endif

} // namespace

bool Sha256::useCpuExtensions(bool wanted)
{
#if defined(__x86_64__)
    g_useShaNi = wanted && cpuHasSha();
#else
    (void)wanted;
#endif
    return g_useShaNi;
}

Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
{}

void Sha256::compress(const unsigned char *blocks, std::size_t count)
{
#if defined(__x86_64__)
    if (g_useShaNi) {
        compressShaNi(state_.data(), blocks, count);
        return;
    }
#endif
    for (; count > 0; --count, blocks += kBlock)
        compressPortable(state_.data(), blocks);
}

void Sha256::update(std::string_view data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    std::size_t left = data.size();
    bytes_ += left;
    while (left > 0) {
        // Whole blocks straight from the input: a payload is not copied first.
        if (used_ == 0 && left >= kBlock) {
            const std::size_t blocks = left / kBlock;
            compress(p, blocks);
            p += blocks * kBlock;
            left -= blocks * kBlock;
            continue;
        }
        const std::size_t n = std::min(left, kBlock - used_);
        std::memcpy(block_.data() + used_, p, n);
        used_ += n;
        p += n;
        left -= n;
        if (used_ == kBlock) {
            compress(block_.data(), 1);
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

FrameTagger::FrameTagger(const Digest &sessionKey, char direction) : keyed_(view(sessionKey)), direction_(direction) {}

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
