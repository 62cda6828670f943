// Checks audit log files, given in the order they were written (a rotated
// file before its successor), against the chain of auditchain.h and, with a
// public key, the signatures of their checkpoints. Stops at the first line
// where the record no longer holds.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace hako::audit {

class PublicKey;

struct VerifyReport
{
    QString file;          // where the problem is; empty when there is none
    qint64 line = 0;       // 1-based, within `file`
    QString problem;       // in the user's language; empty when the log holds up
    qint64 lines = 0;      // lines that held up
    qint64 firstSeq = 0;   // above 1: the files begin inside a longer chain
    int checkpoints = 0;   // found
    int signedChecked = 0; // whose signatures were verified
    qint64 linesAfterLastCheckpoint = 0;
    bool ok() const { return problem.isEmpty(); }
};

// Called with each line that held up, in order.
using LineSink = std::function<void(const QJsonObject &line)>;

// `key` may be null: then checkpoints are counted, not checked.
VerifyReport verifyLog(const QStringList &files, const PublicKey *key, const LineSink &sink = {});

} // namespace hako::audit
