"""Signs one request with botocore's SigV4Auth at a fixed time.

Reads {"method","url","headers":[[k,v]...],"body","region","service","time",
"access_key","secret_key","token"} on stdin; prints {"authorization",
"canonical_request"} on stdout. Used as the independent reference signer.
"""
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

spec = json.load(sys.stdin)
fixed = datetime.datetime.strptime(spec["time"], "%Y%m%dT%H%M%SZ")


class FixedClock(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return fixed


botocore.auth.datetime.datetime = FixedClock
request = AWSRequest(method=spec["method"], url=spec["url"], data=spec["body"].encode())
for name, value in spec["headers"]:
    request.headers[name] = value
auth = botocore.auth.SigV4Auth(
    Credentials(spec["access_key"], spec["secret_key"], spec.get("token")),
    spec["service"], spec["region"])
auth.add_auth(request)
authorization = request.headers["Authorization"]
del request.headers["Authorization"]
print(json.dumps({
    "authorization": authorization,
    "canonical_request": auth.canonical_request(request),
}))
