# The only sockets in reach are the agent's and the proxy's; no docker.sock
# or containerd socket anywhere.
socks=$(census | awk '$1 == "s" { print $4 }' | sort | tr '\n' ' ')
extra=$(printf '%s\n' $socks | grep -vxE '(/var)?/run/hako/(agent/agent|proxy)\.sock' | tr '\n' ' ')
[ -z "$extra" ] && ok "sockets on the filesystem: $socks" || fail "unexpected sockets: $extra"
for path in /var/run/docker.sock /run/docker.sock /run/containerd/containerd.sock /var/run/containerd/containerd.sock /run/podman/podman.sock; do
    [ -e "$path" ] && fail "$path exists" || ok "$path absent"
done
