#include "enginefacts.h"

#include "../engine/containerengine.h"

namespace hako {
namespace {

constexpr int kProbeTimeoutMs = 10000;

} // namespace

EngineFacts::EngineFacts(ContainerEngine *engine, uint containerUid) : m_engine(engine), m_containerUid(containerUid) {}

void EngineFacts::whenKnown(QObject *receiver, std::function<void()> then)
{
    if (m_known || !m_engine)
        return then();
    m_engine->probe(kProbeTimeoutMs, receiver, [this, then](const Error &error, const EngineInfo &info) {
        if (!error && info.known) {
            m_known = true;
            m_userns = info.userns;
            m_remapRootUid = info.remapRootUid;
        }
        then();
    });
}

uint EngineFacts::containerHostUid() const
{
    if (m_userns && m_remapRootUid > 0)
        return uint(m_remapRootUid) + m_containerUid;
    return m_containerUid;
}

} // namespace hako
