// The host's half of agent authentication (agent/protocol.h, "Agent
// authentication"): the per-container key, the challenge, the check of the
// agent's proof, and the host secret every key is derived from. The agent
// computes the same HMAC in agent/agentkey.cpp without Qt or OpenSSL.
//
// Flow: at container creation the host picks newAgentKeyNonce(), stores it as
// the container label org.hako.nonce and hands agentKey(secret, nonce) to
// hako-agent through HAKO_AGENT_KEY only. On every connection the host sends
// newChallenge() in its Hello and accepts the agent only when
// proofMatches(key, challenge, hello["proof"]). A re-adopting host process
// derives the same key again from the label and the secret on disk, so the key
// itself is never stored.
//
// Hex is always lowercase; every function refuses any other spelling.
#pragma once

#include <hako/error.h>

#include <QByteArray>
#include <QString>

namespace hako {

// 16 random bytes (QRandomGenerator::system()) as 32 lowercase hex digits.
QByteArray newAgentKeyNonce();

// HMAC-SHA256(hostSecret, "hako-agent-key-v1" || nonce) as 64 lowercase hex
// digits: the value of the container's HAKO_AGENT_KEY. `nonce` is taken as
// the bytes given (the label's text), `hostSecret` as raw bytes.
QByteArray agentKey(const QByteArray &hostSecret, const QByteArray &nonce);

// 32 random bytes (QRandomGenerator::system()) as 64 lowercase hex digits.
QByteArray newChallenge();

// Whether `proofHex` is hex(HMAC-SHA256(key, "hako-agent-proof-v1" ||
// challenge)), compared in constant time. False when any of the three is not
// exactly 64 lowercase hex digits.
bool proofMatches(const QByteArray &keyHex, const QByteArray &challengeHex, const QByteArray &proofHex);

// The 32 raw bytes of <runtimeDir>/agent-secret, created on first use (mode
// 0600, written under a temporary name and link()ed into place, so that
// concurrent host processes agree on one secret). Refuses, with
// ErrorCode::HostIo and an empty result, a file that is a symlink, not a
// regular file, not owned by the effective user, readable or writable by
// group or others, or not exactly 32 bytes long.
QByteArray loadOrCreateHostSecret(const QString &runtimeDir, Error *error);

} // namespace hako
