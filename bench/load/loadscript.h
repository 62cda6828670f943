// What one simulated agent does in its conversation: a fixed cycle of tool
// calls of the kinds a coding agent makes (shell commands, edits, file
// transfers, a model request through the credential proxy), each with a check
// of its result that depends on what the conversation did before, so that a
// call answered from the wrong container or a lost file shows as an error.
#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace hako::bench {

struct ScriptStep
{
    QString tool;
    QJsonObject input;
    // Empty when the result is right; else a short reason ("mismatch").
    std::function<QString(const QJsonObject &result)> check;
};

class LoadScript
{
public:
    LoadScript() = default;
    // `proxy`: whether the proxy step runs (a stand-in for Bedrock is there).
    LoadScript(quint64 seed, bool proxy) : m_seed(seed), m_proxy(proxy) {}

    // The next call; `advance()` once it succeeded.
    ScriptStep next() const;
    void advance();
    // After an idle TTL reaped the container: the files written before must be there.
    ScriptStep revivalCheck() const;
    bool hasFile() const { return m_written > 0; }

    // The request the proxy step sends, for bench and test reports.
    static QString proxyCommand();
    // Deterministic content of the k-th file of a conversation.
    static QByteArray fileContent(quint64 seed, int k);

private:
    ScriptStep readBack(int k) const;

    quint64 m_seed = 1;
    bool m_proxy = false;
    int m_step = 0;
    int m_logLines = 0; // lines the bash step appended to log.txt so far
    int m_written = 0;  // files written so far; the last is data-<m_written-1 mod 3>
    int m_edits = 0;    // value in src.py
};

} // namespace hako::bench
