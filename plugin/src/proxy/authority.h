// Syntax checks for the parts of a request that name the upstream: the
// authority (Host header or absolute-URI authority) and the path. Raw bytes
// are checked before anything is decoded or case-folded, so no Unicode or
// percent trick can turn a refused name into an allowed one.
#pragma once

#include "refusal.h"

#include <QByteArray>
#include <QByteArrayView>

namespace hako::proxy {

struct Authority
{
    QByteArray host; // lowercase DNS name, no trailing dot
    int port = 443;
};

enum class LetterCase { Any, LowerOnly };

// One label of a DNS name: 1 to 63 letters, digits and hyphens, with no hyphen
// at either end. Allowlist patterns are stored lowercase, so they take LowerOnly.
bool isDnsLabel(QByteArrayView label, LetterCase letters = LetterCase::Any);

// Accepts "name" or "name:443" where name is LDH labels; IP literals,
// userinfo, other ports and anything non-ASCII are refused.
Reason parseAuthority(QByteArrayView raw, Authority *out);

// Accepts an absolute path of printable ASCII without empty, "." or ".."
// segments, so the path the service sees is the path that was signed.
Reason checkPath(QByteArrayView path);

} // namespace hako::proxy
