#include "segments.h"

namespace hako::proxy {

QList<QByteArrayView> splitSegments(QByteArrayView text, char separator)
{
    QList<QByteArrayView> out;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(separator, start);
        if (end < 0)
            end = text.size();
        out.append(text.sliced(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace hako::proxy
