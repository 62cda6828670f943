// Byte-level rules for a request head that http_parser is too lenient about:
// CR LF line endings only, no obs-fold, no control bytes (not even a tab in
// the request line), ASCII only (and a distinct refusal for non-ASCII in the
// target or in Host), token header names.
#pragma once

#include "refusal.h"

#include <QByteArrayView>

namespace hako::proxy {

// Screens buf[from..]; feeding code screens only what is new, starting one
// byte early so a CR or LF at the end of the previous read is judged once the
// byte after it is known.
Reason screenHead(QByteArrayView buf, qsizetype from);

// RFC 9110 tchar; http_parser lets "Host :" through as a name with a space.
bool isToken(QByteArrayView name);

} // namespace hako::proxy
