#include "sha256.h"

// The SHA256_* functions are deprecated in OpenSSL 3 in favour of EVP, which
// is what this file avoids on purpose (see the header).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cstring>

namespace hako::proxy::sha256 {

namespace {

constexpr int kBlock = 64;

struct Prepared
{
    SHA256_CTX inner; // after key ^ ipad
    SHA256_CTX outer; // after key ^ opad
};
static_assert(sizeof(Prepared) == kPreparedSize, "kPreparedSize must match OpenSSL's SHA256_CTX");

void update(SHA256_CTX *ctx, QByteArrayView data)
{
    if (!data.isEmpty()) // an empty view may carry a null pointer
        SHA256_Update(ctx, data.data(), size_t(data.size()));
}

void prepare(QByteArrayView key, Prepared *p)
{
    unsigned char block[kBlock] = {};
    if (key.size() > kBlock)
        digest(key, block);
    else if (!key.isEmpty())
        memcpy(block, key.data(), size_t(key.size()));
    unsigned char pad[kBlock];
    for (int i = 0; i < kBlock; ++i)
        pad[i] = block[i] ^ 0x36;
    SHA256_Init(&p->inner);
    SHA256_Update(&p->inner, pad, kBlock);
    for (int i = 0; i < kBlock; ++i)
        pad[i] = block[i] ^ 0x5c;
    SHA256_Init(&p->outer);
    SHA256_Update(&p->outer, pad, kBlock);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
}

// The states are copied byte-wise: stored ones need not be aligned. Final()
// leaves only a finished state in the copy, from which the padded key cannot
// be recovered, and wipes the copy's block buffer itself.
void finish(const void *inner, const void *outer, QByteArrayView data, unsigned char *out)
{
    SHA256_CTX ctx;
    memcpy(&ctx, inner, sizeof ctx);
    update(&ctx, data);
    unsigned char innerDigest[kSize];
    SHA256_Final(innerDigest, &ctx);
    memcpy(&ctx, outer, sizeof ctx);
    SHA256_Update(&ctx, innerDigest, kSize);
    SHA256_Final(out, &ctx);
}

} // namespace

void digest(QByteArrayView data, unsigned char *out)
{
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    update(&ctx, data);
    SHA256_Final(out, &ctx);
}

void hmac(QByteArrayView key, QByteArrayView data, unsigned char *out)
{
    Prepared p;
    prepare(key, &p);
    finish(&p.inner, &p.outer, data, out);
    OPENSSL_cleanse(&p, sizeof p);
}

void prepareHmac(QByteArrayView key, char *prepared)
{
    Prepared p;
    prepare(key, &p);
    memcpy(prepared, &p, sizeof p);
    OPENSSL_cleanse(&p, sizeof p);
}

void hmacPrepared(const char *prepared, QByteArrayView data, unsigned char *out)
{
    finish(prepared, prepared + sizeof(SHA256_CTX), data, out);
}

void writeHex(const unsigned char *digest, char *out)
{
    static constexpr char kHexDigits[] = "0123456789abcdef";
    for (int i = 0; i < kSize; ++i) {
        *out++ = kHexDigits[digest[i] >> 4];
        *out++ = kHexDigits[digest[i] & 0xF];
    }
}

} // namespace hako::proxy::sha256
