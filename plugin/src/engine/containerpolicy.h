// What a conversation's container must look like, as plain data, and the one
// pure function that turns it into `docker run` arguments.
#pragma once

#include <hako/protocol/layout.h>

#include <QMap>
#include <QString>
#include <QStringList>

namespace hako {

// Labels every managed container carries; GC, adoption and `exec` find
// containers by them.
namespace label {
inline constexpr char kManaged[] = "org.hako.managed";
inline constexpr char kConversation[] = "org.hako.conversation";
inline constexpr char kInstance[] = "org.hako.instance";
inline constexpr char kCreated[] = "org.hako.created";
// The owner's paths.runtime: GC of another instance tells from it whether that instance is gone.
inline constexpr char kRuntime[] = "org.hako.runtime";
// A warm pool container's slot (lifecycle/warmpool.h). It has no conversation
// label: the conversation that takes it is known from its name once renamed,
// and from a claim record until then (lifecycle/poolclaims.h).
inline constexpr char kPool[] = "org.hako.pool";
// Random per container; the agent's key is derived from it and the host's
// secret (channel/agentproof.h), so a host process that adopts the container can prove its agent.
inline constexpr char kNonce[] = "org.hako.nonce";
} // namespace label

// The container's layout, which the agent shares; the socket directory's
// names are the same on the host (lifecycle/socketdir.h).
using proto::kAgentDirName;
using proto::kAgentPathInContainer;
using proto::kAgentSeccompInContainer;
using proto::kAgentSocketName;
using proto::kHomeInContainer;
using proto::kProxySocketName;
using proto::kSocketDirInContainer;
using proto::kWorkspaceInContainer;

struct ContainerSpec
{
    QString name;
    QString image;
    QString runtime = QStringLiteral("runc");
    double cpus = 2;
    qint64 memoryBytes = 2LL << 30;
    int pids = 100; // processes and threads of the container's tools; 0: no limit
    bool readOnlyRootfs = true;
    qint64 tmpSizeBytes = 512LL << 20;
    QString seccompProfile;        // host path of the profile JSON
    QString appArmorProfile;       // a loaded AppArmor profile's name; empty where the kernel has none
    QString workspaceDir;          // host side of /workspace
    QString socketDir;             // host side of /var/run/hako (read-only); its agent/ is the agent's (read-write)
    bool socketDirReadOnly = true; // only the negative-control seam clears it (tests/security/negative)
    QString agentBinary;           // host path of hako-agent
    QString agentSeccompRules;     // host path of the agent's seccomp layer (policy/seccomplayers.h)
    QString user = QStringLiteral("1000:1000");
    QMap<QString, QString> labels;
    QStringList environment; // KEY=VALUE; never a credential
    // The agent's key (HAKO_AGENT_KEY), which proves it to the host; handed to
    // the engine's process environment, never written into an argument.
    QByteArray agentKey;
};

// The agent's own directory inside a socket directory, on the host or in the container.
QString agentDirOf(const QString &socketDir);

// Which docker-compatible command line the arguments are for.
enum class CliDialect { Docker, Podman };

// Arguments after the docker binary: "run", "-d", ..., image, agent args.
// Podman needs one more flag to honour --read-only the way Docker does.
QStringList runArguments(const ContainerSpec &spec, CliDialect dialect = CliDialect::Docker);

// gVisor's runtime. Its Sentry serves every task of the sandbox with several
// host threads, so the host's pids cgroup cannot count the container's tasks
// (docs/process-limits.md).
bool isGvisorRuntime(const QString &runtime);

// The host pids cgroup bound for a gVisor sandbox whose tasks are limited to
// `pids` inside it: room for the Sentry's own threads, so that the limit inside
// trips first and the host bound only stops a runaway Sentry.
int gvisorHostPidsLimit(int pids);

// Names of environment variables that must never reach a container or the
// docker CLI: credentials of any kind.
bool isSecretVariable(const QString &name);

} // namespace hako
