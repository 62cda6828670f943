// SHA-256 and HMAC-SHA256 for the signer, through OpenSSL's SHA-256 functions
// rather than EVP: a signature hashes a few hundred bytes, and for inputs that
// short EVP's provider dispatch and context copies cost more than the hashing.
// The block function underneath is the same (SHA extensions where the CPU has
// them).
#pragma once

#include <QByteArrayView>

#include <cstddef>

namespace hako::proxy::sha256 {

inline constexpr int kSize = 32;

void digest(QByteArrayView data, unsigned char *out);
void hmac(QByteArrayView key, QByteArrayView data, unsigned char *out);

// An HMAC key with its two padded blocks already hashed, as plain bytes so
// that it can be kept in locked memory: each use then hashes only the message.
inline constexpr std::size_t kPreparedSize = 224;
void prepareHmac(QByteArrayView key, char *prepared);
void hmacPrepared(const char *prepared, QByteArrayView data, unsigned char *out);

// Lowercase hex of a digest, 2 * kSize characters.
void writeHex(const unsigned char *digest, char *out);

} // namespace hako::proxy::sha256
