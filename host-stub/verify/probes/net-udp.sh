# UDP over IPv4 (a DNS query to public resolvers) gets nowhere.
py '
for host in ("8.8.8.8", "1.1.1.1"):
    egress(f"UDP {host}:53", connect(socket.AF_INET, socket.SOCK_DGRAM, (host, 53)))
'
