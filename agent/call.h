// What every tool call shares: how it reports back to its connection, and the
// hooks the event loop drives it through. A call ends by sending exactly one
// Result or Error; the connection then retires it.
#pragma once

#include "failure.h"

#include <hako/protocol/wire.h>

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hako::agent {

using Clock = std::chrono::steady_clock;
// Optional input fields: absent or null leaves `out` empty; any other type is a bad_request.
std::optional<Failure> optionalString(const Json &input, const char *key, std::optional<std::string> &out);
std::optional<Failure> optionalInt(const Json &input, const char *key, std::optional<std::int64_t> &out);
std::optional<Failure> optionalBool(const Json &input, const char *key, std::optional<bool> &out);
// A limit in bytes or milliseconds: `fallback` when absent or null; negative is a bad_request.
std::optional<Failure> optionalLimit(const Json &object, const char *key, std::uint64_t fallback, std::uint64_t &out);

// Never throws: text from files or paths may be invalid UTF-8, so it is replaced, not rejected.
std::string dumpJson(const Json &value);

class Outbox
{
public:
    virtual ~Outbox() = default;
    virtual void send(proto::Type type, std::uint32_t id, std::string_view payload) = 0;
    // Bytes queued but not yet taken by the peer; producers hold back while it is large.
    virtual std::size_t backlog() const = 0;
    virtual void retire(std::uint32_t id) = 0;
};

void sendJson(Outbox &out, proto::Type type, std::uint32_t id, const Json &value);
void sendFailure(Outbox &out, std::uint32_t id, const Failure &failure);

class Call
{
public:
    Call(Outbox &out, std::uint32_t id) : out_(out), id_(id) {}
    virtual ~Call() = default;
    Call(const Call &) = delete;
    Call &operator=(const Call &) = delete;

    // Descriptors to poll for input; only asked while the connection can take more output.
    virtual void watchedFds(std::vector<int> &fds) const { (void)fds; }
    virtual void onReadable(int fd) { (void)fd; }
    virtual std::optional<Clock::time_point> deadline() const { return std::nullopt; }
    virtual void onDeadline(Clock::time_point now) { (void)now; }
    // Work that needs no fd event (streaming a regular file), done in slices.
    virtual bool wantsPump() const { return false; }
    virtual void pump() {}
    virtual void onData(std::string_view bytes) { (void)bytes; }
    virtual void onDataEnd() {}
    virtual void cancel() = 0;

    bool done() const { return done_; }

protected:
    void succeed(const Json &result);
    void fail(const Failure &failure);
    Outbox &out() { return out_; }
    std::uint32_t id() const { return id_; }

private:
    Outbox &out_;
    const std::uint32_t id_;
    bool done_ = false;
};

} // namespace hako::agent
