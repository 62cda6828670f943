// Tripwires inside the container: fake AWS credentials in the places a
// secret-hunting tool looks first (~/.aws/credentials and config, ~/.env) and
// a canary (~/.git-credentials), left in the tools' home directory before any
// tool exists. No legitimate call has a reason to open them. The key ID is the
// host's to recognise in a proxy request (hako/protocol/wire.h, "Decoys"), and
// an open of any of them, seen through inotify, is reported as the canary event.
#pragma once

#include "agentkey.h"
#include "fd.h"

#include <optional>
#include <string>

namespace hako::agent {

struct DecoyCredentials
{
    std::string keyId;     // AKIA + 16 base32 characters
    std::string secretKey; // 40 characters, as an AWS secret access key
};

DecoyCredentials deriveDecoy(const AgentKey &key);

class Decoys
{
public:
    // Writes the files beneath `home` (its .aws is made if missing) with
    // modification times in the past, as files a user left there long ago,
    // then watches them. A failure (a file already there included) leaves the
    // agent without decoys.
    std::optional<Failure> plant(const AgentKey &key, const std::string &home);
    // The inotify descriptor; -1 when nothing is watched.
    int fd() const { return inotify_.get(); }
    // Empties the queue; true when a decoy was opened or read since the last call.
    bool drain();

private:
    UniqueFd inotify_;
};

} // namespace hako::agent
