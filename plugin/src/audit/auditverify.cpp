#include "auditverify.h"

#include "auditchain.h"
#include "auditkey.h"

#include <QCoreApplication>
#include <QFile>

namespace hako::audit {
namespace {

QString message(const char *text, const QStringList &args = {})
{
    QString message = QCoreApplication::translate("hako::audit", text);
    for (const QString &arg : args)
        message = message.arg(arg);
    return message;
}

class Verifier
{
public:
    Verifier(const PublicKey *key, const LineSink &sink) : m_key(key), m_sink(sink) {}

    // False once a problem is recorded.
    bool readFile(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(path, 0,
                        message(QT_TRANSLATE_NOOP("hako::audit", "the file cannot be read: %1"), {file.errorString()}));
        for (qint64 number = 1; !file.atEnd(); ++number) {
            QByteArray line = file.readLine(kMaxLineBytes + 1);
            if (!line.endsWith('\n')) {
                return fail(path, number,
                            file.atEnd() ? message(
                                    QT_TRANSLATE_NOOP("hako::audit", "the line is cut short: the file was truncated"))
                                         : message(QT_TRANSLATE_NOOP("hako::audit",
                                                                     "the line is longer than any line Hako writes")));
            }
            line.chop(1);
            if (const QString problem = checkLine(line); !problem.isEmpty())
                return fail(path, number, problem);
            ++m_report.lines;
        }
        return true;
    }

    VerifyReport report() const { return m_report; }

private:
    bool fail(const QString &path, qint64 line, const QString &problem)
    {
        m_report.file = path;
        m_report.line = line;
        m_report.problem = problem;
        return false;
    }

    QString checkLine(const QByteArray &bytes)
    {
        SealedLine line;
        switch (parseLine(bytes, &line)) {
        case LineProblem::NotSealed:
            return message(QT_TRANSLATE_NOOP("hako::audit", "the line is not a sealed audit line"));
        case LineProblem::Edited:
            return message(
                    QT_TRANSLATE_NOOP("hako::audit", "the line was changed: its hash does not match its content"));
        case LineProblem::None: break;
        }
        if (const QString problem = checkLink(line); !problem.isEmpty())
            return problem;
        m_head = {line.seq, line.hash};
        ++m_report.linesAfterLastCheckpoint;
        if (line.object.value(QLatin1String("event")).toString() == QLatin1String(kCheckpointEvent)) {
            ++m_report.checkpoints;
            m_report.linesAfterLastCheckpoint = 0;
            if (const QString problem = checkSignature(line); !problem.isEmpty())
                return problem;
        }
        if (m_sink)
            m_sink(line.object);
        return {};
    }

    QString checkLink(const SealedLine &line)
    {
        if (m_report.firstSeq == 0) {
            m_report.firstSeq = line.seq;
            return {};
        }
        const QStringList seqs = {QString::number(line.seq), QString::number(m_head.seq)};
        if (line.seq > m_head.seq + 1)
            return message(
                    QT_TRANSLATE_NOOP("hako::audit",
                                      "the chain breaks here: sequence %1 follows %2, so lines are missing or moved"),
                    seqs);
        if (line.seq <= m_head.seq)
            return message(
                    QT_TRANSLATE_NOOP("hako::audit",
                                      "the chain breaks here: sequence %1 follows %2, so this line was inserted or "
                                      "moved"),
                    seqs);
        if (line.prev != m_head.hash)
            return message(QT_TRANSLATE_NOOP("hako::audit", "the chain breaks here: the line does not link to the one "
                                                            "before it, which was replaced, or this one inserted"));
        return {};
    }

    QString checkSignature(const SealedLine &line)
    {
        const QString keyId = line.object.value(QLatin1String("key")).toString();
        const QByteArray signature =
                QByteArray::fromBase64(line.object.value(QLatin1String("sig")).toString().toLatin1());
        if (keyId.isEmpty() || signature.isEmpty())
            return message(QT_TRANSLATE_NOOP("hako::audit", "the checkpoint lacks its signature or key ID"));
        if (!m_key)
            return {};
        if (keyId != m_key->id())
            return message(QT_TRANSLATE_NOOP("hako::audit", "the checkpoint names another signing key (%1, not %2)"),
                           {keyId, m_key->id()});
        if (!m_key->verify(checkpointMessage(line.seq, line.prev), signature))
            return message(QT_TRANSLATE_NOOP("hako::audit",
                                             "the checkpoint's signature does not verify: it was forged or altered"));
        ++m_report.signedChecked;
        return {};
    }

    const PublicKey *m_key;
    const LineSink &m_sink;
    ChainHead m_head;
    VerifyReport m_report;
};

} // namespace

VerifyReport verifyLog(const QStringList &files, const PublicKey *key, const LineSink &sink)
{
    Verifier verifier(key, sink);
    for (const QString &file : files)
        if (!verifier.readFile(file))
            break;
    return verifier.report();
}

} // namespace hako::audit
