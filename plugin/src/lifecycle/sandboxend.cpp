// How a Sandbox ends: its container removed (by name, and any pool container
// it claimed), its record, claim and socket directory gone, its workspace
// released or deleted.
#include "sandbox.h"

#include "../instanceconfig.h"
#include "../policy/errors.h"
#include "../proxy/credentialproxy.h"
#include "containerrecord.h"
#include "filelock.h"
#include "poolclaims.h"
#include "removalbatcher.h"
#include "socketdir.h"
#include "workspacestore.h"

namespace hako {

void Sandbox::destroy(bool deleteWorkspace, std::function<void(const Error &)> done)
{
    m_destroyDone = std::move(done);
    // A start in progress holds the conversation's lock and is making the
    // channel its callers wait for: the end waits for it to settle, then
    // removes what it made. (The destructor answers m_destroyDone first.)
    if (m_state == State::Starting) {
        m_waiters.append({this, [this, deleteWorkspace](const Error &, AgentChannel *) {
                              if (m_destroyDone)
                                  removeAll(deleteWorkspace, true);
                          }});
        return;
    }
    // A container running for a call is this conversation, even before the
    // engine lists it or the workspace exists.
    removeAll(deleteWorkspace, m_state != State::Idle);
}

void Sandbox::removeAll(bool deleteWorkspace, bool inUse)
{
    retireChannel();
    m_state = State::Idle;
    m_proxy.close(m_paths.proxySocket);
    FileLock::acquire(m_paths.lockPath, kLockBoundMs, this,
                      [this, deleteWorkspace, inUse](FileLock lock, FileLock::Result) {
        m_lock = std::move(lock);
        const QString runtimeDir = m_config.settings.runtimeDir;
        QStringList names = {containerName()};
        if (const QString claimed = poolclaims::read(runtimeDir, m_key); !claimed.isEmpty())
            names << claimed;
        m_removals.remove(names, this,
                          [this, runtimeDir, deleteWorkspace,
                           known = inUse || m_workspaces.exists(m_paths.workspaceDir)](const Error &error,
                                                                                       const QStringList &removed) {
            Q_EMIT containersRemoved(QStringLiteral("ended"), int(removed.size()));
            auto finish = [this](const Error &result) {
                m_lock = FileLock();
                if (m_destroyDone)
                    std::exchange(m_destroyDone, {})(result);
            };
            if (error)
                return finish(error);
            // Neither a container of this instance nor a workspace: nothing by that name here.
            if (removed.isEmpty() && !known)
                return finish(makeError(ErrorCode::ConversationNotFound));
            poolclaims::remove(runtimeDir, m_key);
            containerrecord::remove(runtimeDir, m_key);
            socketdir::remove(m_paths);
            if (deleteWorkspace)
                return m_workspaces.removeInBackground(m_paths.workspaceDir, this, finish);
            m_workspaces.release(m_paths.workspaceDir);
            finish({});
        });
    });
}

} // namespace hako
