#include "agentproof.h"

#include "policy/errors.h"

#include <hako/protocol/wire.h>

#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako {
namespace {

constexpr QByteArrayView kKeyContext = "hako-agent-key-v1";
constexpr qsizetype kSecretBytes = 32;
constexpr qsizetype kNonceBytes = 16;

QByteArray randomBytes(qsizetype count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator *random = QRandomGenerator::system();
    for (qsizetype i = 0; i < count; ++i)
        bytes[i] = char(random->bounded(256));
    return bytes;
}

// QByteArray::fromHex skips what is not a digit; this refuses it instead.
bool decodeLowerHex(const QByteArray &hex, qsizetype bytes, QByteArray *out)
{
    if (hex.size() != 2 * bytes)
        return false;
    for (const char c : hex)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    *out = QByteArray::fromHex(hex);
    return true;
}

QString describeErrno(const char *what)
{
    return QString::fromLatin1(what) + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
}

// The secret as found at `path`; nothing (and no error) when there is no file yet.
QByteArray readSecret(const QByteArray &path, Error *error)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno != ENOENT)
            *error = makeError(ErrorCode::HostIo, {QFile::decodeName(path)},
                               errno == ELOOP ? QStringLiteral("the agent secret is a symbolic link")
                                              : describeErrno("open"));
        return {};
    }
    QString problem;
    QByteArray secret(kSecretBytes + 1, '\0');
    struct stat st
    {};
    if (::fstat(fd, &st) != 0)
        problem = describeErrno("fstat");
    else if (!S_ISREG(st.st_mode))
        problem = QStringLiteral("the agent secret is not a regular file");
    else if (st.st_uid != ::geteuid())
        problem = QStringLiteral("the agent secret belongs to uid %1, not %2").arg(st.st_uid).arg(::geteuid());
    else if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        problem = QStringLiteral("the agent secret has mode %1; only its owner may use it")
                          .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
    else if (const ssize_t n = ::read(fd, secret.data(), size_t(secret.size())); n != kSecretBytes)
        problem = n < 0 ? describeErrno("read")
                        : QStringLiteral("the agent secret is not %1 bytes long").arg(kSecretBytes);
    ::close(fd);
    if (!problem.isEmpty()) {
        *error = makeError(ErrorCode::HostIo, {QFile::decodeName(path)}, problem);
        return {};
    }
    secret.truncate(kSecretBytes);
    return secret;
}

// Writes a fresh secret under a name of its own and links it into place;
// false only when that could not be tried. Losing the race is no failure:
// the caller reads whichever secret won.
bool offerSecret(const QByteArray &path, Error *error)
{
    const QByteArray candidate = path + '.' + randomBytes(8).toHex();
    const int fd = ::open(candidate.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = makeError(ErrorCode::HostIo, {QFile::decodeName(candidate)}, describeErrno("create"));
        return false;
    }
    const QByteArray secret = randomBytes(kSecretBytes);
    const bool written = ::fchmod(fd, 0600) == 0
                         && ::write(fd, secret.constData(), size_t(secret.size())) == kSecretBytes && ::fsync(fd) == 0;
    const QString writeProblem = written ? QString() : describeErrno("write");
    ::close(fd);
    const bool linked = written && (::link(candidate.constData(), path.constData()) == 0 || errno == EEXIST);
    const QString linkProblem = written && !linked ? describeErrno("link") : QString();
    ::unlink(candidate.constData());
    if (!linked)
        *error = makeError(ErrorCode::HostIo, {QFile::decodeName(path)}, written ? linkProblem : writeProblem);
    return linked;
}

// HMAC-SHA256(key, context || challenge) over the decoded bytes: the proof
// and the session key differ only in the context. Empty when either hex is malformed.
QByteArray challengeMac(std::string_view context, const QByteArray &keyHex, const QByteArray &challengeHex)
{
    QByteArray key, challenge;
    if (!decodeLowerHex(keyHex, qsizetype(proto::kKeyBytes), &key)
        || !decodeLowerHex(challengeHex, qsizetype(proto::kChallengeBytes), &challenge))
        return {};
    const QByteArray message = QByteArray(context.data(), qsizetype(context.size())) + challenge;
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

} // namespace

QByteArray newAgentKeyNonce()
{
    return randomBytes(kNonceBytes).toHex();
}

bool isAgentKeyNonce(const QByteArray &nonce)
{
    QByteArray bytes;
    return decodeLowerHex(nonce, kNonceBytes, &bytes);
}

QByteArray agentKey(const QByteArray &hostSecret, const QByteArray &nonce)
{
    return QMessageAuthenticationCode::hash(kKeyContext.toByteArray() + nonce, hostSecret, QCryptographicHash::Sha256)
            .toHex();
}

QByteArray newChallenge()
{
    return randomBytes(qsizetype(proto::kChallengeBytes)).toHex();
}

bool proofMatches(const QByteArray &keyHex, const QByteArray &challengeHex, const QByteArray &proofHex)
{
    QByteArray proof;
    const QByteArray expected = challengeMac(proto::kProofContext, keyHex, challengeHex);
    return !expected.isEmpty() && decodeLowerHex(proofHex, qsizetype(proto::kProofBytes), &proof)
           && CRYPTO_memcmp(expected.constData(), proof.constData(), size_t(expected.size())) == 0;
}

QByteArray sessionKey(const QByteArray &keyHex, const QByteArray &challengeHex)
{
    return challengeMac(proto::kSessionContext, keyHex, challengeHex);
}

FrameTagger::FrameTagger(const QByteArray &sessionKey, char direction) : m_direction(direction)
{
    EVP_MAC *hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    m_mac = hmac ? EVP_MAC_CTX_new(hmac) : nullptr;
    EVP_MAC_free(hmac); // the context keeps its own reference
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    const auto *key = reinterpret_cast<const unsigned char *>(sessionKey.constData());
    // Without a working HMAC next() gives no tag, and no frame passes either way.
    if (m_mac && !EVP_MAC_init(m_mac, key, size_t(sessionKey.size()), params)) {
        EVP_MAC_CTX_free(m_mac);
        m_mac = nullptr;
    }
}

FrameTagger::~FrameTagger()
{
    EVP_MAC_CTX_free(m_mac);
}

QByteArray FrameTagger::next(const char *header, const QByteArray &payload)
{
    unsigned char prefix[proto::kTagPrefixSize];
    proto::writeTagPrefix(prefix, m_direction, m_sequence++);
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t length = 0;
    // A null key starts a new message under the key given at construction.
    const bool ok = m_mac && EVP_MAC_init(m_mac, nullptr, 0, nullptr) && EVP_MAC_update(m_mac, prefix, sizeof prefix)
                    && EVP_MAC_update(m_mac, reinterpret_cast<const unsigned char *>(header), proto::kHeaderSize)
                    && EVP_MAC_update(m_mac, reinterpret_cast<const unsigned char *>(payload.constData()),
                                      size_t(payload.size()))
                    && EVP_MAC_final(m_mac, mac, &length, sizeof mac);
    if (!ok || length < proto::kTagBytes)
        return {};
    return QByteArray(reinterpret_cast<const char *>(mac), qsizetype(proto::kTagBytes));
}

bool FrameTagger::matches(const char *header, const QByteArray &payload, const char *tag)
{
    const QByteArray expected = next(header, payload);
    return expected.size() == qsizetype(proto::kTagBytes)
           && CRYPTO_memcmp(expected.constData(), tag, proto::kTagBytes) == 0;
}

Error loadOrCreateHostSecret(const QString &runtimeDir, QByteArray *secret)
{
    const QByteArray path = QFile::encodeName(runtimeDir + QStringLiteral("/agent-secret"));
    if (!QDir().mkpath(runtimeDir)) {
        secret->clear();
        return makeError(ErrorCode::HostIo, {runtimeDir});
    }
    Error error;
    *secret = readSecret(path, &error);
    if (!secret->isEmpty() || error || !offerSecret(path, &error))
        return error;
    *secret = readSecret(path, &error);
    if (secret->isEmpty() && !error) // removed between the link and the read
        error = makeError(ErrorCode::HostIo, {QFile::decodeName(path)}, QStringLiteral("the agent secret vanished"));
    return error;
}

} // namespace hako
