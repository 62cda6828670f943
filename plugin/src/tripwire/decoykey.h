// The host's side of the decoy credentials each agent plants
// (hako/protocol/wire.h, "Decoys"): the key ID of the agent holding a given
// key, which the proxy looks for in every request of that sandbox.
#pragma once

#include <QByteArray>

namespace hako {

// "AKIA" and 16 base32 characters; empty when `agentKeyHex` is not a key.
QByteArray decoyKeyId(const QByteArray &agentKeyHex);

} // namespace hako
