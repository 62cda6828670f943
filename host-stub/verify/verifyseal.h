// A verify report signed with the host's audit key (plugin/src/audit/auditkey.h),
// so that a report kept as evidence cannot be edited unnoticed: the signature
// covers the report's JSON, facts it is bound to included, in one canonical
// form (Qt's compact JSON: keys sorted, no spaces).
#pragma once

#include <audit/auditkey.h>

#include <QJsonObject>

namespace hako::host::verify {

enum class Seal {
    Valid,
    Missing, // no signature object
    Invalid, // malformed, by another key, or the report was changed
};

// `report` with "signature": {"algorithm", "key_id", "value" (base64)};
// unchanged when the key cannot sign.
QJsonObject sealed(QJsonObject report, const audit::SigningKey &key);

Seal checkSeal(const QJsonObject &report, const audit::PublicKey &key);

} // namespace hako::host::verify
