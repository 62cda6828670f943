#include "connection.h"

#include <algorithm>
#include <cerrno>
#include <malloc.h>

namespace hako::agent {

namespace {

// A peer that earned a fatal error gets this long to read it before the close.
constexpr std::chrono::seconds kCloseGrace{2};
// Buffers shrink back after a burst, so an idle agent stays small.
constexpr std::size_t kKeepCapacity = 256u << 10;
constexpr std::size_t kTrimAfterPayload = 64u << 10;
constexpr int kReadsPerTurn = 16;
// Room for a full backlog plus what calls add after producers are paused.
constexpr std::size_t kReservedBacklog = 2 * Connection::kBacklogLimit;

char g_buffer[64 * 1024];

void release(std::string &buffer)
{
    if (buffer.capacity() > kKeepCapacity)
        std::string().swap(buffer);
    else
        buffer.clear();
}

std::string typeName(proto::Type type)
{
    return std::to_string(static_cast<unsigned>(type));
}

} // namespace

// The agent's Hello waits for the host's: it carries the proof of the key,
// which needs the host's challenge.
Connection::Connection(UniqueFd fd, Tools &tools, const AgentKey &key) : fd_(std::move(fd)), tools_(tools), key_(key) {}

// Calls are destroyed with the connection; a running tool is killed, since
// nobody is left to receive its result.
Connection::~Connection() = default;

bool Connection::shouldClose(Clock::time_point now) const
{
    return dead_ || (closing_ && (backlog() == 0 || now >= closeBy_));
}

// Several reads a turn: an upload arrives far faster than one 64 KiB read per
// poll(2) would take it, and each turn of the loop has a fixed cost.
void Connection::onReadable()
{
    for (int i = 0; i < kReadsPerTurn; ++i) {
        const ssize_t n = readSome(fd_.get(), g_buffer, sizeof g_buffer);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n <= 0) {
            dead_ = true;
            return;
        }
        in_.append(g_buffer, static_cast<std::size_t>(n));
        if (static_cast<std::size_t>(n) < sizeof g_buffer)
            break;
    }
    decodeFrames();
}

void Connection::shrink()
{
    if (in_.empty())
        release(in_);
    if (backlog() == 0) {
        release(out_);
        outHead_ = 0;
    }
}

void Connection::decodeFrames()
{
    const auto *data = reinterpret_cast<const unsigned char *>(in_.data());
    std::size_t pos = 0;
    while (open()) {
        proto::Header header;
        const proto::DecodeStatus status = proto::decodeHeader(data + pos, in_.size() - pos, header);
        if (status == proto::DecodeStatus::BadType) {
            fatal(proto::code::BadFrame, "unknown frame type " + std::to_string(data[pos + 4]));
        } else if (status == proto::DecodeStatus::TooLarge) {
            fatal(proto::code::BadFrame, "frame payload exceeds " + std::to_string(proto::kMaxPayload) + " bytes");
        } else if (const std::size_t tagBytes = receiveTags_ ? proto::kTagBytes : 0;
                   status == proto::DecodeStatus::Ok
                   && in_.size() - pos - proto::kHeaderSize >= header.length + tagBytes) {
            const unsigned char *frame = data + pos;
            const std::string_view payload = std::string_view(in_).substr(pos + proto::kHeaderSize, header.length);
            pos += proto::kHeaderSize + header.length + tagBytes;
            if (receiveTags_
                && !tagsEqual(receiveTags_->next(frame, payload), frame + proto::kHeaderSize + header.length)) {
                // Not the host's frame, or not in its place: whoever relays
                // this connection altered, injected, dropped or reordered it.
                fatal(proto::code::BadFrame, "a frame's tag does not match");
                break;
            }
            handleFrame(header, payload);
            continue;
        }
        break;
    }
    in_.erase(0, pos);
}

void Connection::handleFrame(const proto::Header &header, std::string_view payload)
{
    if (header.type == proto::Type::Hello) {
        onHello(header, payload);
        return;
    }
    if (!helloReceived_) {
        fatal(proto::code::BadRequest, "the host must send Hello before anything else");
        return;
    }
    Call *call = nullptr;
    switch (header.type) {
    case proto::Type::Call:
        onCall(header.id, payload);
        // A 1 MiB payload can parse into tens of MiB of small JSON nodes,
        // which glibc keeps unless told; trimming now keeps the spike brief.
        if (payload.size() > kTrimAfterPayload)
            ::malloc_trim(0);
        return;
    // Data and Cancel may cross a Result or Error on the wire, so an unknown id is no error.
    case proto::Type::Data:
        if ((call = find(header.id)))
            call->onData(payload);
        return;
    case proto::Type::DataEnd:
        if ((call = find(header.id)))
            call->onDataEnd();
        return;
    case proto::Type::Cancel:
        if ((call = find(header.id)))
            call->cancel();
        return;
    default: fatal(proto::code::BadFrame, "frame type " + typeName(header.type) + " is never sent by the host");
    }
}

void Connection::onHello(const proto::Header &header, std::string_view payload)
{
    if (helloReceived_ || header.id != 0) {
        fatal(proto::code::BadRequest, helloReceived_ ? "Hello sent twice" : "Hello must have id 0");
        return;
    }
    const Json hello = Json::parse(payload, nullptr, false);
    if (hello.is_discarded() || !hello.is_object()) {
        fatal(proto::code::BadFrame, "the Hello payload is not a JSON object");
        return;
    }
    const auto version = hello.find("version");
    if (version == hello.end() || !version->is_number_unsigned() || version->get<std::uint64_t>() != proto::kVersion) {
        fatal(proto::code::BadRequest,
              "unsupported protocol version; this agent speaks version " + std::to_string(proto::kVersion));
        return;
    }
    const auto mac = hello.find("mac");
    if (mac != hello.end() && !mac->is_boolean()) {
        fatal(proto::code::BadRequest, "the Hello's mac is not a boolean");
        return;
    }
    const auto challenge = hello.find("challenge");
    const std::optional<std::string> proof = challenge != hello.end() && challenge->is_string()
                                                     ? proveKey(key_, challenge->get_ref<const std::string &>())
                                                     : std::nullopt;
    if (!proof) {
        fatal(proto::code::BadChallenge, "the Hello carries no challenge of "
                                                 + std::to_string(proto::kChallengeHexChars) + " lowercase hex digits");
        return;
    }
    helloReceived_ = true;
    sendJson(*this, proto::Type::Hello, 0,
             Json{{"version", proto::kVersion},
                  {"agent", "hako-agent 0.1"},
                  {"seccomp", tools_.seccomp},
                  {"proof", *proof}});
    // Tags start after the Hellos: the host's is untagged, and so is ours, sent above.
    if (mac != hello.end() && mac->get<bool>()) {
        unsigned char bytes[proto::kChallengeBytes];
        decodeHex(challenge->get_ref<const std::string &>(), bytes, sizeof bytes);
        const Digest session = sessionKey({reinterpret_cast<const char *>(key_.data()), key_.size()},
                                          {reinterpret_cast<const char *>(bytes), sizeof bytes});
        sendTags_.emplace(session, proto::kAgentToHost);
        receiveTags_.emplace(session, proto::kHostToAgent);
    }
}

void Connection::onCall(std::uint32_t id, std::string_view payload)
{
    if (id == 0) {
        fatal(proto::code::BadRequest, "call id 0 is reserved for the connection");
        return;
    }
    if (calls_.count(id) != 0) {
        fatal(proto::code::DuplicateId, "call id " + std::to_string(id) + " is already in flight");
        return;
    }
    const Json request = Json::parse(payload, nullptr, false);
    if (request.is_discarded()) {
        fatal(proto::code::BadFrame, "the Call payload is not valid JSON");
        return;
    }
    if (calls_.size() >= kMaxCalls) {
        sendFailure(*this, id, {proto::code::BadRequest, "too many calls in flight on this connection", nullptr});
        return;
    }
    try {
        std::unique_ptr<Call> call = startCall(tools_, *this, id, request);
        if (call && !call->done())
            calls_.emplace(id, std::move(call));
    } catch (const std::exception &e) {
        // Input is checked before use, so this is resource exhaustion or a bug;
        // either way the call fails and the agent carries on.
        sendFailure(*this, id, {proto::code::IoError, std::string("internal error: ") + e.what(), nullptr});
    }
}

Call *Connection::find(std::uint32_t id) const
{
    const auto it = calls_.find(id);
    return it == calls_.end() ? nullptr : it->second.get();
}

void Connection::fatal(const char *code, const std::string &message)
{
    sendFailure(*this, 0, {code, message, nullptr});
    closing_ = true;
    closeBy_ = Clock::now() + kCloseGrace;
    for (auto &entry : calls_)
        retired_.push_back(std::move(entry.second));
    calls_.clear();
}

void Connection::retire(std::uint32_t id)
{
    const auto it = calls_.find(id);
    if (it == calls_.end())
        return;
    retired_.push_back(std::move(it->second));
    calls_.erase(it);
}

void Connection::activeCalls(std::vector<Call *> &calls) const
{
    for (const auto &entry : calls_)
        calls.push_back(entry.second.get());
}

void Connection::send(proto::Type type, std::uint32_t id, std::string_view payload)
{
    if (dead_)
        return;
    // One reservation covers a full backlog: growing by doubling would copy it
    // and briefly hold it twice, while reserved pages cost nothing until used.
    const std::size_t tagBytes = sendTags_ ? proto::kTagBytes : 0;
    const std::size_t needed = out_.size() + proto::kHeaderSize + payload.size() + tagBytes;
    if (needed > kKeepCapacity && out_.capacity() < kReservedBacklog)
        out_.reserve(std::max(needed, kReservedBacklog));
    unsigned char header[proto::kHeaderSize];
    proto::writeHeader(header, type, id, payload.size());
    out_.append(reinterpret_cast<const char *>(header), sizeof header);
    out_.append(payload);
    if (sendTags_) {
        const Tag tag = sendTags_->next(header, payload);
        out_.append(reinterpret_cast<const char *>(tag.data()), tag.size());
    }
}

void Connection::flush()
{
    while (!dead_ && outHead_ < out_.size()) {
        const ssize_t n = sendSome(fd_.get(), out_.data() + outHead_, out_.size() - outHead_);
        if (n < 0) {
            dead_ = errno != EAGAIN && errno != EWOULDBLOCK;
            break;
        }
        outHead_ += static_cast<std::size_t>(n);
    }
    // Capacity is kept while busy (shrink() gives it back on going idle):
    // freeing and refaulting megabytes every turn costs more than the copy.
    if (outHead_ == out_.size() || dead_) {
        out_.clear();
        outHead_ = 0;
    } else if (outHead_ >= kKeepCapacity && outHead_ * 2 >= out_.size()) {
        out_.erase(0, outHead_);
        outHead_ = 0;
    }
}

} // namespace hako::agent
