#include "secretbuffer.h"

#include "proxylog.h"

#include <openssl/crypto.h>

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

namespace hako::proxy {

std::shared_ptr<const SecretBuffer> SecretBuffer::create(QByteArrayView bytes)
{
    std::shared_ptr<SecretBuffer> buffer(new SecretBuffer);
    const auto page = size_t(sysconf(_SC_PAGESIZE));
    buffer->m_mapped = (size_t(bytes.size()) / page + 1) * page;
    void *p = mmap(nullptr, buffer->m_mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return nullptr;
    buffer->m_data = static_cast<char *>(p);
    buffer->m_locked = mlock(p, buffer->m_mapped) == 0;
    madvise(p, buffer->m_mapped, MADV_DONTDUMP);
    if (!buffer->m_locked)
        qCWarning(lcProxy, "could not lock secret memory (RLIMIT_MEMLOCK); it may be swapped");
    memcpy(buffer->m_data, bytes.data(), size_t(bytes.size()));
    buffer->m_size = bytes.size();
    return buffer;
}

SecretBuffer::~SecretBuffer()
{
    OPENSSL_cleanse(m_data, m_mapped);
    if (m_locked)
        munlock(m_data, m_mapped);
    munmap(m_data, m_mapped);
}

QByteArrayView SecretBuffer::view() const
{
    return QByteArrayView(m_data, m_size);
}

bool SecretBuffer::isLocked() const
{
    return m_locked;
}

void cleanse(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size())); // data() detaches: only our copy
    bytes.clear();
}

} // namespace hako::proxy
