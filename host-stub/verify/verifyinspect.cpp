#include "verifyinspect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace hako::host::verify::inspect {
namespace {

QJsonObject hostConfig(const QJsonObject &c)
{
    return c.value(QLatin1String("HostConfig")).toObject();
}
QJsonObject config(const QJsonObject &c)
{
    return c.value(QLatin1String("Config")).toObject();
}

QString shown(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    return QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                                     .toJson(QJsonDocument::Compact));
}

// Checks HostConfig.<key> == want, with the key and the value as evidence.
void expect(Outcome &o, const QJsonObject &object, const char *key, const QJsonValue &want)
{
    const QJsonValue got = object.value(QLatin1String(key));
    o.check(got == want, QStringLiteral("%1 = %2").arg(QLatin1String(key), shown(got)));
}

QJsonObject seccompProfile(const QJsonObject &c)
{
    for (const QJsonValue &opt : hostConfig(c).value(QLatin1String("SecurityOpt")).toArray())
        if (opt.toString().startsWith(QLatin1String("seccomp=")))
            return QJsonDocument::fromJson(opt.toString().mid(8).toUtf8()).object();
    return {};
}

// Syscall names the profile lets through in some rule.
QSet<QString> allowedNames(const QJsonObject &profile)
{
    QSet<QString> names;
    for (const QJsonValue &rule : profile.value(QLatin1String("syscalls")).toArray())
        if (rule.toObject().value(QLatin1String("action")).toString() == QLatin1String("SCMP_ACT_ALLOW"))
            for (const QJsonValue &n : rule.toObject().value(QLatin1String("names")).toArray())
                names.insert(n.toString());
    return names;
}

} // namespace

bool looksSecret(const QString &name)
{
    // Kept apart from the plugin's own filter on purpose: verify must not see
    // through the code it checks.
    static const QRegularExpression secret(QStringLiteral("^(AWS_|AZURE_|GOOGLE_|GCP_|ANTHROPIC_|OPENAI_)|TOKEN|SECRET|"
                                                          "PASSW|CREDENTIAL|API_?KEY|PRIVATE_?KEY"),
                                           QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

Outcome network(const QJsonObject &c)
{
    Outcome o = Outcome::start();
    expect(o, hostConfig(c), "NetworkMode", QStringLiteral("none"));
    const QStringList networks =
            c.value(QLatin1String("NetworkSettings")).toObject().value(QLatin1String("Networks")).toObject().keys();
    o.check(networks == QStringList{QStringLiteral("none")},
            QStringLiteral("networks: %1").arg(networks.join(QLatin1Char(','))));
    const QJsonObject ports = hostConfig(c).value(QLatin1String("PortBindings")).toObject();
    o.check(ports.isEmpty(), QStringLiteral("published ports: %1").arg(ports.size()));
    return o;
}

Outcome readOnlyRootfs(const QJsonObject &c)
{
    Outcome o = Outcome::start();
    expect(o, hostConfig(c), "ReadonlyRootfs", true);
    return o;
}

Outcome pidsLimit(const QJsonObject &c, const Expected &e)
{
    Outcome o = Outcome::start();
    const QJsonObject h = hostConfig(c);
    const qint64 limit = qint64(h.value(QLatin1String("PidsLimit")).toDouble());
    int nprocSoft = -1;
    int nprocHard = -1;
    for (const QJsonValue &u : h.value(QLatin1String("Ulimits")).toArray())
        if (u.toObject().value(QLatin1String("Name")).toString() == QLatin1String("nproc")) {
            nprocSoft = u.toObject().value(QLatin1String("Soft")).toInt();
            nprocHard = u.toObject().value(QLatin1String("Hard")).toInt();
        }
    if (!e.gvisor) {
        o.check(limit == e.pids, QStringLiteral("PidsLimit = %1 (configured %2)").arg(limit).arg(e.pids));
        return o;
    }
    o.check(nprocSoft == e.pids && nprocHard == e.pids,
            QStringLiteral("ulimit nproc = %1:%2 inside gVisor (configured %3)")
                    .arg(nprocSoft)
                    .arg(nprocHard)
                    .arg(e.pids));
    o.check(limit > e.pids, QStringLiteral("PidsLimit = %1, the host bound of the Sentry").arg(limit));
    o.notes << QStringLiteral("gvisor-host-tasks");
    return o;
}

Outcome memory(const QJsonObject &c, const Expected &e)
{
    Outcome o = Outcome::start();
    expect(o, hostConfig(c), "Memory", double(e.memoryBytes));
    expect(o, hostConfig(c), "MemorySwap", double(e.memoryBytes));
    return o;
}

Outcome cpu(const QJsonObject &c, const Expected &e)
{
    Outcome o = Outcome::start();
    const QJsonObject h = hostConfig(c);
    const double quota = h.value(QLatin1String("CpuQuota")).toDouble();
    const double period = h.value(QLatin1String("CpuPeriod")).toDouble();
    const double nano = h.value(QLatin1String("NanoCpus")).toDouble();
    const double cpus = period > 0 ? quota / period : nano / 1e9;
    o.check(cpus > 0 && qAbs(cpus - e.cpus) < 0.01,
            QStringLiteral("CpuQuota %1 / CpuPeriod %2 = %3 CPUs (configured %4)")
                    .arg(quota)
                    .arg(period)
                    .arg(cpus)
                    .arg(e.cpus));
    return o;
}

Outcome tmpfs(const QJsonObject &c, const Expected &e)
{
    Outcome o = Outcome::start();
    const QString options =
            hostConfig(c).value(QLatin1String("Tmpfs")).toObject().value(QLatin1String("/tmp")).toString();
    const QStringList parts = options.split(QLatin1Char(','));
    for (const char *flag : {"noexec", "nosuid", "nodev"})
        o.check(parts.contains(QLatin1String(flag)), QStringLiteral("/tmp %1 (%2)").arg(QLatin1String(flag), options));
    o.check(parts.contains(QStringLiteral("size=%1").arg(e.tmpBytes)),
            QStringLiteral("/tmp size=%1 bytes").arg(e.tmpBytes));
    return o;
}

Outcome capabilities(const QJsonObject &c)
{
    Outcome o = Outcome::start();
    const QJsonObject h = hostConfig(c);
    expect(o, h, "CapDrop", QJsonArray{QStringLiteral("ALL")});
    const QJsonArray added = h.value(QLatin1String("CapAdd")).toArray();
    o.check(added.isEmpty(), QStringLiteral("CapAdd = %1").arg(shown(h.value(QLatin1String("CapAdd")))));
    expect(o, h, "Privileged", false);
    o.check(h.value(QLatin1String("Devices")).toArray().isEmpty(),
            QStringLiteral("Devices = %1").arg(shown(h.value(QLatin1String("Devices")))));
    o.check(h.value(QLatin1String("DeviceCgroupRules")).toArray().isEmpty(), QStringLiteral("no device cgroup rules"));
    return o;
}

Outcome noNewPrivileges(const QJsonObject &c)
{
    Outcome o = Outcome::start();
    QStringList opts;
    for (const QJsonValue &v : hostConfig(c).value(QLatin1String("SecurityOpt")).toArray())
        opts << v.toString().left(40);
    o.check(opts.contains(QStringLiteral("no-new-privileges"))
                    || opts.contains(QStringLiteral("no-new-privileges:true")),
            QStringLiteral("SecurityOpt: %1").arg(opts.join(QLatin1String(", "))));
    return o;
}

Outcome seccomp(const QJsonObject &c, const QByteArray &onDisk)
{
    Outcome o = Outcome::start();
    const QJsonObject profile = seccompProfile(c);
    o.check(!profile.isEmpty(), QStringLiteral("a seccomp profile is attached (%1 rules)")
                                        .arg(profile.value(QLatin1String("syscalls")).toArray().size()));
    o.check(profile.value(QLatin1String("defaultAction")).toString() == QLatin1String("SCMP_ACT_ERRNO"),
            QStringLiteral("defaultAction %1: a whitelist")
                    .arg(profile.value(QLatin1String("defaultAction")).toString()));
    const QSet<QString> allowed = allowedNames(profile);
    for (const char *name : {"mount", "umount2", "reboot", "kexec_load", "ptrace", "init_module", "pivot_root"})
        o.check(!allowed.contains(QLatin1String(name)), QStringLiteral("%1 not allowed").arg(QLatin1String(name)));
    o.check(QJsonDocument::fromJson(onDisk).object() == profile,
            QStringLiteral("identical to the plugin's profile file (%1 bytes)").arg(onDisk.size()));
    return o;
}

Outcome user(const QJsonObject &c)
{
    Outcome o = Outcome::start();
    expect(o, config(c), "User", QStringLiteral("1000:1000"));
    return o;
}

Outcome mounts(const QJsonObject &c)
{
    Outcome o = Outcome::start();
    // Target -> writable. The agent's seccomp rules are absent where the engine
    // has no user notification. The host's socket directory is read-only; only
    // the agent's directory in it is writable (socketMounts() checks the pair).
    const QHash<QString, bool> known = {{QStringLiteral("/workspace"), true},
                                        {QStringLiteral("/var/run/hako"), false},
                                        {QStringLiteral("/var/run/hako/agent"), true},
                                        {QStringLiteral("/opt/hako/hako-agent"), false},
                                        {QStringLiteral("/opt/hako/seccomp.json"), false}};
    QStringList required = {QStringLiteral("/workspace"), QStringLiteral("/var/run/hako"),
                            QStringLiteral("/var/run/hako/agent"), QStringLiteral("/opt/hako/hako-agent")};
    for (const QJsonValue &v : c.value(QLatin1String("Mounts")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString target = m.value(QLatin1String("Destination")).toString();
        const QString source = m.value(QLatin1String("Source")).toString();
        const bool rw = m.value(QLatin1String("RW")).toBool();
        const bool sane = !source.contains(QLatin1String("docker.sock")) && source != QLatin1String("/");
        o.check(known.contains(target) && known.value(target) == rw && sane,
                QStringLiteral("%1 <- %2 (%3)").arg(target, source, rw ? QStringLiteral("rw") : QStringLiteral("ro")));
        required.removeAll(target);
    }
    o.check(required.isEmpty(),
            QStringLiteral("missing mounts: %1")
                    .arg(required.isEmpty() ? QStringLiteral("none") : required.join(QLatin1Char(' '))));
    return o;
}

Outcome socketMounts(const QJsonObject &c)
{
    Outcome o = Outcome::start();
    QHash<QString, QJsonObject> byTarget;
    for (const QJsonValue &v : c.value(QLatin1String("Mounts")).toArray())
        byTarget.insert(v.toObject().value(QLatin1String("Destination")).toString(), v.toObject());
    const QJsonObject host = byTarget.value(QStringLiteral("/var/run/hako"));
    const QJsonObject agent = byTarget.value(QStringLiteral("/var/run/hako/agent"));
    const QString hostSource = host.value(QLatin1String("Source")).toString();
    o.check(!host.isEmpty() && !host.value(QLatin1String("RW")).toBool(),
            QStringLiteral("/var/run/hako <- %1: %2")
                    .arg(hostSource, host.isEmpty()                             ? QStringLiteral("not mounted")
                                     : host.value(QLatin1String("RW")).toBool() ? QStringLiteral("read-write")
                                                                                : QStringLiteral("read-only")));
    // The agent's directory must be the one inside the host's, not some other place.
    const QString agentSource = agent.value(QLatin1String("Source")).toString();
    o.check(!agent.isEmpty() && agent.value(QLatin1String("RW")).toBool() && !hostSource.isEmpty()
                    && agentSource == hostSource + QStringLiteral("/agent"),
            QStringLiteral("/var/run/hako/agent <- %1: %2")
                    .arg(agent.isEmpty() ? QStringLiteral("not mounted") : agentSource,
                         agent.value(QLatin1String("RW")).toBool() ? QStringLiteral("read-write")
                                                                   : QStringLiteral("read-only")));
    return o;
}

Outcome environment(const QJsonObject &c, const QString &canary)
{
    Outcome o = Outcome::start();
    QStringList names;
    for (const QJsonValue &v : config(c).value(QLatin1String("Env")).toArray()) {
        const QString name = v.toString().section(QLatin1Char('='), 0, 0);
        names << name;
        if (looksSecret(name))
            o.check(false, QStringLiteral("credential-like variable %1").arg(name));
        if (!canary.isEmpty() && v.toString().contains(canary))
            o.check(false, QStringLiteral("the canary is in %1").arg(name));
    }
    o.check(true, QStringLiteral("Env: %1").arg(names.join(QLatin1Char(' '))));
    return o;
}

Outcome namespaces(const QJsonObject &c, const Expected &e)
{
    Outcome o = Outcome::start();
    const QJsonObject h = hostConfig(c);
    for (const char *key : {"PidMode", "UTSMode", "UsernsMode"}) {
        const QString mode = h.value(QLatin1String(key)).toString();
        o.check(mode != QLatin1String("host"),
                QStringLiteral("%1 = %2").arg(QLatin1String(key), mode.isEmpty() ? QStringLiteral("private") : mode));
    }
    expect(o, h, "IpcMode", QStringLiteral("private"));
    expect(o, h, "Runtime", e.runtime);
    return o;
}

Outcome labels(const QJsonObject &c)
{
    Outcome o = Outcome::start();
    const QJsonObject labels = config(c).value(QLatin1String("Labels")).toObject();
    for (const char *key : {"org.hako.managed", "org.hako.instance", "org.hako.conversation", "org.hako.created"})
        o.check(!labels.value(QLatin1String(key)).toString().isEmpty(),
                QStringLiteral("%1=%2").arg(QLatin1String(key), labels.value(QLatin1String(key)).toString()));
    return o;
}

} // namespace hako::host::verify::inspect
