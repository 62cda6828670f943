# Tools run as the unprivileged user 1000:1000, with no supplementary group.
[ "$(id -u):$(id -g)" = "1000:1000" ] && ok "uid:gid $(id -u):$(id -g)" || fail "uid:gid $(id -u):$(id -g)"
groups=$(id -G)
[ "$groups" = "1000" ] && ok "groups: $groups" || fail "groups: $groups"
uids=$(awk '/^Uid:/ { print $2, $3, $4, $5 }' /proc/self/status)
[ "$uids" = "1000 1000 1000 1000" ] && ok "real, effective, saved, fs uid: $uids" || fail "uids: $uids"
