// Checks a seccomp profile in Docker's JSON format with libseccomp before a
// container is started with it, so that a bad profile is refused with a message
// naming the entry instead of failing later inside `docker run`.
#pragma once

#include <hako/error.h>

#include <QByteArray>

namespace hako {

// A null Error when the profile is usable: every syscall name is known on
// x86_64 and aarch64, actions, errno values and argument filters are valid, no
// rule is silently overridden by another, and the rules compile into a filter
// for each architecture group of the profile (built, never loaded).
Error validateSeccompProfile(const QByteArray &json);

} // namespace hako
