// Wire protocol between the plugin (host side) and hako-agent (container side).
// Both sides compile this one header; it is free of Qt so that the agent can be
// linked statically without it. Error codes are in errors.h, tool names in
// tools.h, the defaults a Call may leave out in limits.h.
//
// A frame is a 9-byte header followed by `length` payload bytes (and, where
// the host asks for frame tags, a 16-byte tag: see "Frame tags" below):
//   u32 length (big-endian, payload only) | u8 type | u32 call id (big-endian)
// Call id 0 addresses the connection itself (Hello, connection-level Error).
//
// The host speaks first: its Hello carries a fresh random challenge, and the
// agent's Hello answers with a proof that it holds the container's key (see
// "Agent authentication" below). Nothing else is exchanged before that.
// Payloads of Hello, Call, Result, Error and Event are UTF-8 JSON objects; Data,
// Stdout, Stderr and FileData carry raw bytes, so every transfer is binary-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hako::proto {

inline constexpr std::uint32_t kVersion = 2;
inline constexpr std::size_t kHeaderSize = 9;
// Large enough for a useful chunk, small enough that a hostile peer cannot make
// the other side allocate much before the frame is rejected.
inline constexpr std::uint32_t kMaxPayload = 1u << 20;
inline constexpr std::size_t kChunkSize = 64 * 1024;

enum class Type : std::uint8_t {
    Hello = 1,     // both ways, id 0; host first: {"version":2,"challenge":HEX[,"mac":true]},
                   // then the agent: {"version":2,"agent":"...","seccomp":"...","proof":HEX}
    Call = 2,      // host->agent: {"tool":"bash","input":{...},"timeout_ms":N,"output_limit":N}
    Data = 3,      // host->agent: upload bytes for the call (write_file)
    DataEnd = 4,   // host->agent: upload complete
    Cancel = 5,    // host->agent: stop the call; a Result or Error still follows
    Stdout = 6,    // agent->host: output chunk
    Stderr = 7,    // agent->host: output chunk
    Result = 8,    // agent->host: final JSON result; ends the call
    Error = 9,     // agent->host: {"code":"...","message":"..."}; ends the call, or with id 0 the connection
    FileData = 10, // agent->host: download bytes for the call (read_file)
    Event = 11     // agent->host, id 0: {"event":"seccomp_violation","syscall":"mount"} or {"event":"canary"}
};

inline bool isKnownType(std::uint8_t t)
{
    return t >= 1 && t <= 11;
}

struct Header
{
    std::uint32_t length = 0;
    Type type = Type::Hello;
    std::uint32_t id = 0;
};

enum class DecodeStatus { NeedMore, Ok, BadType, TooLarge };

inline std::uint32_t readBe32(const unsigned char *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

inline void writeBe32(unsigned char *p, std::uint32_t v)
{
    p[0] = static_cast<unsigned char>(v >> 24);
    p[1] = static_cast<unsigned char>(v >> 16);
    p[2] = static_cast<unsigned char>(v >> 8);
    p[3] = static_cast<unsigned char>(v);
}

// Validates a header found at the start of `buf`. Says NeedMore until a whole
// header is present; never looks past `size`.
inline DecodeStatus decodeHeader(const unsigned char *buf, std::size_t size, Header &out)
{
    if (size < kHeaderSize)
        return DecodeStatus::NeedMore;
    const std::uint32_t length = readBe32(buf);
    if (!isKnownType(buf[4]))
        return DecodeStatus::BadType;
    if (length > kMaxPayload)
        return DecodeStatus::TooLarge;
    out.length = length;
    out.type = static_cast<Type>(buf[4]);
    out.id = readBe32(buf + 5);
    return DecodeStatus::Ok;
}

inline void writeHeader(unsigned char *p, Type type, std::uint32_t id, std::size_t length)
{
    writeBe32(p, static_cast<std::uint32_t>(length));
    p[4] = static_cast<unsigned char>(type);
    writeBe32(p + 5, id);
}

inline std::string encodeFrame(Type type, std::uint32_t id, std::string_view payload)
{
    std::string frame(kHeaderSize, '\0');
    writeHeader(reinterpret_cast<unsigned char *>(frame.data()), type, id, payload.size());
    frame.append(payload);
    return frame;
}

// Appends a frame to an output buffer without building it separately first.
inline void appendFrame(std::string &out, Type type, std::uint32_t id, std::string_view payload)
{
    unsigned char header[kHeaderSize];
    writeHeader(header, type, id, payload.size());
    out.append(reinterpret_cast<const char *>(header), kHeaderSize);
    out.append(payload);
}

// Agent authentication. Each container's agent is given a 32-byte key, only
// through this environment variable, as 64 lowercase hex digits; it takes the
// key out of its environment before any tool exists. Its Hello proves the key
// without revealing it:
//   proof = hex(HMAC-SHA256(key, kProofContext || challenge bytes))
// where the challenge is the 32 bytes the host's Hello carries as hex. A tool
// process cannot read the key, so neither a fake agent it binds nor another
// container's agent (which holds another key) can answer for this container.
inline constexpr const char *kAgentKeyEnv = "HAKO_AGENT_KEY";
inline constexpr std::string_view kProofContext = "hako-agent-proof-v1";
inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::size_t kChallengeBytes = 32;
inline constexpr std::size_t kProofBytes = 32;
// Every one of them travels as lowercase hex: twice as many characters.
inline constexpr std::size_t kKeyHexChars = 2 * kKeyBytes;
inline constexpr std::size_t kChallengeHexChars = 2 * kChallengeBytes;
inline constexpr std::size_t kProofHexChars = 2 * kProofBytes;

// Decoys (tripwires): fake AWS credentials the agent leaves in the tools'
// home directory before any tool exists. Their key ID is "AKIA" followed by
// the base32 (RFC 4648) of the first 10 bytes of HMAC-SHA256(key,
// kDecoyKeyIdContext), so the host, which knows the key, recognises it in a
// proxy request, and a tool, which does not, cannot make another container's.
// The agent reports an open of a decoy file as the "canary" event, which
// carries nothing else: the host trusts no detail from the sandbox.
inline constexpr std::string_view kDecoyKeyIdContext = "hako-decoy-key-id-v1";
inline constexpr std::string_view kDecoySecretContext = "hako-decoy-secret-v1";
inline constexpr std::string_view kCanaryEvent = "canary";

// Frame tags: binding the channel to the handshake where the host cannot tell
// who its peer is (gVisor, whose gofer is the peer of every socket in the
// sandbox, so a tool could relay the handshake to the real agent). The host's
// Hello then carries "mac": true, and from the frame after its own Hello on,
// each side appends a tag to every frame it sends:
//   header (9) | payload (length) | tag (kTagBytes)
// The header's length still counts the payload only. The tag is
//   first 16 bytes of HMAC-SHA256(sessionKey, direction || u64 BE sequence
//   || header || payload)
//   sessionKey = HMAC-SHA256(key raw bytes, kSessionContext || challenge bytes)
// with direction kHostToAgent or kAgentToHost and each direction's sequence
// counting its tagged frames from 0. A relay without the key can then only
// pass frames through unchanged, in order and complete, or cut the connection:
// an altered, injected, replayed, reordered, dropped or reflected frame, or
// one without its tag, fails the check and ends the connection.
inline constexpr std::string_view kSessionContext = "hako-agent-session-v1";
inline constexpr std::size_t kTagBytes = 16;
inline constexpr char kHostToAgent = 'H';
inline constexpr char kAgentToHost = 'A';
// What precedes the header in the MAC: the direction and the sequence number.
inline constexpr std::size_t kTagPrefixSize = 9;

inline void writeTagPrefix(unsigned char *p, char direction, std::uint64_t sequence)
{
    p[0] = static_cast<unsigned char>(direction);
    for (int i = 0; i < 8; ++i)
        p[1 + i] = static_cast<unsigned char>(sequence >> (56 - 8 * i));
}

} // namespace hako::proto
