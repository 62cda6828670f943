# Through the credential proxy, the metadata address is refused in every
# spelling: IP literals (decimal, hex, octal, short, IPv6-mapped, EC2's IPv6),
# a trailing dot, percent-encoding, userinfo tricks, a Host header that
# disagrees with an absolute target, the metadata host names, and CONNECT.
py '
md = "169.254.169.254"
for host in (md, "2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "0xa9.0xfe.0xa9.0xfe", "169.254.43518",
             "169.16689662", "[::ffff:169.254.169.254]", "[::ffff:a9fe:a9fe]", "[fd00:ec2::254]", md + ".",
             "%31%36%39.%32%35%34.%31%36%39.%32%35%34", "169.254.169.254:80", "metadata.google.internal",
             "instance-data.ec2.internal", "metadata.azure.internal"):
    refused_by_proxy("Host: " + host, request("/latest/meta-data/", host))
allowed = "bedrock-runtime.us-east-1.amazonaws.com"
refused_by_proxy("absolute http://169.254.169.254/ with an allowed Host",
                 request("http://169.254.169.254/latest/meta-data/", allowed))
refused_by_proxy("Host: " + allowed + "@" + md, request("/", allowed + "@" + md))
refused_by_proxy("absolute http://" + allowed + "@" + md + "/", request(f"http://{allowed}@{md}/", md))
refused_by_proxy("CONNECT " + md + ":80", f"CONNECT {md}:80 HTTP/1.1\r\nHost: {md}:80\r\n\r\n".encode())
'
