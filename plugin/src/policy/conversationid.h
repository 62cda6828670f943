// Conversation IDs come from the host, and ultimately from whoever talks to
// it: untrusted. Names, labels and paths derive only from a hash of the ID.
#pragma once

#include <hako/error.h>

#include <QString>

namespace hako {

inline constexpr int kMaxConversationIdBytes = 256;

// Checks the ID; an empty Error means it is usable.
Error validateConversationId(const QString &id);

// 32 lowercase hex digits of SHA-256(id): the key for everything derived.
QString conversationKey(const QString &id);

// "hako-<instance>-<key>": the container name. The instance keeps two hosts
// sharing one engine apart; within a host the name makes a second container
// for the same conversation impossible.
QString containerName(const QString &instanceId, const QString &key);

} // namespace hako
