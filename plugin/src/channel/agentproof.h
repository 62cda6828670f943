// The host's half of agent authentication (hako/protocol/wire.h, "Agent
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

struct evp_mac_ctx_st; // OpenSSL's EVP_MAC_CTX

namespace hako {

// 16 random bytes (QRandomGenerator::system()) as 32 lowercase hex digits.
QByteArray newAgentKeyNonce();
// Whether `nonce` is spelled as newAgentKeyNonce() spells one.
bool isAgentKeyNonce(const QByteArray &nonce);

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

// HMAC-SHA256(key raw bytes, "hako-agent-session-v1" || challenge bytes): the
// 32 raw bytes that key one connection's frame tags (hako/protocol/wire.h,
// "Frame tags"). Empty when either is not exactly 64 lowercase hex digits.
QByteArray sessionKey(const QByteArray &keyHex, const QByteArray &challengeHex);

// The tags of one direction of a connection, in sequence: each call to
// next() or matches() stands for the next frame of that direction. OpenSSL's
// HMAC, not Qt's: with the CPU's SHA instructions it is about ten times as
// fast (1.6 GB/s against 0.15 GB/s), and every byte of a transfer passes it.
class FrameTagger
{
public:
    FrameTagger(const QByteArray &sessionKey, char direction);
    ~FrameTagger();
    FrameTagger(const FrameTagger &) = delete;
    FrameTagger &operator=(const FrameTagger &) = delete;
    // The first 16 bytes of HMAC-SHA256(sessionKey, direction || u64 BE
    // sequence || header || payload), fed in pieces: the payload is not copied.
    // Empty should OpenSSL fail, which then no frame survives: fail closed.
    QByteArray next(const char *header, const QByteArray &payload);
    // Whether `tag` (16 bytes) is the next frame's, compared in constant time.
    bool matches(const char *header, const QByteArray &payload, const char *tag);

private:
    evp_mac_ctx_st *m_mac;
    char m_direction;
    quint64 m_sequence = 0;
};

// The 32 raw bytes of <runtimeDir>/agent-secret, created on first use (mode
// 0600, written under a temporary name and link()ed into place, so that
// concurrent host processes agree on one secret), into *secret. Refuses, with
// ErrorCode::HostIo and *secret empty, a file that is a symlink, not a
// regular file, not owned by the effective user, readable or writable by
// group or others, or not exactly 32 bytes long.
Error loadOrCreateHostSecret(const QString &runtimeDir, QByteArray *secret);

} // namespace hako
