# The network namespace has the loopback interface only, and no route out.
ifaces=$(awk -F: 'NR > 2 { gsub(/ /, "", $1); print $1 }' /proc/net/dev | tr '\n' ' ')
[ "$ifaces" = "lo " ] && ok "interfaces: $ifaces" || fail "interfaces: $ifaces"
routes=$(awk 'NR > 1' /proc/net/route 2>/dev/null | wc -l)
[ "$routes" = 0 ] && ok "no IPv4 route" || fail "$routes IPv4 routes"
routes6=$(grep -vc ' lo$' /proc/net/ipv6_route 2>/dev/null)
[ "${routes6:-0}" = 0 ] && ok "no IPv6 route off the loopback" || fail "$routes6 IPv6 routes off the loopback"
