"""pip install of a local wheel into the user site, then import it.
The wheel is assembled here with zipfile so that nothing comes from an index."""
import base64
import hashlib
import os
import subprocess
import sys
import zipfile

NAME, VERSION = "hako_probe", "1.0"
DIST = f"{NAME}-{VERSION}.dist-info"
files = {
    f"{NAME}/__init__.py": b"def answer():\n    return 42\n",
    f"{DIST}/METADATA": f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\n".encode(),
    f"{DIST}/WHEEL": b"Wheel-Version: 1.0\nGenerator: hako\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
}


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}\n"


wheel = os.path.abspath(f"{NAME}-{VERSION}-py3-none-any.whl")
with zipfile.ZipFile(wheel, "w") as z:
    for path, data in files.items():
        z.writestr(path, data)
    z.writestr(f"{DIST}/RECORD", "".join(record_line(p, d) for p, d in files.items()) + f"{DIST}/RECORD,,\n")

env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
subprocess.run([sys.executable, "-m", "pip", "install", "--user", "--no-index", "--break-system-packages", wheel],
               check=True, env=env)
out = subprocess.run([sys.executable, "-c", f"import {NAME}; print({NAME}.answer())"],
                     check=True, capture_output=True, text=True, env=env)
assert out.stdout.strip() == "42", out
subprocess.run([sys.executable, "-m", "pip", "list", "--user"], check=True, capture_output=True, env=env)
