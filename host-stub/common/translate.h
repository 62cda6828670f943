// hako-host's translated texts. lupdate files a free tr() call, and a
// QT_TR_NOOP() mark, under the namespace around it; each namespace's tr()
// looks its texts up under that same name, so that every catalogue entry is found.
#pragma once

#include <hako/error.h>

#include <QStringList>

namespace hako::host {

// `text` in the user's language, %1 ... filled in order from `args`.
QString translate(const char *context, const char *text, const QStringList &args = {});

// A failure of hako-host itself: `text` translated for people and in English
// for logs, both filled from `args`.
Error failure(const QString &code, const char *context, const char *text, const QStringList &args = {});

inline constexpr char kTrContext[] = "hako::host";
inline QString tr(const char *text)
{
    return translate(kTrContext, text);
}

namespace mcp {
inline constexpr char kTrContext[] = "hako::host::mcp";
inline QString tr(const char *text)
{
    return translate(kTrContext, text);
}
} // namespace mcp

namespace verify {
inline constexpr char kTrContext[] = "hako::host::verify";
inline QString tr(const char *text)
{
    return translate(kTrContext, text);
}
} // namespace verify

} // namespace hako::host
