#include "doctorhealth.h"

#include "common/translate.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace hako::host {
namespace {

QJsonObject part(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString credentialFix(const QString &source)
{
    if (source == QLatin1String("settings"))
        return tr("Set credentials.accessKeyId and credentials.secretAccessKey, or choose another credentials.source.");
    if (source == QLatin1String("process"))
        return tr("Make credentials.process print AWS credential_process JSON (Version 1) and exit 0.");
    return tr("Create the profile in credentials.file (aws configure --profile NAME), or choose another "
              "credentials.source (none turns the proxy off).");
}

// What health() says of the engine: which one, and whether its socket is root on this host.
QString engineSummary(const QJsonObject &e)
{
    return tr("%1 %2, %3")
            .arg(e.value(QLatin1String("engine")).toString(), e.value(QLatin1String("version")).toString(),
                 e.value(QLatin1String("rootless")).toBool() ? tr("rootless") : tr("rootful"));
}

QList<Check> isolationChecks(const QJsonObject &h)
{
    const QJsonObject e = part(h, "engine");
    const bool rootless = e.value(QLatin1String("rootless")).toBool();
    QList<Check> checks;
    checks << Check{
            tr("Engine runs without root (its socket is not root on this host)"), rootless, Check::Level::Optional,
            rootless ? QString()
                     : tr("%1 runs as root: whoever reaches its socket controls the host.")
                               .arg(e.value(QLatin1String("engine")).toString()),
            tr("Run hako-host as an unprivileged user with rootless Podman (docs/rootless.md): "
               "apt-get install podman uidmap slirp4netns; give the user ranges in /etc/subuid and /etc/subgid; "
               "on cgroup v1 set runtime = \"runc\" in ~/.config/containers/containers.conf; "
               "copy the image (docker save IMAGE | podman load); set docker.binary=podman; "
               "then take the user out of the docker group.")};
    checks << Check{tr("User namespace isolates container root"),
                    rootless || h.value(QLatin1String("userns_remap")).toBool(),
                    Check::Level::Optional,
                    {},
                    tr("Optional: set \"userns-remap\": \"default\" in daemon.json "
                       "(policies/docker/daemon-userns.json), or use a rootless engine.")};
    const bool limits = e.value(QLatin1String("limits_enforced")).toBool();
    checks << Check{tr("Memory, CPU and process limits enforced"), limits, Check::Level::Optional,
                    limits ? QString()
                           : tr("a rootless engine on cgroup v%1 ignores --memory, --cpu-quota and --pids-limit: "
                                "a workload can use all of the host's memory and CPU, and fork without bound.")
                                     .arg(e.value(QLatin1String("cgroup_version")).toInt()),
                    tr("Boot with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate the cpu, memory and pids "
                       "controllers to the user, or run a rootful engine with userns-remap.")};
    return checks;
}

QList<Check> engineChecks(const QJsonObject &h)
{
    const QJsonObject docker = part(h, "docker");
    QList<Check> checks;
    const bool reachable = docker.value(QLatin1String("reachable")).toBool();
    checks << Check{
            tr("Container engine reachable"), reachable, Check::Level::Required,
            reachable ? engineSummary(part(h, "engine")) : docker.value(QLatin1String("error")).toString(),
            tr("Install docker.io and start dockerd (systemctl start docker), or set docker.binary/docker.host.")};
    if (!reachable)
        return checks;
    const QJsonObject runtimes = part(h, "runtimes");
    const QString runtime = runtimes.value(QLatin1String("configured")).toString();
    const QJsonArray available = runtimes.value(QLatin1String("available")).toArray();
    checks << Check{tr("Runtime \"%1\" registered").arg(runtime), available.contains(runtime), Check::Level::Required,
                    available.toVariantList().isEmpty()
                            ? QString()
                            : QVariant(available.toVariantList()).toStringList().join(QLatin1String(", ")),
                    tr("Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd; "
                       "for Podman, in containers.conf [engine.runtimes].")};
    // Each gap of the configured runtime, by the code docs/operations.md §4 explains.
    const QJsonArray gaps = runtimes.value(QLatin1String("gaps")).toArray();
    if (!gaps.isEmpty()) {
        QStringList lines;
        for (const QJsonValue &gap : gaps)
            lines << gap.toObject().value(QLatin1String("code")).toString() + QStringLiteral(": ")
                             + gap.toObject().value(QLatin1String("summary")).toString();
        checks << Check{
                tr("Runtime \"%1\" has no known gaps").arg(runtime), false, Check::Level::Optional,
                lines.join(QLatin1String("; ")),
                tr("Known gaps of this runtime, measured: see docs/operations.md section 4. Use runtime=runc where "
                   "they matter.")};
    }
    checks << Check{tr("gVisor (runsc) available"),
                    available.contains(QStringLiteral("runsc")),
                    Check::Level::Optional,
                    {},
                    tr("apt-get install runsc and register it as in policies/docker/daemon.json.")};
    const QJsonObject seccomp = part(h, "seccomp");
    checks << Check{tr("Seccomp profile in force"), seccomp.value(QLatin1String("in_force")).toBool(),
                    Check::Level::Required,
                    seccomp.value(QLatin1String("profile")).toString() + QStringLiteral(" sha256:")
                            + seccomp.value(QLatin1String("sha256")).toString(),
                    tr("Use a kernel and docker build with seccomp support, and a readable seccomp.profile (or none, "
                       "for the built-in one).")};
    checks += isolationChecks(h);
    checks << Check{tr("AppArmor confines containers"),
                    part(h, "apparmor").value(QLatin1String("in_force")).toBool(),
                    Check::Level::Optional,
                    {},
                    tr("Optional: boot with AppArmor enabled (apparmor=1 security=apparmor) and install apparmor; "
                       "dockerd then applies docker-default.")};
    return checks;
}

Check containersCheck(const QJsonObject &h)
{
    const QJsonObject states = part(h, "containers");
    QStringList counts;
    bool allRunning = true;
    for (auto it = states.begin(); it != states.end(); ++it) {
        counts << QStringLiteral("%1 %2").arg(it.value().toInt()).arg(it.key());
        allRunning = allRunning && it.key() == QLatin1String("running");
    }
    return {tr("This host's containers are running"), allRunning, Check::Level::Optional,
            counts.join(QLatin1String(", ")),
            tr("A stopped container is replaced on its conversation's next call and collected by GC (hako-host "
               "serve).")};
}

Check credentialsCheck(const QJsonObject &h)
{
    const QJsonObject c = part(h, "credentials");
    const QString source = c.value(QLatin1String("source")).toString();
    QString detail = tr("source: %1").arg(source);
    if (c.value(QLatin1String("expires")).isString())
        detail += tr(", expires %1").arg(c.value(QLatin1String("expires")).toString());
    if (c.contains(QLatin1String("last_error")))
        detail += QStringLiteral(": ") + c.value(QLatin1String("last_error")).toString();
    // "disabled": credentials.source = none, no proxy wanted.
    const QString state = c.value(QLatin1String("state")).toString();
    return {tr("Credentials for the proxy"), state == QLatin1String("ok") || state == QLatin1String("disabled"),
            Check::Level::Optional, detail, credentialFix(source)};
}

// The serving host's /healthz document, or why there is none.
Error fetchHealthz(const QString &address, QJsonObject *health)
{
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(QStringLiteral("http://%1/healthz").arg(address))));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    *health = QJsonDocument::fromJson(reply->readAll()).object();
    Error error;
    if (health->isEmpty() && reply->isFinished())
        error = {QStringLiteral("admin_unreachable"), reply->errorString(), reply->errorString()};
    else if (health->isEmpty())
        error = failure(QStringLiteral("admin_unreachable"), kTrContext, QT_TR_NOOP("no answer within 10 seconds"));
    reply->abort();
    reply->deleteLater();
    return error;
}

} // namespace

QList<Check> healthChecks(const QJsonObject &health)
{
    QList<Check> checks = engineChecks(health);
    if (part(health, "docker").value(QLatin1String("reachable")).toBool())
        checks << containersCheck(health);
    checks << credentialsCheck(health);
    return checks;
}

QList<Check> serveChecks(const QString &adminAddress)
{
    const QString gcAndProxies = tr("Garbage collection and proxy listeners of hako-host serve");
    if (adminAddress.isEmpty())
        return {Check{
                gcAndProxies, true, Check::Level::Skipped, tr("admin.listen is empty: no serving host to ask"), {}}};
    QJsonObject h;
    const Error error = fetchHealthz(adminAddress, &h);
    const Check answers{tr("hako-host serve answers on %1").arg(adminAddress), !error, Check::Level::Optional,
                        error.message,
                        tr("Start hako-host serve --admin %1, or clear admin.listen.").arg(adminAddress)};
    if (error)
        return {answers};
    const QJsonValue lastGc = h.value(QLatin1String("last_gc"));
    const QStringList problems = QVariant(h.value(QLatin1String("problems")).toArray().toVariantList()).toStringList();
    const QJsonObject proxies = part(h, "proxies");
    return {answers,
            Check{tr("Garbage collection runs"),
                  lastGc.isObject() && !problems.contains(QStringLiteral("gc_not_running"))
                          && !problems.contains(QStringLiteral("gc_failed")),
                  Check::Level::Required,
                  lastGc.isObject() ? QString::fromUtf8(QJsonDocument(lastGc.toObject()).toJson(QJsonDocument::Compact))
                                    : QString(),
                  tr("See the hako.gc messages of hako-host serve; GC needs the container engine.")},
            Check{tr("Proxy sockets in place"), proxies.value(QLatin1String("socket_missing")).toInt() == 0,
                  Check::Level::Optional,
                  tr("%1 listening, %2 deleted")
                          .arg(proxies.value(QLatin1String("listening")).toInt())
                          .arg(proxies.value(QLatin1String("socket_missing")).toInt()),
                  tr("Another host process that served the conversation removed its proxy.sock when it stopped; ending "
                     "the conversation (or GC) gives it a fresh one.")},
            Check{tr("Serving host status"), h.value(QLatin1String("status")).toString() == QLatin1String("ok"),
                  Check::Level::Required,
                  h.value(QLatin1String("status")).toString() + QLatin1Char(' ') + problems.join(QLatin1Char(' ')),
                  tr("Each problem listed has its own check above.")}};
}

} // namespace hako::host
