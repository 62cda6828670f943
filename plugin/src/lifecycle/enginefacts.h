// What the engine says about itself that decides who owns a container's host
// directories: under userns-remap the container's users are other host users,
// and its workspace and agent directory are prepared for them. Asked once
// (`docker info`) before the first container of a configuration is made.
#pragma once

#include <QObject>

#include <functional>

namespace hako {

class ContainerEngine;

class EngineFacts final
{
public:
    // `engine` may be null (nothing to ask: the defaults hold).
    EngineFacts(ContainerEngine *engine, uint containerUid);

    // Calls `then` once the facts are known; when the engine does not answer,
    // `then` runs with the defaults and the next caller asks again. Receivers
    // must not outlive this object.
    void whenKnown(QObject *receiver, std::function<void()> then);

    // The host uid of the container's user: its uid inside, shifted by the remap under userns-remap.
    uint containerHostUid() const;

private:
    ContainerEngine *m_engine;
    uint m_containerUid;
    bool m_known = false;
    bool m_userns = false;   // rootful docker with userns-remap
    int m_remapRootUid = -1; // host uid of container root under userns-remap
};

} // namespace hako
