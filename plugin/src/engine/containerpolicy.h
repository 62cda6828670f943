// What a conversation's container must look like, as plain data, and the one
// pure function that turns it into `docker run` arguments.
#pragma once

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
} // namespace label

inline constexpr char kAgentPathInContainer[] = "/opt/hako/hako-agent";
inline constexpr char kAgentSeccompInContainer[] = "/opt/hako/seccomp.json";
inline constexpr char kSocketDirInContainer[] = "/var/run/hako";
inline constexpr char kWorkspaceInContainer[] = "/workspace";

struct ContainerSpec
{
    QString name;
    QString image;
    QString runtime = QStringLiteral("runc");
    double cpus = 2;
    qint64 memoryBytes = 2LL << 30;
    int pids = 100;
    qint64 tmpSizeBytes = 512LL << 20;
    QString seccompProfile; // host path of the profile JSON
    QString workspaceDir;   // host side of /workspace
    QString socketDir;      // host side of /var/run/hako
    QString agentBinary;    // host path of hako-agent
    QString agentSeccompRules; // host path of the agent's seccomp layer (policy/seccomplayers.h)
    QString user = QStringLiteral("1000:1000");
    QMap<QString, QString> labels;
    QStringList environment; // KEY=VALUE; never a credential
};

// Which docker-compatible command line the arguments are for.
enum class CliDialect { Docker, Podman };

// Arguments after the docker binary: "run", "-d", ..., image, agent args.
// Podman needs one more flag to honour --read-only the way Docker does.
QStringList runArguments(const ContainerSpec &spec, CliDialect dialect = CliDialect::Docker);

// Names of environment variables that must never reach a container or the
// docker CLI: credentials of any kind.
bool isSecretVariable(const QString &name);

} // namespace hako
