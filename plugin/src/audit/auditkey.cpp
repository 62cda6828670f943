#include "auditkey.h"

#include "../../../agent/fd.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hako::audit {
namespace {

using agent::UniqueFd;

// A PEM Ed25519 private key is about 120 bytes.
constexpr qsizetype kMaxKeyFileBytes = 4096;

QString systemError(const char *what)
{
    return QString::fromLatin1(what) + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
}

// Owned by this user, of the expected type, and closed to everyone else.
QString checkPrivate(int fd, mode_t type, const char *what)
{
    struct stat st
    {};
    if (::fstat(fd, &st) != 0)
        return systemError(what);
    if ((st.st_mode & S_IFMT) != type || st.st_uid != ::geteuid() || (st.st_mode & 077) != 0)
        return QString::fromLatin1(what)
               + QStringLiteral(" must belong to this user alone (owner only, no group or other access)");
    return {};
}

QByteArray toPem(EVP_PKEY *key, bool privateKey)
{
    BIO *bio = BIO_new(BIO_s_mem());
    const int ok = privateKey ? PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr)
                              : PEM_write_bio_PUBKEY(bio, key);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem = ok == 1 ? QByteArray(data, int(size)) : QByteArray();
    BIO_free(bio);
    return pem;
}

PKey fromPem(const QByteArray &pem, bool privateKey)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    PKey key(privateKey ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr)
                        : PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    if (key && EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        key.reset();
    return key;
}

QString keyId(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int size = i2d_PUBKEY(key, &der);
    if (size <= 0)
        return {};
    const QByteArray digest =
            QCryptographicHash::hash(QByteArray(reinterpret_cast<char *>(der), size), QCryptographicHash::Sha256);
    OPENSSL_free(der);
    return QString::fromLatin1(digest.toHex().left(16));
}

QString readKey(int dirFd, const QByteArray &name, PKey *key)
{
    UniqueFd fd(::openat(dirFd, name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.valid())
        return systemError("the key file cannot be opened");
    if (QString problem = checkPrivate(fd.get(), S_IFREG, "the key file"); !problem.isEmpty())
        return problem;
    QByteArray pem(kMaxKeyFileBytes, '\0');
    const ssize_t got = agent::readSome(fd.get(), pem.data(), std::size_t(pem.size()));
    pem.resize(got > 0 ? got : 0);
    *key = fromPem(pem, true);
    return *key ? QString() : QStringLiteral("the key file does not hold an Ed25519 private key in PEM");
}

// O_EXCL: when another process of the host creates it first, its key is the one read back.
QString createKey(int dirFd, const QByteArray &name, PKey *key)
{
    PKey fresh(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    const QByteArray pem = fresh ? toPem(fresh.get(), true) : QByteArray();
    if (pem.isEmpty())
        return QStringLiteral("no Ed25519 key could be generated");
    UniqueFd fd(::openat(dirFd, name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.valid())
        return errno == EEXIST ? readKey(dirFd, name, key) : systemError("the key file cannot be created");
    if (!agent::writeAll(fd.get(), pem.constData(), std::size_t(pem.size())) || ::fsync(fd.get()) != 0)
        return systemError("the key file cannot be written");
    *key = std::move(fresh);
    return {};
}

} // namespace

void PKeyDeleter::operator()(EVP_PKEY *key) const
{
    EVP_PKEY_free(key);
}

QString SigningKey::loadOrCreate(const QString &path)
{
    const QFileInfo info(path);
    const QByteArray dir = QFile::encodeName(info.absolutePath());
    const QByteArray name = QFile::encodeName(info.fileName());
    QDir().mkpath(QFileInfo(info.absolutePath()).absolutePath());
    if (::mkdir(dir.constData(), 0700) != 0 && errno != EEXIST)
        return systemError("the key directory cannot be created");
    UniqueFd dirFd(::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dirFd.valid())
        return systemError("the key directory cannot be opened");
    if (QString problem = checkPrivate(dirFd.get(), S_IFDIR, "the key directory"); !problem.isEmpty())
        return problem;
    PKey key;
    const QString problem = ::faccessat(dirFd.get(), name.constData(), F_OK, AT_SYMLINK_NOFOLLOW) == 0
                                    ? readKey(dirFd.get(), name, &key)
                                    : createKey(dirFd.get(), name, &key);
    if (problem.isEmpty())
        m_key = std::move(key);
    return problem;
}

QByteArray SigningKey::sign(const QByteArray &message) const
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    QByteArray signature(64, '\0');
    size_t size = std::size_t(signature.size());
    const bool ok =
            ctx && EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, m_key.get()) == 1
            && EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &size,
                              reinterpret_cast<const unsigned char *>(message.constData()), std::size_t(message.size()))
                       == 1;
    EVP_MD_CTX_free(ctx);
    return ok ? signature.left(qsizetype(size)) : QByteArray();
}

QByteArray SigningKey::publicKeyPem() const
{
    return m_key ? toPem(m_key.get(), false) : QByteArray();
}

QString SigningKey::id() const
{
    return m_key ? keyId(m_key.get()) : QString();
}

QString PublicKey::loadPem(const QByteArray &pem)
{
    m_key = fromPem(pem, false);
    return m_key ? QString() : QStringLiteral("not an Ed25519 public key in PEM");
}

bool PublicKey::verify(const QByteArray &message, const QByteArray &signature) const
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok = ctx && m_key && EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, m_key.get()) == 1
                    && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()),
                                        std::size_t(signature.size()),
                                        reinterpret_cast<const unsigned char *>(message.constData()),
                                        std::size_t(message.size()))
                               == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

QString PublicKey::id() const
{
    return m_key ? keyId(m_key.get()) : QString();
}

} // namespace hako::audit
