// Unit checks for the agent's framing and path confinement, without Qt: the
// agent links no Qt and neither does its test. Behaviour over a real socket is
// covered by tests/integration/agent/agent_driver.py.
#include "editor.h"
#include "pathguard.h"
#include "protocol.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
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
    std::string error;
    check(guard.open(ws, error, openat2) && guard.usesOpenat2() == openat2, "open" + mode);
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
    check(code(guard.openParent("esc/tmp/x", dir, name)) == proto::code::PathOutside,
          "parent via link" + mode);
    check(code(guard.openParent("a/..", dir, name)) == proto::code::PathOutside, "parent ..");
    check(code(guard.openParent(ws, dir, name)) == proto::code::BadRequest, "workspace itself" + mode);
    check(code(guard.openParent("nodir/x", dir, name)) == proto::code::NotFound, "missing parent" + mode);
}

void testEditor(const std::string &ws)
{
    PathGuard guard;
    std::string error, out;
    guard.open(ws, error);
    const auto run = [&](const Json &input) { return code(runEditor(guard, input, out)); };
    check(run({{"command", "create"}, {"path", "e.txt"}, {"file_text", "a\nb\na\n"}}) == "ok", "create");
    check(run({{"command", "str_replace"}, {"path", "e.txt"}, {"old_str", "a"}})
              == proto::code::MultipleMatches,
          "two matches");
    check(run({{"command", "str_replace"}, {"path", "e.txt"}, {"old_str", "b\na"}, {"new_str", "c"}}) == "ok",
          "unique match");
    check(run({{"command", "insert"}, {"path", "e.txt"}, {"insert_line", 1}, {"new_str", "z"}}) == "ok",
          "insert");
    check(run({{"command", "view"}, {"path", "e.txt"}}) == "ok"
              && out.find("     2\tz\n     3\tc\n") != std::string::npos,
          "view after edits");
    check(run({{"command", "view"}, {"path", "e.txt"}, {"view_range", {4, -1}}}) == proto::code::BadRequest,
          "view_range past the end");
    check(run({{"command", "insert"}, {"path", "e.txt"}, {"insert_line", 4}, {"new_str", "z"}})
              == proto::code::BadRequest,
          "insert past the end");
}

} // namespace

int main()
{
    char tmpl[] = "/tmp/tst_agentprotocol.XXXXXX";
    const std::string base = ::mkdtemp(tmpl) ? tmpl : "";
    const std::string ws = base + "/ws";
    const bool setUp =
        !base.empty() && ::mkdir(ws.c_str(), 0755) == 0 && ::mkdir((ws + "/a").c_str(), 0755) == 0
        && ::close(::open((ws + "/a/b.txt").c_str(), O_CREAT | O_WRONLY, 0644)) == 0
        && ::symlink("/", (ws + "/esc").c_str()) == 0 && ::symlink("/etc/passwd", (ws + "/pw").c_str()) == 0
        && ::symlink("a", (ws + "/inner").c_str()) == 0;
    check(setUp, "fixture");
    testFraming();
    testPathGuard(ws, true);
    testPathGuard(ws, false);
    testEditor(ws);
    const std::string cleanup = "rm -rf '" + base + "'";
    if (!base.empty() && std::system(cleanup.c_str()) != 0)
        std::printf("could not remove %s\n", base.c_str());
    std::printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
