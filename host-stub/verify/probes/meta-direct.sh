# The cloud metadata service cannot be reached directly, over IPv4 or the
# IPv6 address EC2 also serves it on.
py '
for fam, addr in ((socket.AF_INET, ("169.254.169.254", 80)), (socket.AF_INET6, ("fd00:ec2::254", 80))):
    egress(f"TCP {addr[0]}:80", connect(fam, socket.SOCK_STREAM, addr))
'
if out=$(curl -sS -m 5 -o /dev/null http://169.254.169.254/latest/meta-data/ 2>&1); then fail "curl reached the metadata service"; else ok "curl http://169.254.169.254/: ${out#curl: }"; fi
