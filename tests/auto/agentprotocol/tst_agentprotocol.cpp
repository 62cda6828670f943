// Unit checks for the agent's framing, handshake and path confinement, without
// Qt: the agent links no Qt and neither does its test. Behaviour over a real
// socket is covered by tests/integration/agent/agent_driver.py; the HMAC's
// test vectors and the host's side of the proof by tests/auto/agentproof.
#include "bashrequest.h"
#include "children.h"
#include "connection.h"
#include "editor.h"
#include "hmac.h"
#include "pathguard.h"
#include "tools.h"

#include <hako/protocol/limits.h>
#include <hako/protocol/wire.h>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <functional>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hako;
using namespace hako::agent;

namespace {

int g_passed = 0;
int g_failed = 0;

void check(bool ok, const std::string &what)
{
    ok ? ++g_passed : ++g_failed;
    if (!ok)
        std::printf("FAIL %s\n", what.c_str());
}

proto::DecodeStatus decode(const std::string &bytes, proto::Header &h)
{
    return proto::decodeHeader(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size(), h);
}

void testFraming()
{
    proto::Header h;
    std::string frame;
    proto::appendFrame(frame, proto::Type::Stdout, 0xA1B2C3D4, std::string("x\0y", 3));
    check(frame == proto::encodeFrame(proto::Type::Stdout, 0xA1B2C3D4, std::string("x\0y", 3)),
          "appendFrame matches encodeFrame");
    check(decode(frame, h) == proto::DecodeStatus::Ok && h.length == 3 && h.id == 0xA1B2C3D4
                  && h.type == proto::Type::Stdout,
          "round trip");
    check(decode(frame.substr(0, 8), h) == proto::DecodeStatus::NeedMore, "partial header");
    for (unsigned char bad : {0, 12, 255}) {
        std::string b = frame;
        b[4] = static_cast<char>(bad);
        check(decode(b, h) == proto::DecodeStatus::BadType, "type " + std::to_string(bad) + " rejected");
    }
    check(decode(proto::encodeFrame(proto::Type::Data, 1, std::string(proto::kMaxPayload, 'a')), h)
                  == proto::DecodeStatus::Ok,
          "largest payload accepted");
    std::string big = frame;
    proto::writeBe32(reinterpret_cast<unsigned char *>(big.data()), proto::kMaxPayload + 1);
    check(decode(big, h) == proto::DecodeStatus::TooLarge, "oversized payload rejected");
}

std::string code(const std::optional<Failure> &f)
{
    return f ? f->code : "ok";
}

void testPathGuard(const std::string &ws, bool openat2)
{
    const std::string mode = openat2 ? " [openat2]" : " [walk]";
    PathGuard guard;
    check(!guard.open(ws, openat2) && guard.usesOpenat2() == openat2, "open" + mode);
    const auto open = [&](const std::string &path) {
        UniqueFd fd;
        return code(guard.openPath(path, O_RDONLY, fd));
    };
    check(open("a/b.txt") == "ok", "relative path" + mode);
    check(open(ws + "/a/b.txt") == "ok", "absolute path" + mode);
    check(open("a//./b.txt") == "ok", "redundant separators" + mode);
    const std::string outside[] = {"esc/etc/passwd", "pw",         "../x",     "a/../../x",
                                   "/etc/passwd",    ws + "/../x", ws + "x/y", "inner/../../x"};
    for (const std::string &path : outside)
        check(open(path) == proto::code::PathOutside, path + " refused" + mode);
    check(open("") == proto::code::BadRequest, "empty path" + mode);
    check(open(std::string("a\0b", 3)) == proto::code::BadRequest, "NUL byte" + mode);
    check(open("missing") == proto::code::NotFound, "missing file" + mode);
    // Without openat2 links are refused outright, even those that stay inside.
    check(open("inner/b.txt") == (openat2 ? "ok" : proto::code::PathOutside), "inner link" + mode);

    UniqueFd dir;
    std::string name;
    check(code(guard.openParent("a/new.txt", dir, name)) == "ok" && name == "new.txt", "parent" + mode);
    check(code(guard.openParent("esc/tmp/x", dir, name)) == proto::code::PathOutside, "parent via link" + mode);
    check(code(guard.openParent("a/..", dir, name)) == proto::code::PathOutside, "parent ..");
    check(code(guard.openParent(ws, dir, name)) == proto::code::BadRequest, "workspace itself" + mode);
    check(code(guard.openParent("nodir/x", dir, name)) == proto::code::NotFound, "missing parent" + mode);
}

void testEditor(const std::string &ws)
{
    PathGuard guard;
    std::string out;
    check(!guard.open(ws), "editor fixture");
    const auto run = [&](const Json &input) { return code(runEditor(guard, input, out)); };
    check(run({{"command", "create"}, {"path", "e.txt"}, {"file_text", "a\nb\na\n"}}) == "ok", "create");
    check(run({{"command", "str_replace"}, {"path", "e.txt"}, {"old_str", "a"}}) == proto::code::MultipleMatches,
          "two matches");
    check(run({{"command", "str_replace"}, {"path", "e.txt"}, {"old_str", "b\na"}, {"new_str", "c"}}) == "ok",
          "unique match");
    check(run({{"command", "insert"}, {"path", "e.txt"}, {"insert_line", 1}, {"new_str", "z"}}) == "ok", "insert");
    check(run({{"command", "view"}, {"path", "e.txt"}}) == "ok"
                  && out.find("     2\tz\n     3\tc\n") != std::string::npos,
          "view after edits");
    check(run({{"command", "view"}, {"path", "e.txt"}, {"view_range", {4, -1}}}) == proto::code::BadRequest,
          "view_range past the end");
    check(run({{"command", "insert"}, {"path", "e.txt"}, {"insert_line", 4}, {"new_str", "z"}})
                  == proto::code::BadRequest,
          "insert past the end");
}

// The frames a Connection sent, as (type, id, payload).
struct Sent
{
    proto::Type type;
    std::uint32_t id;
    std::string payload;
};

std::vector<Sent> readFrames(int fd)
{
    std::string bytes;
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        bytes.append(buffer, size_t(n));
    std::vector<Sent> frames;
    proto::Header h;
    std::size_t pos = 0;
    while (proto::decodeHeader(reinterpret_cast<const unsigned char *>(bytes.data() + pos), bytes.size() - pos, h)
                   == proto::DecodeStatus::Ok
           && bytes.size() - pos - proto::kHeaderSize >= h.length) {
        frames.push_back({h.type, h.id, bytes.substr(pos + proto::kHeaderSize, h.length)});
        pos += proto::kHeaderSize + h.length;
    }
    return frames;
}

// The agent speaks second: nothing before the host's Hello, then one Hello
// whose proof is HMAC-SHA256(key, context || challenge), or for a Hello
// without a usable challenge one id-0 Error and the close.
void testHandshake(Tools &tools)
{
    AgentKey key;
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<unsigned char>(0xa0 + i);
    const std::string challenge = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    std::string message(proto::kProofContext);
    for (int i = 0; i < 32; ++i)
        message.push_back(static_cast<char>(i));
    const Digest mac = hmacSha256({reinterpret_cast<const char *>(key.data()), key.size()}, message);
    const std::string expected = encodeHex(mac.data(), mac.size());

    struct Case
    {
        const char *name;
        std::string hello;
        const char *code; // nullptr: accepted
    };
    const Case cases[] = {
            {"valid", R"({"version":2,"challenge":")" + challenge + R"("})", nullptr},
            {"no challenge", R"({"version":2})", proto::code::BadChallenge},
            {"challenge not a string", R"({"version":2,"challenge":7})", proto::code::BadChallenge},
            {"short challenge", R"({"version":2,"challenge":")" + challenge.substr(1) + R"("})",
             proto::code::BadChallenge},
            {"uppercase challenge",
             R"({"version":2,"challenge":"000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F"})",
             proto::code::BadChallenge},
            {"version 1", R"({"version":1,"challenge":")" + challenge + R"("})", proto::code::BadRequest},
            {"not an object", "[]", proto::code::BadFrame},
    };
    for (const Case &c : cases) {
        const std::string name = std::string("handshake: ") + c.name;
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0) {
            check(false, name + ": socketpair");
            continue;
        }
        Connection connection(UniqueFd(fds[0]), tools, key);
        connection.flush();
        check(readFrames(fds[1]).empty(), name + ": silent before the host's Hello");
        const std::string frame = proto::encodeFrame(proto::Type::Hello, 0, c.hello);
        check(::write(fds[1], frame.data(), frame.size()) == ssize_t(frame.size()), name + ": write");
        connection.onReadable();
        connection.flush();
        const std::vector<Sent> sent = readFrames(fds[1]);
        const Json reply = sent.size() == 1 ? Json::parse(sent[0].payload, nullptr, false) : Json();
        if (!c.code) {
            check(sent.size() == 1 && sent[0].type == proto::Type::Hello && sent[0].id == 0, name + ": one Hello");
            check(reply.is_object() && reply.value("proof", "") == expected && reply.value("version", 0) == 2,
                  name + ": proof");
            check(sent.size() == 1 && sent[0].payload.find(encodeHex(key.data(), key.size())) == std::string::npos,
                  name + ": key not sent");
            check(connection.ready(), name + ": ready");
        } else {
            check(sent.size() == 1 && sent[0].type == proto::Type::Error && sent[0].id == 0,
                  name + ": one id-0 Error, no Hello");
            check(reply.is_object() && reply.value("code", "") == c.code, name + ": code " + c.code);
            check(!connection.open() && !connection.ready(), name + ": closing");
        }
        ::close(fds[1]);
    }
}

// What the agent sent after its Hello on a tagged connection: each frame is
// followed by its tag, checked here in sequence; `tagsOk` false for any that
// does not match or is missing.
std::vector<Sent> readTaggedFrames(int fd, FrameTagger &agentTags, bool &tagsOk)
{
    std::string bytes;
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        bytes.append(buffer, size_t(n));
    std::vector<Sent> frames;
    proto::Header h;
    std::size_t pos = 0;
    tagsOk = true;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    while (proto::decodeHeader(data + pos, bytes.size() - pos, h) == proto::DecodeStatus::Ok
           && bytes.size() - pos - proto::kHeaderSize >= h.length) {
        const std::string payload = bytes.substr(pos + proto::kHeaderSize, h.length);
        // The agent's Hello is the one untagged frame.
        const std::size_t tagBytes = frames.empty() ? 0 : proto::kTagBytes;
        if (bytes.size() - pos - proto::kHeaderSize - h.length < tagBytes) {
            tagsOk = false;
            break;
        }
        if (tagBytes && !tagsEqual(agentTags.next(data + pos, payload), data + pos + proto::kHeaderSize + h.length))
            tagsOk = false;
        frames.push_back({h.type, h.id, payload});
        pos += proto::kHeaderSize + h.length + tagBytes;
    }
    if (pos != bytes.size())
        tagsOk = false;
    return frames;
}

std::string taggedFrame(FrameTagger &tags, proto::Type type, std::uint32_t id, const std::string &payload)
{
    std::string frame = proto::encodeFrame(type, id, payload);
    const Tag tag = tags.next(reinterpret_cast<const unsigned char *>(frame.data()), payload);
    frame.append(reinterpret_cast<const char *>(tag.data()), tag.size());
    return frame;
}

// With "mac": true in the host's Hello every later frame either way carries a
// tag. The agent answers the host's honest frames (with tags of its own) and
// refuses with an id-0 bad_frame and the close whatever a relay without the
// key could make of them.
void testFrameTags(Tools &tools)
{
    AgentKey key;
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<unsigned char>(0xa0 + i);
    std::string challengeBytes;
    for (int i = 0; i < 32; ++i)
        challengeBytes.push_back(static_cast<char>(i));
    const std::string challenge = encodeHex(reinterpret_cast<const unsigned char *>(challengeBytes.data()), 32);
    const std::string_view rawKey(reinterpret_cast<const char *>(key.data()), key.size());
    const Digest session = sessionKey(rawKey, challengeBytes);
    const std::string call = R"({"tool":"no_such_tool","input":{}})";

    struct Case
    {
        const char *name;
        std::string hello;
        // The bytes the host (or a relay) sends after its Hello, given the host's tagger.
        std::function<std::string(FrameTagger &)> frames;
        int answered;     // unknown_tool answers before the end
        const char *code; // the id-0 Error that ends it; nullptr: stays open
    };
    const std::string macHello = R"({"version":2,"mac":true,"challenge":")" + challenge + R"("})";
    const Case cases[] =
            {
                    {"honest", macHello,
                     [&](FrameTagger &t) {
        const std::string first = taggedFrame(t, proto::Type::Call, 1, call);
        return first + taggedFrame(t, proto::Type::Call, 2, call);
                     },
                     2, nullptr},
                    {"tampered payload byte", macHello,
                     [&](FrameTagger &t) {
        std::string f = taggedFrame(t, proto::Type::Call, 1, call);
        f[proto::kHeaderSize + 10] ^= 0x01;
        return f;
                     },
                     0, proto::code::BadFrame},
               {"tampered header (call id)", macHello,
                [&](FrameTagger &t) {
        std::string f = taggedFrame(t, proto::Type::Call, 1, call);
        f[8] = 2;
        return f;
                },
                0, proto::code::BadFrame},
            {"tampered tag", macHello,
             [&](FrameTagger &t) {
        std::string f = taggedFrame(t, proto::Type::Call, 1, call);
        f.back() ^= 0x80;
        return f;
             },
             0, proto::code::BadFrame},
            {"replayed frame", macHello,
             [&](FrameTagger &t) {
        const std::string f = taggedFrame(t, proto::Type::Call, 1, call);
        return f + f;
             },
             1, proto::code::BadFrame},
            {"dropped frame (sequence gap)", macHello,
             [&](FrameTagger &t) {
        taggedFrame(t, proto::Type::Call, 1, call); // never sent
        return taggedFrame(t, proto::Type::Call, 2, call);
             },
             0, proto::code::BadFrame},
            {"reordered frames", macHello,
             [&](FrameTagger &t) {
        const std::string first = taggedFrame(t, proto::Type::Call, 1, call);
        return taggedFrame(t, proto::Type::Call, 2, call) + first;
             },
             0, proto::code::BadFrame},
            {"frame without a tag", macHello,
             [&](FrameTagger &t) {
        // Its "tag" is read from what follows: the host's next, honest frame.
        return proto::encodeFrame(proto::Type::Call, 1, call) + taggedFrame(t, proto::Type::Call, 2, call);
             },
             0, proto::code::BadFrame},
            {"injected frame before honest ones", macHello,
             [&](FrameTagger &t) {
        std::string forged = proto::encodeFrame(proto::Type::Cancel, 1, "") + std::string(proto::kTagBytes, '\0');
        return forged + taggedFrame(t, proto::Type::Call, 1, call);
             },
             0, proto::code::BadFrame},
            {"agent's own frame reflected", macHello,
             [&](FrameTagger &) {
        FrameTagger reflected(session, proto::kAgentToHost);
        return taggedFrame(reflected, proto::Type::Call, 1, call);
             },
             0, proto::code::BadFrame},
            {"tag under the key's hex", macHello,
             [&](FrameTagger &) {
        FrameTagger hexKeyed(sessionKey(encodeHex(key.data(), key.size()), challengeBytes), proto::kHostToAgent);
        return taggedFrame(hexKeyed, proto::Type::Call, 1, call);
             },
             0, proto::code::BadFrame},
            {"mac not a boolean", R"({"version":2,"mac":1,"challenge":")" + challenge + R"("})",
             [&](FrameTagger &) { return std::string(); }, 0, proto::code::BadRequest},
            {"mac false: no tags", R"({"version":2,"mac":false,"challenge":")" + challenge + R"("})",
             [&](FrameTagger &) { return proto::encodeFrame(proto::Type::Call, 1, call); }, 1, nullptr},
            };
    for (const Case &c : cases) {
        const std::string name = std::string("frame tags: ") + c.name;
        const bool tagged = c.hello.find("\"mac\":true") != std::string::npos;
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0) {
            check(false, name + ": socketpair");
            continue;
        }
        Connection connection(UniqueFd(fds[0]), tools, key);
        FrameTagger hostTags(session, proto::kHostToAgent);
        FrameTagger agentTags(session, proto::kAgentToHost);
        const std::string bytes = proto::encodeFrame(proto::Type::Hello, 0, c.hello) + c.frames(hostTags);
        check(::write(fds[1], bytes.data(), bytes.size()) == ssize_t(bytes.size()), name + ": write");
        connection.onReadable();
        connection.flush();
        bool tagsOk = true;
        const std::vector<Sent> sent = tagged ? readTaggedFrames(fds[1], agentTags, tagsOk) : readFrames(fds[1]);
        check(tagsOk, name + ": the agent's frames carry their tags");
        const bool helloFirst = !sent.empty() && sent[0].type == proto::Type::Hello;
        int answered = 0;
        std::string closedWith;
        for (std::size_t i = helloFirst ? 1 : 0; i < sent.size(); ++i) {
            const Json reply = Json::parse(sent[i].payload, nullptr, false);
            const std::string code = reply.is_object() ? reply.value("code", "") : "";
            if (sent[i].type == proto::Type::Error && sent[i].id != 0 && code == proto::code::UnknownTool)
                ++answered;
            else if (sent[i].type == proto::Type::Error && sent[i].id == 0 && closedWith.empty())
                closedWith = code;
            else
                check(false, name + ": unexpected frame type " + std::to_string(int(sent[i].type)));
        }
        check(helloFirst || (c.code && std::string(c.code) == proto::code::BadRequest), name + ": the agent's Hello");
        check(answered == c.answered, name + ": " + std::to_string(answered) + " calls answered");
        if (c.code)
            check(closedWith == c.code && !connection.open(), name + ": closed with " + c.code + ", got " + closedWith);
        else
            check(closedWith.empty() && connection.ready(), name + ": stays open, closed with " + closedWith);
        ::close(fds[1]);
    }
}

// The bash tool's input rules and its Result's shape, which a call that only
// restarts the session shares with one that ran a command.
void testBashRequest(Tools &tools)
{
    const auto parse = [](const Json &request, const Json &input, BashRequest &out) {
        return code(parseBashRequest(request, input, out));
    };
    BashRequest r;
    check(parse(Json::object(), {{"command", "true"}}, r) == "ok" && r.command == "true" && !r.restart
                  && r.limits.timeoutMs == proto::kDefaultTimeoutMs
                  && r.limits.outputLimit == proto::kDefaultOutputLimit,
          "bash: the protocol's defaults");
    check(parse({{"timeout_ms", 0}, {"output_limit", 5}}, {{"command", "true"}}, r) == "ok" && r.limits.timeoutMs == 0
                  && r.limits.outputLimit == 5,
          "bash: limits taken from the Call");
    check(parse(Json::object(), {{"restart", true}}, r) == "ok" && !r.command && r.restart, "bash: restart alone");
    const Json refused[][2] = {{Json::object(), Json::object()},
                               {Json::object(), {{"restart", false}}},
                               {Json::object(), {{"command", std::string("a\0b", 3)}}},
                               {Json::object(), {{"command", 7}}},
                               {Json::object(), {{"command", "true"}, {"restart", "yes"}}},
                               {{{"timeout_ms", -1}}, {{"command", "true"}}},
                               {{{"output_limit", "1m"}}, {{"command", "true"}}}};
    for (const auto &c : refused)
        check(parse(c[0], c[1], r) == proto::code::BadRequest, "bash refuses " + c[0].dump() + " " + c[1].dump());

    const Json empty = bashResult({});
    const Json expectedKeys = {"cancelled",    "duration_ms",  "exit_code", "oom_killed", "signal",
                               "stderr_bytes", "stdout_bytes", "timed_out", "truncated"};
    Json keys = Json::array();
    for (auto it = empty.begin(); it != empty.end(); ++it)
        keys.push_back(it.key());
    check(keys == expectedKeys && empty["signal"].is_null() && empty["exit_code"] == 0, "bash: the Result's shape");
    BashReport killed;
    killed.signal = 9;
    killed.exitCode = 137;
    check(bashResult(killed)["signal"] == 9 && bashResult(killed)["exit_code"] == 137, "bash: a signal is named");

    struct Recorder : Outbox
    {
        std::vector<Sent> frames;
        void send(proto::Type type, std::uint32_t id, std::string_view payload) override
        {
            frames.push_back({type, id, std::string(payload)});
        }
        std::size_t backlog() const override { return 0; }
        void retire(std::uint32_t) override {}
    } out;
    const auto call = startCall(tools, out, 7, {{"tool", "bash"}, {"input", {{"restart", true}}}});
    check(!call && out.frames.size() == 1 && out.frames[0].type == proto::Type::Result && out.frames[0].id == 7
                  && Json::parse(out.frames[0].payload) == empty,
          "bash: a restart alone answers at once with the empty Result");
}

} // namespace

int main()
{
    char tmpl[] = "/tmp/tst_agentprotocol.XXXXXX";
    const std::string base = ::mkdtemp(tmpl) ? tmpl : "";
    const std::string ws = base + "/ws";
    const bool setUp = !base.empty() && ::mkdir(ws.c_str(), 0755) == 0 && ::mkdir((ws + "/a").c_str(), 0755) == 0
                       && ::close(::open((ws + "/a/b.txt").c_str(), O_CREAT | O_WRONLY, 0644)) == 0
                       && ::symlink("/", (ws + "/esc").c_str()) == 0
                       && ::symlink("/etc/passwd", (ws + "/pw").c_str()) == 0
                       && ::symlink("a", (ws + "/inner").c_str()) == 0;
    check(setUp, "fixture");
    testFraming();
    testPathGuard(ws, true);
    testPathGuard(ws, false);
    testEditor(ws);
    {
        PathGuard guard;
        ChildTable children;
        BashSession bash(children);
        GroupKiller killer;
        auto failure = guard.open(ws);
        if (!failure)
            failure = bash.open(base + "/state", ws);
        check(!failure, "handshake fixture: " + (failure ? failure->message : std::string()));
        Tools tools{guard, bash, children, killer, "none"};
        testHandshake(tools);
        testFrameTags(tools);
        testBashRequest(tools);
    }
    const std::string cleanup = "rm -rf '" + base + "'";
    if (!base.empty() && std::system(cleanup.c_str()) != 0)
        std::printf("could not remove %s\n", base.c_str());
    std::printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
