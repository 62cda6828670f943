#include "agentprocess.h"

#include "safedir.h"

#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <linux/sched.h>
#include <poll.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace hako::fake {
namespace {

constexpr int kKillWaitMs = 5000;

// A null-terminated array of C strings, made before the clone: the child may not allocate.
class CStrings
{
public:
    explicit CStrings(const QStringList &list)
    {
        for (const QString &s : list)
            m_storage.push_back(QFile::encodeName(s));
        for (QByteArray &s : m_storage)
            m_pointers.push_back(s.data());
        m_pointers.push_back(nullptr);
    }
    char *const *get() const { return m_pointers.data(); }

private:
    std::vector<QByteArray> m_storage;
    std::vector<char *> m_pointers;
};

[[noreturn]] void die(const char *what)
{
    const char prefix[] = "fake engine: cannot start the agent: ";
    [[maybe_unused]] ssize_t ignored = ::write(2, prefix, sizeof prefix - 1);
    ignored = ::write(2, what, std::strlen(what));
    ignored = ::write(2, "\n", 1);
    ::_exit(126);
}

// What the child needs, all prepared before the clone.
struct ChildPlan
{
    const char *program;
    char *const *argv;
    char *const *envp;
    char *const *bindSources;
    char *const *bindTargets;
    int log;
    int null;
    uid_t uid;
    gid_t gid;
};

// The child of the clone: one thread, a copy of the parent's memory, and only
// system calls until execve.
[[noreturn]] void becomeAgent(const ChildPlan &plan)
{
    if (::dup2(plan.null, 0) < 0 || ::dup2(plan.log, 1) < 0 || ::dup2(plan.log, 2) < 0)
        ::_exit(126);
    // Private first, so that nothing mounted next reaches the host's namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        die("making / private");
    if (::mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
        die("mounting /proc");
    for (int i = 0; plan.bindSources[i]; ++i)
        if (::mount(plan.bindSources[i], plan.bindTargets[i], nullptr, MS_BIND | MS_REC, nullptr) != 0)
            die(plan.bindTargets[i]);
    // No descriptor of the test process reaches the agent or its tools.
    ::syscall(SYS_close_range, 3U, ~0U, 0U);
    // Raw system calls: glibc's wrappers would wait for the parent's other
    // threads, which do not exist in this process.
    if (::syscall(SYS_setgroups, 0, nullptr) != 0 || ::syscall(SYS_setresgid, plan.gid, plan.gid, plan.gid) != 0
        || ::syscall(SYS_setresuid, plan.uid, plan.uid, plan.uid) != 0)
        die("switching to the container's user");
    ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    // After the uid change, which clears it: the agent never outlives the test.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    ::execve(plan.program, plan.argv, plan.envp);
    die("execve");
}

} // namespace

AgentProcess *AgentProcess::start(const Launch &launch, QString *error, QObject *parent)
{
    const safedir::UniqueFd log(
            ::open(QFile::encodeName(launch.logFile).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600));
    const safedir::UniqueFd null(::open("/dev/null", O_RDWR | O_CLOEXEC));
    if (!log.valid() || !null.valid()) {
        *error = QStringLiteral("%1: %2").arg(launch.logFile, QString::fromLocal8Bit(std::strerror(errno)));
        return nullptr;
    }
    const QByteArray program = QFile::encodeName(launch.program);
    const CStrings argv(QStringList{launch.program} + launch.arguments);
    const CStrings envp(launch.environment);
    QStringList sources;
    QStringList targets;
    for (const auto &[source, target] : launch.binds) {
        sources << source;
        targets << target;
    }
    const CStrings bindSources(sources);
    const CStrings bindTargets(targets);
    ChildPlan plan;
    plan.program = program.constData();
    plan.argv = argv.get();
    plan.envp = envp.get();
    plan.bindSources = bindSources.get();
    plan.bindTargets = bindTargets.get();
    plan.log = log.get();
    plan.null = null.get();
    plan.uid = launch.uid;
    plan.gid = launch.gid;
    int pidfd = -1;
    clone_args args{};
    args.flags = CLONE_NEWPID | CLONE_NEWNS | CLONE_PIDFD;
    args.pidfd = reinterpret_cast<quint64>(&pidfd);
    args.exit_signal = SIGCHLD;
    const long pid = ::syscall(SYS_clone3, &args, sizeof args);
    if (pid == 0)
        becomeAgent(plan);
    if (pid < 0) {
        *error = QStringLiteral("clone3: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return nullptr;
    }
    return new AgentProcess(pid_t(pid), pidfd, parent);
}

AgentProcess::AgentProcess(pid_t pid, int pidfd, QObject *parent)
    : QObject(parent), m_pid(pid), m_pidfd(pidfd), m_notifier(new QSocketNotifier(pidfd, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        if (reap(0))
            Q_EMIT exited();
    });
}

AgentProcess::~AgentProcess()
{
    kill();
    delete m_notifier; // before its descriptor closes
    ::close(m_pidfd);
}

bool AgentProcess::isRunning()
{
    return m_running && !reap(0);
}

void AgentProcess::kill()
{
    if (!m_running)
        return;
    // Glibc 2.36 declares pidfd_send_signal without C linkage: the system call it is.
    ::syscall(SYS_pidfd_send_signal, m_pidfd, SIGKILL, nullptr, 0U);
    reap(kKillWaitMs);
}

bool AgentProcess::reap(int waitMs)
{
    if (!m_running)
        return true;
    pollfd ready = {m_pidfd, POLLIN, 0};
    if (::poll(&ready, 1, waitMs) != 1)
        return false;
    siginfo_t info{};
    // The init of a pid namespace is reaped only once every other process of it is.
    if (::waitid(P_PIDFD, id_t(m_pidfd), &info, WEXITED) != 0)
        return false;
    m_running = false;
    m_notifier->setEnabled(false);
    return true;
}

} // namespace hako::fake
