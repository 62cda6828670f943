// libFuzzer entry for the plugin's side of the agent protocol: bytes from the
// agent, that is from whatever runs in the container, arrive in pieces the
// input chooses and go through FrameReader, the acceptance check of
// framecheck.h, and the JSON decoding that AgentChannel and ToolRunner apply
// to the Hello, Result and Error payloads it lets through.
// Besides the sanitizers, it checks the reader's contract: every frame it
// hands out is within the size limit, it never holds more than its capacity,
// and the frames re-encode to exactly the bytes they were read from, in order.
#include "channel/framecheck.h"
#include "channel/framereader.h"
#include "policy/errors.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace hako;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = data[0] % 64 + 1;
    const QByteArray input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    FrameReader reader;
    QByteArray taken;
    bool bad = false;
    for (qsizetype at = 0; at < input.size() && !bad;) {
        // What the reader has no room for stays with the caller, as it stays in the socket.
        at += reader.append(input.constData() + at, std::min(piece, input.size() - at));
        if (reader.buffered() > FrameReader::kCapacity)
            __builtin_trap();
        Frame frame;
        for (;;) {
            const FrameReader::Status status = reader.next(&frame);
            if (status == FrameReader::Status::NeedMore)
                break;
            if (status == FrameReader::Status::Bad) {
                bad = true;
                break;
            }
            if (frame.payload.size() > qsizetype(proto::kMaxPayload))
                __builtin_trap();
            taken += packFrame(frame.type, frame.id, frame.payload);
            // The acceptance check runs on every frame before anything parses it.
            if (jsonTokens(frame.payload) > kMaxJsonTokens + 1)
                __builtin_trap();
            if (!frameViolation(frame, frame.id % 2 == 1).isEmpty())
                continue;
            const QJsonObject object = QJsonDocument::fromJson(frame.payload).object();
            if (frame.type == proto::Type::Error)
                errorFromAgent(object.value(QLatin1String("code")).toString(),
                               object.value(QLatin1String("message")).toString());
            (void)object.value(QLatin1String("version")).toInt();
        }
    }
    if (!input.startsWith(taken))
        __builtin_trap();
    return 0;
}
