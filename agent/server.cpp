#include "server.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <malloc.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace hako::agent {

namespace {

constexpr std::size_t kFixedFds = 4; // signals, listener, seccomp notifications, decoys
constexpr auto kShutdownGrace = std::chrono::seconds(1);

int millisUntil(Clock::time_point now, Clock::time_point when)
{
    if (when <= now)
        return 0;
    // Rounded up: waking a hair early would only spin the loop once more.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(when - now).count() + 1;
    return static_cast<int>(std::min<long long>(ms, 60'000));
}

} // namespace

Server::~Server()
{
    if (!socketPath_.empty())
        ::unlink(socketPath_.c_str());
}

std::optional<Failure> Server::listen(const std::string &socketPath)
{
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (socketPath.empty() || socketPath.size() >= sizeof addr.sun_path)
        return Failure{proto::code::BadRequest, "socket path is empty or too long"};
    std::memcpy(addr.sun_path, socketPath.c_str(), socketPath.size() + 1);
    // A socket left by an earlier agent is stale by definition; anything else
    // at that path is not ours to delete.
    struct stat st
    {};
    if (::lstat(socketPath.c_str(), &st) == 0 && S_ISSOCK(st.st_mode))
        ::unlink(socketPath.c_str());
    listener_.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!listener_.valid() || ::bind(listener_.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return systemFailure(errno, socketPath);
    socketPath_ = socketPath;
    // Under userns-remap the host side connects as a different uid.
    if (::chmod(socketPath.c_str(), 0666) != 0 || ::listen(listener_.get(), 16) != 0)
        return systemFailure(errno, socketPath);
    return std::nullopt;
}

int Server::run()
{
    bool busy = false;
    for (;;) {
        buildPollSet();
        const int timeout = pollTimeout(Clock::now());
        // Freed JSON trees and buffers leave holes in the heap that glibc does
        // not hand back by itself; doing it on going idle keeps an idle agent small.
        // No timer is not idle: an upload waits on its socket without one.
        if (timeout < 0 && busy && !hasCalls()) {
            for (const auto &conn : connections_)
                conn->shrink();
            ::malloc_trim(0);
            busy = false;
        }
        const int ready = ::poll(pollSet_.data(), pollSet_.size(), timeout);
        if (ready < 0 && errno != EINTR)
            return 1;
        busy = busy || ready > 0;
        if (!handleSignals()) {
            shutdown();
            return 0;
        }
        if (ready > 0) {
            if (pollSet_[1].revents & POLLIN)
                acceptConnections();
            if (pollSet_[2].revents & POLLIN)
                answerSeccomp();
            if (pollSet_[3].revents & POLLIN)
                noteCanary();
            for (std::size_t i = kFixedFds; i < pollSet_.size(); ++i)
                if (pollSet_[i].revents)
                    dispatch(pollSet_[i], targets_[i - kFixedFds]);
        }
        finishTurn(Clock::now());
    }
}

void Server::buildPollSet()
{
    pollSet_.clear();
    targets_.clear();
    pollSet_.push_back({signals_.get(), POLLIN, 0});
    pollSet_.push_back({connections_.size() < kMaxConnections ? listener_.get() : -1, POLLIN, 0});
    pollSet_.push_back({supervisor_ ? supervisor_->fd() : -1, POLLIN, 0});
    pollSet_.push_back({decoys_ ? decoys_->fd() : -1, POLLIN, 0});
    for (const auto &conn : connections_) {
        const short events = static_cast<short>((conn->wantsRead() ? POLLIN : 0) | (conn->wantsWrite() ? POLLOUT : 0));
        pollSet_.push_back({conn->fd(), events, 0});
        targets_.push_back({conn.get(), nullptr});
        if (!conn->open() || conn->backlog() >= Connection::kBacklogLimit)
            continue;
        scratch_.clear();
        conn->activeCalls(scratch_);
        std::vector<int> fds;
        for (Call *call : scratch_) {
            fds.clear();
            call->watchedFds(fds);
            for (int fd : fds) {
                pollSet_.push_back({fd, POLLIN, 0});
                targets_.push_back({conn.get(), call});
            }
        }
    }
}

bool Server::hasCalls()
{
    for (const auto &conn : connections_) {
        scratch_.clear();
        conn->activeCalls(scratch_);
        if (!scratch_.empty())
            return true;
    }
    return false;
}

int Server::pollTimeout(Clock::time_point now) const
{
    std::optional<Clock::time_point> next;
    const auto consider = [&next](Clock::time_point t) { next = next ? std::min(*next, t) : t; };
    if (const auto sweep = tools_.killer.nextSweep())
        consider(*sweep);
    std::vector<Call *> calls;
    for (const auto &conn : connections_) {
        if (const auto closeBy = conn->closeDeadline())
            consider(*closeBy);
        if (!conn->open())
            continue;
        calls.clear();
        conn->activeCalls(calls);
        for (const Call *call : calls) {
            if (call->wantsPump() && conn->backlog() < Connection::kBacklogLimit)
                return 0;
            if (const auto deadline = call->deadline())
                consider(*deadline);
        }
    }
    return next ? millisUntil(now, *next) : -1;
}

bool Server::handleSignals()
{
    bool keepRunning = true;
    signalfd_siginfo info;
    while (readSome(signals_.get(), &info, sizeof info) == sizeof info)
        keepRunning = keepRunning && info.ssi_signo != SIGTERM && info.ssi_signo != SIGINT;
    // Reaped every turn, not only on SIGCHLD: signals coalesce, zombies must not.
    tools_.children.reap();
    return keepRunning;
}

void Server::acceptConnections()
{
    while (connections_.size() < kMaxConnections) {
        UniqueFd fd(::accept4(listener_.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
        if (!fd.valid())
            return;
        connections_.push_back(std::make_unique<Connection>(std::move(fd), tools_, key_));
    }
}

void Server::queueEvent(std::string event)
{
    if (pendingEvents_.size() >= kMaxPendingEvents)
        pendingEvents_.erase(pendingEvents_.begin());
    pendingEvents_.push_back(std::move(event));
}

void Server::answerSeccomp()
{
    if (const auto name = supervisor_->answer())
        queueEvent(dumpJson(Json{{"event", "seccomp_violation"}, {"syscall", *name}}));
}

// One event for however many opens one turn saw: the host acts on the first.
void Server::noteCanary()
{
    if (decoys_->drain())
        queueEvent(dumpJson(Json{{"event", proto::kCanaryEvent}}));
}

// Every host connection past its handshake hears of every event; with none,
// they wait for the first one.
void Server::deliverEvents()
{
    const auto ready = [](const auto &conn) { return conn->ready(); };
    if (pendingEvents_.empty() || std::none_of(connections_.begin(), connections_.end(), ready))
        return;
    for (const auto &conn : connections_)
        if (conn->ready())
            for (const std::string &event : pendingEvents_)
                conn->send(proto::Type::Event, 0, event);
    pendingEvents_.clear();
}

void Server::dispatch(const pollfd &fd, const Target &target)
{
    Connection &conn = *target.connection;
    if (target.call) {
        // The call may have ended, or its connection failed, earlier in this turn.
        if (conn.open() && !target.call->done())
            target.call->onReadable(fd.fd);
        return;
    }
    if (fd.revents & POLLIN)
        conn.onReadable();
    else if (fd.revents & (POLLHUP | POLLERR | POLLNVAL))
        conn.onHangup();
    if (fd.revents & POLLOUT)
        conn.flush();
}

void Server::runTimers(Clock::time_point now)
{
    tools_.killer.sweep(now);
    for (const auto &conn : connections_) {
        scratch_.clear();
        conn->activeCalls(scratch_);
        for (Call *call : scratch_) {
            const auto deadline = call->deadline();
            if (deadline && *deadline <= now && !call->done())
                call->onDeadline(now);
        }
    }
}

// Regular files are always "readable", so they are streamed here, a few chunks
// a turn, while the peer keeps up.
void Server::pumpTransfers()
{
    for (const auto &conn : connections_) {
        scratch_.clear();
        conn->activeCalls(scratch_);
        for (Call *call : scratch_)
            for (int i = 0; i < 8 && call->wantsPump() && conn->open() && conn->backlog() < Connection::kBacklogLimit;
                 ++i)
                call->pump();
    }
}

void Server::finishTurn(Clock::time_point now)
{
    runTimers(now);
    pumpTransfers();
    deliverEvents();
    for (const auto &conn : connections_) {
        conn->flush();
        conn->dropRetired();
    }
    connections_.remove_if([now](const auto &conn) { return conn->shouldClose(now); });
}

void Server::shutdown()
{
    connections_.clear();
    listener_.reset();
    const auto giveUp = Clock::now() + kShutdownGrace;
    while (tools_.killer.nextSweep() && Clock::now() < giveUp) {
        tools_.children.reap();
        tools_.killer.sweep(Clock::now());
        ::usleep(10'000);
    }
}

} // namespace hako::agent
