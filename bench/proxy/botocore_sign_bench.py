"""Times botocore's SigV4Auth.add_auth on the Bedrock request bench_proxy signs.
Prints microseconds per signature: the fastest of several batches (as timeit
advises), the same rule bench_proxy applies to hako's signer, so that CPU time
taken by other processes on a shared machine counts against neither side."""
import sys
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
BATCHES = 15
body = sys.stdin.buffer.read()
credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token")
signer = SigV4Auth(credentials, "bedrock", "us-east-1")
url = ("https://bedrock-runtime.us-east-1.amazonaws.com"
       "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke")
best = float("inf")
for _ in range(BATCHES):
    start = time.perf_counter()
    for _ in range(iterations // BATCHES):
        request = AWSRequest(method="POST", url=url, data=body,
                             headers={"Content-Type": "application/json"})
        signer.add_auth(request)
    best = min(best, (time.perf_counter() - start) / (iterations // BATCHES))
print(f"{best * 1e6:.2f}")
