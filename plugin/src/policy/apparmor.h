// Whether the host can hold containers to Hako's AppArmor profile
// (policies/apparmor/hako-workspace). Where the kernel has AppArmor the profile
// must be loaded: Docker would otherwise apply its own, weaker default without
// a word, which is the silent fallback Hako refuses.
#pragma once

#include <QString>

namespace hako {

inline constexpr char kAppArmorProfile[] = "hako-workspace";

enum class AppArmorState {
    Unavailable, // the kernel has no AppArmor: nothing to apply
    Loaded,      // on, and hako-workspace is loaded: containers run under it
    NotLoaded,   // on, but hako-workspace is missing: containers must not start
};

// `sysfs` is where sysfs is mounted; tests point it at a fixture.
AppArmorState appArmorState(const QString &sysfs = QStringLiteral("/sys"));

} // namespace hako
