# Every other address family that reaches a kernel subsystem or another host
# (vsock to the hypervisor, kernel crypto, Bluetooth, CAN, RDS, TIPC, XDP, ...)
# is refused; only AF_UNIX remains.
py '
families = dict(AF_VSOCK=40, AF_ALG=38, AF_BLUETOOTH=31, AF_CAN=29, AF_RDS=21, AF_TIPC=30, AF_XDP=44,
                AF_KEY=15, AF_APPLETALK=5, AF_X25=9, AF_AX25=3, AF_IPX=4, AF_SMC=43, AF_QIPCRTR=42, AF_NFC=39,
                AF_LLC=26, AF_PPPOX=24, AF_IEEE802154=36, AF_MCTP=45)
for label, fam in families.items():
    errs = {open_socket(fam, kind) for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_SEQPACKET, socket.SOCK_RAW)}
    report(0 not in errs, f"{label}: " + ", ".join(sorted(ename(e) for e in errs)))
report(open_socket(socket.AF_UNIX, socket.SOCK_STREAM) == 0, "AF_UNIX still works")
'
