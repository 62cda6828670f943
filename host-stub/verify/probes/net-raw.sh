# Raw and packet sockets, which could forge traffic, are refused.
py '
for fam, kind, proto, label in ((socket.AF_PACKET, socket.SOCK_RAW, 0x0300, "AF_PACKET raw"),
                                (socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP, "AF_INET raw ICMP"),
                                (socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6, "AF_INET6 raw ICMPv6")):
    refused(label, open_socket(fam, kind, proto))
'
