// A hostile stand-in for hako-agent, run by tst_agentflood as its own
// process so that its buffers do not count against the host's memory. It
// answers the host's Hello with a valid proof (it is given the key), takes
// the first Call, then writes 1 MiB frames as fast as the socket takes them
// until the host hangs up or 30 s pass. No Qt, blocking I/O.
//
//   fakeagent SOCKET KEYHEX MODE
//   MODE: stdout | stderr | filedata (for the call), stray (for a call id
//   never issued), idzero (Stdout with id 0); result-arrays | result-numbers |
//   result-string: one 1 MiB Result of that JSON, then quiet; error-long: one
//   Error with a message of 1 MiB, then quiet; hello-again: its Hello once
//   more, then the call's Result, then quiet; past-limit: 1 MiB + 4 KiB of
//   Stdout, ignoring any output limit, then a Result that claims no
//   truncation, then quiet; mac-*: the host asked for frame tags
//   (hako/protocol/wire.h, "Frame tags"): the Call's tag is checked, then Stdout
//   "hi" and a Result, honestly (mac-honest) or as a relay without the key
//   could alter them (mac-tamper-payload, mac-tamper-header, mac-replay,
//   mac-drop, mac-untagged, mac-reflected), then quiet
#include "agentkey.h"
#include "hmac.h"

#include <hako/protocol/wire.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace hako;

namespace {

bool readFull(int fd, void *buffer, size_t size)
{
    auto *p = static_cast<char *>(buffer);
    while (size > 0) {
        const ssize_t n = ::read(fd, p, size);
        if (n <= 0)
            return false;
        p += n;
        size -= size_t(n);
    }
    return true;
}

bool writeFull(int fd, const std::string &bytes)
{
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += size_t(n);
    }
    return true;
}

bool readFrame(int fd, proto::Header &header, std::string &payload)
{
    unsigned char raw[proto::kHeaderSize];
    if (!readFull(fd, raw, sizeof raw) || proto::decodeHeader(raw, sizeof raw, header) != proto::DecodeStatus::Ok)
        return false;
    payload.resize(header.length);
    return readFull(fd, payload.data(), payload.size());
}

std::string tagged(agent::FrameTagger &tags, proto::Type type, std::uint32_t id, const std::string &payload)
{
    std::string frame = proto::encodeFrame(type, id, payload);
    const agent::Tag tag = tags.next(reinterpret_cast<const unsigned char *>(frame.data()), payload);
    frame.append(reinterpret_cast<const char *>(tag.data()), tag.size());
    return frame;
}

// What a relay could send in place of the agent's Stdout "hi" and Result.
std::string macFrames(const std::string &mode, const agent::Digest &session, std::uint32_t id)
{
    agent::FrameTagger tags(session, proto::kAgentToHost);
    const std::string result = "{\"exit_code\":0}";
    std::string out = tagged(tags, proto::Type::Stdout, id, "hi");
    if (mode == "mac-tamper-payload")
        out[proto::kHeaderSize + 1] = 'j';
    else if (mode == "mac-tamper-header")
        out[4] = static_cast<char>(proto::Type::Stderr);
    else if (mode == "mac-replay")
        out += out;
    else if (mode == "mac-drop")
        out.clear();
    else if (mode == "mac-untagged")
        out = proto::encodeFrame(proto::Type::Stdout, id, "hi");
    else if (mode == "mac-reflected") {
        agent::FrameTagger reflected(session, proto::kHostToAgent);
        out = tagged(reflected, proto::Type::Stdout, id, "hi");
    }
    return out + tagged(tags, proto::Type::Result, id, result);
}

int fail(const char *what)
{
    std::fprintf(stderr, "fakeagent: %s: %s\n", what, std::strerror(errno));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    const std::string mode = argv[3];
    agent::AgentKey key{};
    if (!agent::decodeHex(argv[2], key.data(), key.size()))
        return 2;
    const int server = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", argv[1]);
    if (::bind(server, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(server, 1) != 0)
        return fail("bind");
    const int fd = ::accept(server, nullptr, nullptr);
    if (fd < 0)
        return fail("accept");
    // As much in flight as the kernel allows (net.core.wmem_max): more for the host to buffer.
    const int sendBuffer = 64 << 20;
    ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer);
    proto::Header header;
    std::string payload;
    if (!readFrame(fd, header, payload) || header.type != proto::Type::Hello)
        return fail("host Hello");
    if (mode == "silent") { // a wedged or hostile agent: accepts, reads, never answers
        char sink[4096];
        while (::read(fd, sink, sizeof sink) > 0) {
        }
        std::printf("1\n");
        return 0;
    }
    const std::string tag = "\"challenge\":\"";
    const size_t at = payload.find(tag);
    const auto proof =
            at == std::string::npos ? std::nullopt : agent::proveKey(key, payload.substr(at + tag.size(), 64));
    if (!proof)
        return fail("challenge");
    const std::string hello =
            "{\"version\":" + std::to_string(proto::kVersion) + ",\"agent\":\"fake\",\"proof\":\"" + *proof + "\"}";
    if (!writeFull(fd, proto::encodeFrame(proto::Type::Hello, 0, hello)))
        return fail("Hello");
    if (mode.rfind("mac-", 0) == 0) {
        unsigned char challenge[proto::kChallengeBytes];
        if (payload.find("\"mac\":true") == std::string::npos
            || !agent::decodeHex(payload.substr(at + tag.size(), 64), challenge, sizeof challenge))
            return fail("no mac in the host's Hello");
        const agent::Digest session = agent::sessionKey({reinterpret_cast<const char *>(key.data()), key.size()},
                                                        {reinterpret_cast<const char *>(challenge), sizeof challenge});
        agent::FrameTagger hostTags(session, proto::kHostToAgent);
        unsigned char raw[proto::kHeaderSize];
        unsigned char callTag[proto::kTagBytes];
        if (!readFull(fd, raw, sizeof raw) || proto::decodeHeader(raw, sizeof raw, header) != proto::DecodeStatus::Ok
            || header.type != proto::Type::Call)
            return fail("Call");
        payload.resize(header.length);
        if (!readFull(fd, payload.data(), payload.size()) || !readFull(fd, callTag, sizeof callTag)
            || !agent::tagsEqual(hostTags.next(raw, payload), callTag))
            return fail("the Call's tag");
        if (!writeFull(fd, macFrames(mode, session, header.id)))
            return fail("tagged frames");
        char sink[4096];
        while (::read(fd, sink, sizeof sink) > 0) {
        }
        std::printf("1\n");
        return 0;
    }
    do {
        if (!readFrame(fd, header, payload))
            return fail("Call");
    } while (header.type != proto::Type::Call);
    if (mode == "hello-again") {
        if (!writeFull(fd, proto::encodeFrame(proto::Type::Hello, 0, hello)
                                   + proto::encodeFrame(proto::Type::Result, header.id, "{\"exit_code\":0}")))
            return fail("second Hello");
        while (readFrame(fd, header, payload)) {
        }
        std::printf("1\n");
        return 0;
    }
    if (mode == "past-limit") {
        if (!writeFull(fd, proto::encodeFrame(proto::Type::Stdout, header.id, std::string(proto::kMaxPayload, 'x'))
                                   + proto::encodeFrame(proto::Type::Stdout, header.id, std::string(4096, 'x'))
                                   + proto::encodeFrame(proto::Type::Result, header.id, "{\"exit_code\":0}")))
            return fail("output past the limit");
        while (readFrame(fd, header, payload)) {
        }
        std::printf("1\n");
        return 0;
    }
    if (mode == "error-long") {
        // An Error whose message is as long as a frame allows.
        std::string error = "{\"code\":\"io_error\",\"message\":\"";
        error.append(proto::kMaxPayload - error.size() - 2, 'm');
        error += "\"}";
        if (!writeFull(fd, proto::encodeFrame(proto::Type::Error, header.id, error)))
            return fail("Error");
        while (readFrame(fd, header, payload)) {
        }
        std::printf("1\n");
        return 0;
    }
    if (mode.rfind("result-", 0) == 0) {
        // One Result as costly to parse as 1 MiB can be, then nothing until the host hangs up.
        const bool text = mode == "result-string";
        const std::string item = mode == "result-arrays" ? "[]," : "0,";
        std::string result = text ? "{\"exit_code\":0,\"x\":\"" : "{\"exit_code\":0,\"x\":[";
        while (result.size() + item.size() + 8 < proto::kMaxPayload)
            result += item;
        result += text ? "0\"}" : "0]}";
        if (!writeFull(fd, proto::encodeFrame(proto::Type::Result, header.id, result)))
            return fail("Result");
        while (readFrame(fd, header, payload)) {
        }
        std::printf("1\n");
        return 0;
    }
    proto::Type type = proto::Type::Stdout;
    std::uint32_t id = header.id;
    if (mode == "stderr")
        type = proto::Type::Stderr;
    else if (mode == "filedata")
        type = proto::Type::FileData;
    else if (mode == "stray")
        id += 1000;
    else if (mode == "idzero")
        id = 0;
    const std::string frame = proto::encodeFrame(type, id, std::string(proto::kMaxPayload, 'x'));
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::size_t frames = 0;
    while (std::chrono::steady_clock::now() < end && writeFull(fd, frame))
        ++frames;
    std::printf("%zu\n", frames);
    return 0;
}
