# TCP over IPv4 to the internet: refused at socket() by seccomp (runc), or
# finds no route (gVisor without the profile).
py '
for host, port in (("1.1.1.1", 443), ("8.8.8.8", 53), ("93.184.216.34", 80)):
    egress(f"TCP {host}:{port}", connect(socket.AF_INET, socket.SOCK_STREAM, (host, port)))
'
