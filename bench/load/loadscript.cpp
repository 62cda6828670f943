#include "loadscript.h"

namespace hako::bench {
namespace {

// Small to medium: a source file, a config, a data file, a bundle.
constexpr int kSizes[] = {700, 12 * 1024, 64 * 1024, 256 * 1024};
constexpr int kSteps = 8;

QString fileName(int k)
{
    return QStringLiteral("data-%1.bin").arg(k % 3);
}

QString stdoutIs(const QJsonObject &r, const QString &want)
{
    if (r.value(QLatin1String("exit_code")).toInt(-1) != 0)
        return QStringLiteral("exit_code");
    return r.value(QLatin1String("stdout")).toString() == want ? QString() : QStringLiteral("mismatch");
}

} // namespace

QByteArray LoadScript::fileContent(quint64 seed, int k)
{
    QByteArray bytes(kSizes[k % 4], Qt::Uninitialized);
    quint64 x = seed * 0x9e3779b97f4a7c15ULL + quint64(k) + 1;
    for (char &c : bytes) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        c = char(x >> 56); // every byte value: the transfer must be binary-safe
    }
    return bytes;
}

QString LoadScript::proxyCommand()
{
    return QStringLiteral("curl -sS --max-time 60 --unix-socket /var/run/hako/proxy.sock "
                          "-H 'Content-Type: application/json' -d '{\"anthropic_version\":\"bedrock-2023-05-31\"}' "
                          "'http://bedrock-runtime.us-east-1.amazonaws.com/model/"
                          "anthropic.claude-3-haiku-20240307-v1%3A0/invoke'");
}

ScriptStep LoadScript::readBack(int k) const
{
    const quint64 seed = m_seed;
    return {QStringLiteral("read_file"),
            {{QStringLiteral("path"), fileName(k)}, {QStringLiteral("encoding"), QStringLiteral("base64")}},
            [seed, k](const QJsonObject &r) {
        const QByteArray got = QByteArray::fromBase64(r.value(QLatin1String("content")).toString().toLatin1());
        return got == fileContent(seed, k) ? QString() : QStringLiteral("mismatch");
            }};
}

ScriptStep LoadScript::next() const
{
    const int lines = m_logLines + 1;
    switch (m_step % kSteps) {
    case 0:
        return {QStringLiteral("bash"),
                {{QStringLiteral("command"), QStringLiteral("echo %1 >> log.txt && wc -l < log.txt").arg(lines)}},
                [lines](const QJsonObject &r) { return stdoutIs(r, QString::number(lines) + QLatin1Char('\n')); }};
    case 1:
        return {QStringLiteral("write_file"),
                {{QStringLiteral("path"), fileName(m_written)},
                 {QStringLiteral("encoding"), QStringLiteral("base64")},
                 {QStringLiteral("content"), QString::fromLatin1(fileContent(m_seed, m_written).toBase64())}},
                [](const QJsonObject &) { return QString(); }};
    case 2: return readBack(m_written - 1);
    case 3:
        return {QStringLiteral("str_replace_based_edit_tool"),
                {{QStringLiteral("command"), QStringLiteral("create")},
                 {QStringLiteral("path"), QStringLiteral("src.py")},
                 {QStringLiteral("file_text"),
                  QStringLiteral("import sys\n\nvalue = %1\n\ndef main():\n    print(value)\n").arg(m_edits)}},
                [](const QJsonObject &) { return QString(); }};
    case 4:
        return {QStringLiteral("str_replace_based_edit_tool"),
                {{QStringLiteral("command"), QStringLiteral("str_replace")},
                 {QStringLiteral("path"), QStringLiteral("src.py")},
                 {QStringLiteral("old_str"), QStringLiteral("value = %1\n").arg(m_edits)},
                 {QStringLiteral("new_str"), QStringLiteral("value = %1\n").arg(m_edits + 1)}},
                [](const QJsonObject &) { return QString(); }};
    case 5: {
        const QString want = QStringLiteral("value = %1").arg(m_edits); // str_replace counted already
        return {QStringLiteral("str_replace_based_edit_tool"),
                {{QStringLiteral("command"), QStringLiteral("view")},
                 {QStringLiteral("path"), QStringLiteral("src.py")}},
                [want](const QJsonObject &r) {
            return r.value(QLatin1String("output")).toString().contains(want) ? QString() : QStringLiteral("mismatch");
                }};
    }
    case 6:
        return {QStringLiteral("bash"),
                {{QStringLiteral("command"), QStringLiteral("seq 1 5000 | sort -rn | head -n 1; ls | wc -l")}},
                [](const QJsonObject &r) {
            return r.value(QLatin1String("stdout")).toString().startsWith(QLatin1String("5000\n"))
                           ? QString()
                           : QStringLiteral("mismatch");
                }};
    default:
        if (!m_proxy)
            return {QStringLiteral("bash"),
                    {{QStringLiteral("command"), QStringLiteral("pwd")}},
                    [](const QJsonObject &r) { return stdoutIs(r, QStringLiteral("/workspace\n")); }};
        // "proxy" is the driver's name for this step; the tool is bash.
        return {QStringLiteral("proxy"), {{QStringLiteral("command"), proxyCommand()}}, [](const QJsonObject &r) {
                    return r.value(QLatin1String("stdout")).toString().contains(QLatin1String("\"verified\": true"))
                                   ? QString()
                                   : QStringLiteral("refused");
                }};
    }
}

void LoadScript::advance()
{
    switch (m_step % kSteps) {
    case 0: ++m_logLines; break;
    case 1: ++m_written; break;
    case 4: ++m_edits; break;
    }
    ++m_step;
}

ScriptStep LoadScript::revivalCheck() const
{
    return readBack(m_written - 1);
}

} // namespace hako::bench
