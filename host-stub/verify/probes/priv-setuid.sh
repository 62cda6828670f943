# The image has no setuid or setgid program.
found=$(census | awk '$1 == "f" && length($2) == 4 && $2 ~ /^[2-7]/ { print $2, $4 }' | tr '\n' ' ')
[ -z "$found" ] && ok "no setuid or setgid file" || fail "setuid or setgid: $found"
