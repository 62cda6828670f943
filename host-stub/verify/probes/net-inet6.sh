# IPv6, TCP and UDP, gets nowhere.
py '
for kind, name in ((socket.SOCK_STREAM, "TCP"), (socket.SOCK_DGRAM, "UDP")):
    egress(f"{name} [2606:4700:4700::1111]:53", connect(socket.AF_INET6, kind, ("2606:4700:4700::1111", 53)))
'
