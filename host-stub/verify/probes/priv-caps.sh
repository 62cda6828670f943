# The tool holds no capability at all, not even in its bounding set.
for field in CapInh CapPrm CapEff CapBnd CapAmb; do
    value=$(awk -v f="$field:" '$1 == f { print $2 }' /proc/self/status)
    [ -z "$value" ] && { gvisor && [ "$field" = CapAmb ] && continue; fail "$field missing"; continue; }
    [ "$value" = 0000000000000000 ] && ok "$field $value" || fail "$field $value"
done
