// The Ed25519 key that signs the audit log's checkpoints, and its public half
// for verifiers. The private key is a PEM file its owner alone can read, in a
// directory its owner alone can enter; it is created there on first use and
// never read through a symlink, so whoever can edit the log cannot forge a
// signature without also being that owner (root, for a system host).
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

#include <openssl/types.h>

namespace hako::audit {

inline constexpr char kDefaultKeyFile[] = "/var/lib/hako/audit/signing.key";

struct PKeyDeleter
{
    void operator()(EVP_PKEY *key) const;
};
using PKey = std::unique_ptr<EVP_PKEY, PKeyDeleter>;

class SigningKey
{
public:
    // Loads the key at `path`, creating it (and its directory, 0700) when there
    // is none. Empty on success, else why not, in plain English.
    QString loadOrCreate(const QString &path);
    bool isLoaded() const { return m_key != nullptr; }
    QByteArray sign(const QByteArray &message) const; // empty on failure
    QByteArray publicKeyPem() const;
    QString id() const;

private:
    PKey m_key;
};

class PublicKey
{
public:
    // An Ed25519 public key in PEM; empty on success, else why not.
    QString loadPem(const QByteArray &pem);
    bool verify(const QByteArray &message, const QByteArray &signature) const;
    // The first 16 hex digits of SHA-256 over the key's DER form, as checkpoints name it.
    QString id() const;

private:
    PKey m_key;
};

} // namespace hako::audit
