// One host connection: frame decoding, the handshake, the calls in flight and
// a bounded outbound buffer. The peer is not trusted to be well-formed or to
// read promptly; neither may cost the agent more than a few MiB.
#pragma once

#include "agentkey.h"
#include "call.h"
#include "fd.h"
#include "hmac.h"
#include "tools.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hako::agent {

class Connection final : public Outbox
{
public:
    // Producers pause (child pipes are not read, files not streamed, input not
    // parsed) while this much output waits for the peer.
    static constexpr std::size_t kBacklogLimit = 4u << 20;
    static constexpr std::size_t kMaxCalls = 64;

    // `key` answers the host's challenge; it must outlive the connection.
    Connection(UniqueFd fd, Tools &tools, const AgentKey &key);
    ~Connection() override;

    int fd() const { return fd_.get(); }
    bool open() const { return !closing_ && !dead_; }
    // Past the handshake: the peer understands frames beyond Hello.
    bool ready() const { return open() && helloReceived_; }
    bool wantsRead() const { return open() && backlog() < kBacklogLimit; }
    bool wantsWrite() const { return backlog() > 0; }
    bool shouldClose(Clock::time_point now) const;
    // When a connection that is closing gives up on the peer reading its last frames.
    std::optional<Clock::time_point> closeDeadline() const
    {
        return closing_ ? std::optional<Clock::time_point>(closeBy_) : std::nullopt;
    }

    void onReadable();
    void onHangup() { dead_ = true; }
    void flush();
    // Gives buffer capacity back; the server calls it on going idle.
    void shrink();
    void activeCalls(std::vector<Call *> &calls) const;
    // Destroys calls that ended during this loop turn; until then they stay valid.
    void dropRetired() { retired_.clear(); }

    void send(proto::Type type, std::uint32_t id, std::string_view payload) override;
    std::size_t backlog() const override { return out_.size() - outHead_; }
    void retire(std::uint32_t id) override;

private:
    void decodeFrames();
    void handleFrame(const proto::Header &header, std::string_view payload);
    void onHello(const proto::Header &header, std::string_view payload);
    void onCall(std::uint32_t id, std::string_view payload);
    Call *find(std::uint32_t id) const;
    void fatal(const char *code, const std::string &message);

    UniqueFd fd_;
    Tools &tools_;
    const AgentKey &key_;
    std::string in_;
    std::string out_;
    std::size_t outHead_ = 0;
    std::map<std::uint32_t, std::unique_ptr<Call>> calls_;
    std::vector<std::unique_ptr<Call>> retired_;
    // Set once a Hello with "mac": true is answered: every later frame either
    // way carries a tag (hako/protocol/wire.h, "Frame tags").
    std::optional<FrameTagger> sendTags_;
    std::optional<FrameTagger> receiveTags_;
    bool helloReceived_ = false;
    bool closing_ = false;
    bool dead_ = false;
    Clock::time_point closeBy_;
};

} // namespace hako::agent
