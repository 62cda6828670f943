# /tmp holds at most limits.tmpSize: with all but 8 MiB of it taken, a 16 MiB
# write stops with ENOSPC.
size_kb=$(df -k /tmp | awk 'NR == 2 { print $2 }')
want_kb=$((V_TMP / 1024))
[ "$size_kb" = "$want_kb" ] && ok "/tmp size ${size_kb} KiB" || fail "/tmp size ${size_kb} KiB, configured ${want_kb} KiB"
fill=/tmp/hako-verify-fill
used_kb=$(df -k /tmp | awk 'NR == 2 { print $3 }')
# fallocate takes the pages at once; where it is not supported, write them.
take=$((V_TMP - used_kb * 1024 - 8 * 1048576))
fallocate -l "$take" "$fill" 2>/dev/null || head -c "$take" /dev/zero >"$fill" 2>/dev/null
if err=$(head -c 16777216 /dev/zero 2>&1 >>"$fill"); then
    fail "wrote 16 MiB into /tmp with 8 MiB free"
else
    ok "a 16 MiB write into /tmp with 8 MiB free stopped after $(( ($(wc -c <"$fill") - take) / 1048576 )) MiB: ${err##*: }"
fi
rm -f "$fill"
