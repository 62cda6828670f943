// The audit log's line format. Every line is one compact JSON object, ended by
// a newline, whose members include "seq" (1, 2, ... along the chain), "prev"
// (the previous line's hash, 64 zeros on the first line of a chain) and, as
// its last member, "hash". A line's hash is SHA-256 over the previous line's
// hash (32 raw bytes) followed by the line's canonical bytes: the line exactly
// as written, without its newline and with its final `,"hash":"<64 hex>"`
// member cut out. Hashing the written bytes rather than a re-serialisation
// means a verifier in any language needs no JSON canonicalisation.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace hako::audit {

// Far above any line the host writes (IDs are capped at 256 characters); a
// reader never takes in more than this for one line.
inline constexpr qsizetype kMaxLineBytes = 16 * 1024;

// The "event" of a signed checkpoint line (auditkey.h, checkpointMessage()).
inline constexpr char kCheckpointEvent[] = "checkpoint";

struct ChainHead
{
    qint64 seq = 0;  // of the last line; 0 before the first
    QByteArray hash; // raw SHA-256 of the last line; 32 zero bytes before the first
};

ChainHead genesis();

// `fields` sealed as the line after `previous`, newline included; *sealed
// becomes the new head.
QByteArray sealLine(QJsonObject fields, const ChainHead &previous, ChainHead *sealed);

struct SealedLine
{
    QJsonObject object;
    qint64 seq = 0;
    QByteArray prev; // raw
    QByteArray hash; // raw, as recorded and as recomputed: parseLine() checks they agree
};

enum class LineProblem { None, NotSealed, Edited };

// Reads `line` (without its newline), checking that its hash matches its bytes.
LineProblem parseLine(const QByteArray &line, SealedLine *parsed);

// What a checkpoint's signature covers: the chain up to the line before it.
QByteArray checkpointMessage(qint64 seq, const QByteArray &prev);

} // namespace hako::audit
