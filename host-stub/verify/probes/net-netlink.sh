# Netlink (kernel routing, audit, xfrm parsers) is refused; where gVisor
# serves it from its own network stack, it shows the loopback only.
py '
for proto, label in ((0, "NETLINK_ROUTE"), (9, "NETLINK_AUDIT"), (6, "NETLINK_XFRM")):
    refused("AF_NETLINK " + label, open_socket(socket.AF_NETLINK, socket.SOCK_RAW, proto),
            gvisor_note=True)
try:
    names = [name for _, name in socket.if_nameindex()]
except OSError as e:
    names = []
report(all(n == "lo" for n in names), "interfaces through netlink: " + (", ".join(names) or "not reachable"))
'
