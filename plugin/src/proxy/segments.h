// Splitting a host name into labels or a path into segments, as views into
// the original bytes: the checks and the signer look at the same pieces.
#pragma once

#include <QByteArrayView>
#include <QList>

namespace hako::proxy {

// Every piece between separators, empty ones included: "a..b" gives "a", "", "b"
// and "/x/" gives "", "x", "".
QList<QByteArrayView> splitSegments(QByteArrayView text, char separator);

} // namespace hako::proxy
