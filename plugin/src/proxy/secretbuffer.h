// Bytes that must not reach swap, a core dump or freed heap: page-aligned
// anonymous memory, mlock()ed and excluded from dumps, cleansed with
// OPENSSL_cleanse before it is unmapped. Immutable once created, shared by
// shared_ptr so signing never copies the secret.
#pragma once

#include <QByteArrayView>

#include <memory>

namespace hako::proxy {

class SecretBuffer
{
public:
    static std::shared_ptr<const SecretBuffer> create(QByteArrayView bytes);
    ~SecretBuffer();
    SecretBuffer(const SecretBuffer &) = delete;
    SecretBuffer &operator=(const SecretBuffer &) = delete;

    QByteArrayView view() const;
    bool isLocked() const; // false when RLIMIT_MEMLOCK refused mlock()

private:
    SecretBuffer() = default;
    char *m_data = nullptr;
    qsizetype m_size = 0;
    size_t m_mapped = 0;
    bool m_locked = false;
};

// Wipes a transient copy (e.g. a process's stdout) before it is freed.
void cleanse(QByteArray &bytes);

} // namespace hako::proxy
